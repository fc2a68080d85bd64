// The class library's Math: abs, min, max, floorDiv, floorMod, the *Exact methods with java's
// messages ("integer overflow", "long overflow"), multiplyHigh.
// FLAVOURS: 17
public class LibMath {
    static final int[] I = { 0, 1, -1, 2, -2, 7, -7, 13, Integer.MAX_VALUE, Integer.MIN_VALUE, 65536, -65536 };
    static final long[] L = { 0, 1, -1, 3, -3, 10, Long.MAX_VALUE, Long.MIN_VALUE, 4294967296L, -4294967296L,
            3037000499L, 3037000500L };

    public static void main(String[] args) {
        for (int a : I) {
            StringBuilder sb = new StringBuilder(a + ":");
            sb.append(' ').append(Math.abs(a)).append(' ').append(Math.abs((long) a));
            for (int b : I) {
                sb.append(" |").append(Math.min(a, b)).append(',').append(Math.max(a, b));
                try { sb.append(',').append(Math.floorDiv(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                try { sb.append(',').append(Math.floorMod(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                try { sb.append(',').append(Math.addExact(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                try { sb.append(',').append(Math.subtractExact(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                try { sb.append(',').append(Math.multiplyExact(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                sb.append(',').append(Math.multiplyFull(a, b));
            }
            System.out.println(sb);
        }
        for (long a : L) {
            StringBuilder sb = new StringBuilder(a + ":");
            sb.append(' ').append(Math.abs(a));
            for (long b : L) {
                sb.append(" |").append(Math.min(a, b)).append(',').append(Math.max(a, b));
                try { sb.append(',').append(Math.floorDiv(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                try { sb.append(',').append(Math.floorMod(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                try { sb.append(',').append(Math.addExact(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                try { sb.append(',').append(Math.subtractExact(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                try { sb.append(',').append(Math.multiplyExact(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                sb.append(',').append(Math.multiplyHigh(a, b));
            }
            for (int b : I) {
                try { sb.append(" /").append(Math.floorDiv(a, b)); } catch (ArithmeticException e) { sb.append(" /").append(e.getMessage()); }
                try { sb.append(',').append(Math.floorMod(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
                try { sb.append(',').append(Math.multiplyExact(a, b)); } catch (ArithmeticException e) { sb.append(',').append(e.getMessage()); }
            }
            try { sb.append(" i").append(Math.toIntExact(a)); } catch (ArithmeticException e) { sb.append(" i").append(e.getMessage()); }
            try { sb.append(" ++").append(Math.incrementExact(a)); } catch (ArithmeticException e) { sb.append(" ++").append(e.getMessage()); }
            try { sb.append(" --").append(Math.decrementExact(a)); } catch (ArithmeticException e) { sb.append(" --").append(e.getMessage()); }
            try { sb.append(" -").append(Math.negateExact(a)); } catch (ArithmeticException e) { sb.append(" -").append(e.getMessage()); }
            System.out.println(sb);
        }
        for (int a : I) {
            StringBuilder sb = new StringBuilder(a + ":");
            try { sb.append(" ++").append(Math.incrementExact(a)); } catch (ArithmeticException e) { sb.append(" ++").append(e.getMessage()); }
            try { sb.append(" --").append(Math.decrementExact(a)); } catch (ArithmeticException e) { sb.append(" --").append(e.getMessage()); }
            try { sb.append(" -").append(Math.negateExact(a)); } catch (ArithmeticException e) { sb.append(" -").append(e.getMessage()); }
            System.out.println(sb);
        }
    }
}
