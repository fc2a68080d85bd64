// The Java stack: recursion to StackOverflowError (caught, several times, at different depths
// and frame sizes), the stack usable again afterwards, a collection right after an overflow,
// and an exception crossing hundreds of frames to a handler near the bottom.
public class InterpRecursion {
    static int depth;

    static void down() { depth++; down(); }

    static long wide(long a, long b, int c, Object o) {
        long x = a + b, y = x * 3, z = y ^ c;
        depth++;
        return wide(x, y, c + 1, o) + z;
    }

    static int through(int n) {
        if (n == 0) throw new IllegalStateException("bottom");
        try {
            return through(n - 1) + 1;
        } finally {
            depth++;
        }
    }

    static int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            depth = 0;
            try { down(); } catch (StackOverflowError e) { System.out.println("overflow " + i + " deep " + (depth > 500)); }
        }
        depth = 0;
        try { wide(1, 2, 3, "o"); } catch (StackOverflowError e) { System.out.println("wide overflow " + (depth > 200)); }
        int[][] after = new int[100][100];
        after[99][99] = 7;
        System.out.println("after " + after[99][99] + " " + fact(10));
        depth = 0;
        try { through(300); } catch (IllegalStateException e) { System.out.println(e.getMessage() + " " + depth); }
        try {
            down();
        } catch (Throwable t) {
            System.out.println(t.getClass().getName() + " " + (t.getMessage() == null));
        }
    }
}
