// the exceptions the VM throws itself, caught, with java's messages: ArithmeticException
// "/ by zero" (idiv, irem, ldiv, lrem), ArrayIndexOutOfBoundsException "Index 5 out of bounds
// for length 3" (loads and stores of every array type, negative indexes),
// NegativeArraySizeException "-2", NullPointerException (only its class: java 17's helpful
// messages are not reproduced), ClassCastException (class only), ArrayStoreException.
public class VmExceptions {
    static int zero = 0;
    static int idx = 5;

    interface Thrower { void run(); }

    static void expect(String what, Thrower t) {
        try {
            t.run();
            System.out.println(what + ": no exception");
        } catch (ArithmeticException | ArrayIndexOutOfBoundsException | NegativeArraySizeException | ArrayStoreException e) {
            System.out.println(what + ": " + e);
        } catch (NullPointerException e) {
            System.out.println(what + ": NullPointerException");
        } catch (ClassCastException e) {
            System.out.println(what + ": ClassCastException");
        }
    }

    static class Box { int v; long w; Object o; int get() { return v; } }

    public static void main(String[] args) {
        expect("idiv", new Thrower() { public void run() { System.out.println(1 / zero); } });
        expect("irem", new Thrower() { public void run() { System.out.println(1 % zero); } });
        expect("ldiv", new Thrower() { public void run() { System.out.println(1L / zero); } });
        expect("lrem", new Thrower() { public void run() { System.out.println(1L % (long) zero); } });
        expect("iaload", new Thrower() { public void run() { int[] a = new int[3]; System.out.println(a[idx]); } });
        expect("iastore -1", new Thrower() { public void run() { int[] a = new int[3]; a[-1] = 0; } });
        expect("laload", new Thrower() { public void run() { long[] a = new long[2]; System.out.println(a[2]); } });
        expect("baload", new Thrower() { public void run() { byte[] a = new byte[0]; System.out.println(a[0]); } });
        expect("bastore boolean", new Thrower() { public void run() { boolean[] a = new boolean[4]; a[idx] = true; } });
        expect("caload", new Thrower() { public void run() { char[] a = new char[1]; System.out.println(a[Integer.MIN_VALUE]); } });
        expect("sastore", new Thrower() { public void run() { short[] a = new short[7]; a[7] = 1; } });
        expect("aaload", new Thrower() { public void run() { String[] a = new String[3]; System.out.println(a[idx]); } });
        expect("aastore", new Thrower() { public void run() { Object[] a = new Object[3]; a[Integer.MAX_VALUE] = "x"; } });
        expect("newarray", new Thrower() { public void run() { int[] a = new int[-2]; System.out.println(a.length); } });
        expect("anewarray", new Thrower() { public void run() { String[] a = new String[idx - 6]; System.out.println(a.length); } });
        expect("getfield null", new Thrower() { public void run() { Box b = null; System.out.println(b.v); } });
        expect("putfield null", new Thrower() { public void run() { Box b = null; b.w = 1; } });
        expect("invokevirtual null", new Thrower() { public void run() { Box b = null; System.out.println(b.get()); } });
        expect("arraylength null", new Thrower() { public void run() { int[] a = null; System.out.println(a.length); } });
        expect("iaload null", new Thrower() { public void run() { int[] a = null; System.out.println(a[0]); } });
        expect("aastore null array", new Thrower() { public void run() { Object[] a = null; a[0] = null; } });
        expect("athrow null", new Thrower() { public void run() { RuntimeException e = null; throw e; } });
        expect("invokeinterface null", new Thrower() { public void run() { Thrower t = null; t.run(); } });
        expect("string method null", new Thrower() { public void run() { String s = null; System.out.println(s.length()); } });
        expect("unboxing null", new Thrower() { public void run() { Integer i = null; int v = i; System.out.println(v); } });
        expect("checkcast", new Thrower() { public void run() { Object o = "s"; Integer i = (Integer) o; System.out.println(i); } });
        expect("checkcast array", new Thrower() { public void run() { Object o = new int[1]; long[] l = (long[]) o; System.out.println(l.length); } });
        expect("aastore covariant", new Thrower() { public void run() { Object[] a = new String[1]; a[0] = new Box(); } });
        expect("after all, fine", new Thrower() { public void run() { int[] a = new int[idx]; a[idx - 1] = 1 / (zero + 1); } });
        Box b = new Box();
        b.o = null;
        expect("field holding null", new Thrower() { public void run() { System.out.println(b.o.hashCode()); } });
    }
}
