// The class library's System and Runtime: arraycopy (overlapping copies, every check and
// java's messages), identityHashCode, the clocks moving forward, getProperty, lineSeparator,
// the heap's figures, and System.exit's status after a print with no newline (flushed).
// EXIT: 3
public class LibSystem {
    static void copy(Object src, int sp, Object dst, int dp, int n) {
        try {
            System.arraycopy(src, sp, dst, dp, n);
            System.out.println("copied " + n);
        } catch (RuntimeException e) {
            System.out.println(e);
        }
    }

    public static void main(String[] args) {
        int[] a = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        System.arraycopy(a, 0, a, 3, 5);
        StringBuilder sb = new StringBuilder();
        for (int x : a)
            sb.append(x);
        System.arraycopy(a, 4, a, 1, 6);
        sb.append(' ');
        for (int x : a)
            sb.append(x);
        System.out.println(sb);
        long[] l = { 1, 2, 3 };
        long[] l2 = new long[3];
        System.arraycopy(l, 1, l2, 0, 2);
        System.out.println(l2[0] + " " + l2[1] + " " + l2[2]);
        char[] c = "hello".toCharArray();
        System.arraycopy(c, 0, c, 1, 4);
        System.out.println(new String(c));
        Object[] objs = { "a", 1, null };
        String[] strs = new String[3];
        copy(objs, 0, strs, 0, 1);
        copy(objs, 0, strs, 0, 3);
        System.out.println(strs[0] + " " + strs[1]);
        copy(a, 0, new int[5], 0, 6);
        copy(a, 8, new int[5], 0, 3);
        copy(a, 0, new int[5], 3, 3);
        copy(a, -1, new int[5], 0, 1);
        copy(a, 0, new int[5], -1, 1);
        copy(a, 0, new int[5], 0, -1);
        copy(a, 0, new long[5], 0, 1);
        copy(a, 0, new Object[5], 0, 1);
        copy(objs, 0, new int[5], 0, 1);
        copy(null, 0, a, 0, 1);
        copy(a, 0, null, 0, 1);
        copy("str", 0, a, 0, 1);
        copy(a, 0, "str", 0, 1);
        copy(new String[1][], 0, new int[1][], 0, 1);
        copy(a, 10, new int[0], 0, 0);
        Object o = new Object();
        System.out.println((System.identityHashCode(o) == o.hashCode()) + " " + (System.identityHashCode("x") == System.identityHashCode("x")));
        long t0 = System.currentTimeMillis();
        long n0 = System.nanoTime();
        int sum = 0;
        for (int i = 0; i < 1000; i++)
            sum += i;
        System.out.println(sum + " " + (System.currentTimeMillis() >= t0) + " " + (System.nanoTime() > n0) + " " + (t0 > 0));
        System.out.println(System.getProperty("no.such.property") + " " + System.getProperty("no.such", "dflt") + " "
                + System.lineSeparator().equals("\n") + " " + System.getenv("NO_SUCH_VARIABLE_HERE"));
        try {
            System.getProperty(null);
        } catch (NullPointerException e) {
            System.out.println(e);
        }
        try {
            System.getProperty("");
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
        Runtime r = Runtime.getRuntime();
        System.out.println((r == Runtime.getRuntime()) + " " + (r.freeMemory() > 0) + " " + (r.freeMemory() <= r.totalMemory())
                + " " + (r.totalMemory() <= r.maxMemory()) + " " + (r.availableProcessors() >= 1));
        System.gc();
        r.gc();
        System.out.print("no newline before exit");
        System.exit(3);
        System.out.println("not reached");
    }
}
