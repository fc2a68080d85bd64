// java.lang.Math on ints and longs: abs (abs(MIN_VALUE) is MIN_VALUE), min, max, floorDiv and
// floorMod with every sign combination.
public class MathOps {
    public static void main(String[] args) {
        int[] xs = {7, -7, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, 1, -1};
        int[] ys = {2, -2, 3, -3, 1, -1, Integer.MAX_VALUE};
        for (int x : xs) {
            StringBuilder sb = new StringBuilder();
            sb.append(x).append(": abs ").append(Math.abs(x));
            for (int y : ys) {
                sb.append(" | ").append(y).append(' ').append(Math.floorDiv(x, y)).append(' ').append(Math.floorMod(x, y))
                  .append(' ').append(Math.min(x, y)).append(' ').append(Math.max(x, y));
            }
            System.out.println(sb);
        }
        long[] lx = {7, -7, Long.MIN_VALUE, Long.MAX_VALUE, -1};
        long[] ly = {2, -2, 10, -1, Long.MIN_VALUE};
        for (long x : lx) {
            StringBuilder sb = new StringBuilder();
            sb.append(x).append(": abs ").append(Math.abs(x));
            for (long y : ly) {
                sb.append(" | ").append(Math.floorDiv(x, y)).append(' ').append(Math.floorMod(x, y))
                  .append(' ').append(Math.min(x, y)).append(' ').append(Math.max(x, y));
            }
            System.out.println(sb);
        }
        try {
            Math.floorDiv(1, 0);
        } catch (ArithmeticException e) {
            System.out.println("floorDiv: " + e.getMessage());
        }
    }
}
