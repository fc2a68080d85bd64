// The linker's fused opcodes (jvm/image.h, JVM_FUSED_LIST: two instructions, one dispatch):
// each pair's result, every comparison of iload+if_icmpXX on both sides of its edge, the
// second instruction throwing (NullPointerException, ArrayIndexOutOfBoundsException with its
// index and length) inside and outside a handler's range, a branch landing on a pair's second
// instruction, and loops of iinc+goto. Locals from 4 up, so that javac writes iload N (the
// fused forms take iload with an index, iload_1..3 only before iaload).
public class InterpFused {
    int f = 7, g = -3;
    InterpFused next;

    static int field(InterpFused o) {
        return o.f; // aload_0+getfield_w
    }

    static int fields(InterpFused a, InterpFused b, InterpFused c, InterpFused d, InterpFused e) {
        // aload_0..3+getfield_w and aload 4+getfield_w
        return a.f + b.g + c.f + d.g + e.f;
    }

    static int pick(InterpFused p, InterpFused q, boolean c) {
        // (c ? p : q).f: aload_0; goto L; aload_1+getfield_w; L: getfield_w (entered by the
        // branch, unfused)
        return (c ? p : q).f;
    }

    static int elem(int a, int b, int c, int d, int[] t, int i) {
        return t[i]; // aload 4; iload 5+iaload
    }

    static int elem0(int[] t, int a, int b, int c, int i) {
        return t[i]; // aload_0+iload 4; iaload
    }

    static int elems(int[] t, int i, int j, int k) {
        return t[i] * 100 + t[j] * 10 + t[k]; // iload_1..3+iaload
    }

    static char ch(int a, int b, int c, int d, char[] s, int i) {
        return s[i]; // iload 5+caload
    }

    static String cmp(int a, int b, int c, int d, int x, int y) {
        // x at 4, y at 5: iload 4+iload; iload 5+if_icmpXX (javac branches on the opposite)
        StringBuilder sb = new StringBuilder();
        if (x == y) sb.append("eq ");
        if (x != y) sb.append("ne ");
        if (x < y) sb.append("lt ");
        if (x >= y) sb.append("ge ");
        if (x > y) sb.append("gt ");
        if (x <= y) sb.append("le ");
        return sb.toString();
    }

    static int plusMinus(int a, int b, int c, int d, int x) {
        int p = x + 1; // iload 4; iconst_1+iadd
        int m = x - 1; // iconst_1+isub
        return p ^ m;
    }

    static long loop(int a, int b, int c, int d, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) // iinc+goto, iload+iload, iload+if_icmpge
            s += i;
        return s;
    }

    static int guarded(InterpFused o, int[] t, int i) {
        int r = 0;
        try {
            r += o.f;
        } catch (NullPointerException e) {
            r += 1000;
        }
        try {
            r += t[i];
        } catch (ArrayIndexOutOfBoundsException e) {
            r += 2000;
            System.out.println("  caught: " + e.getMessage());
        }
        return r;
    }

    static int chain(InterpFused o) {
        int n = 0;
        for (InterpFused p = o; p != null; p = p.next) // aload 1+getfield_w at the loop's end
            n += p.f;
        return n;
    }

    public static void main(String[] args) {
        InterpFused o = new InterpFused(), q = new InterpFused();
        q.f = 11;
        q.g = 12;
        System.out.println("field " + field(o) + " fields " + fields(o, q, q, o, q));
        System.out.println("pick " + pick(o, q, true) + " " + pick(o, q, false));
        int[] t = {5, 6, 7};
        System.out.println("elem " + elem(0, 0, 0, 0, t, 2) + " " + elem0(t, 0, 0, 0, 1) + " elems " + elems(t, 2, 0, 1));
        System.out.println("ch " + ch(0, 0, 0, 0, "fused".toCharArray(), 4));
        int[] vals = {Integer.MIN_VALUE, -2, -1, 0, 1, 2, Integer.MAX_VALUE};
        for (int x : vals)
            for (int y : vals)
                if (x == y || x + 1 == y || x - 1 == y || x == Integer.MIN_VALUE || y == Integer.MAX_VALUE)
                    System.out.println("cmp " + x + " " + y + ": " + cmp(0, 0, 0, 0, x, y));
        for (int x : vals)
            System.out.println("plusMinus " + x + ": " + plusMinus(0, 0, 0, 0, x));
        System.out.println("loop " + loop(0, 0, 0, 0, 0) + " " + loop(0, 0, 0, 0, 1) + " "
                + loop(0, 0, 0, 0, 100000));
        System.out.println("guarded " + guarded(o, t, 1));
        System.out.println("guarded " + guarded(null, t, 3));
        System.out.println("guarded " + guarded(null, t, -1));
        o.next = q;
        System.out.println("chain " + chain(o) + " " + chain(null));
        String[] what = {"field", "pick", "elem", "elem0", "elems", "ch"};
        for (String w : what) {
            try {
                switch (w) {
                case "field": field(null); break;
                case "pick": pick(o, null, false); break;
                case "elem": elem(0, 0, 0, 0, t, 3); break;
                case "elem0": elem0(t, 0, 0, 0, -1); break;
                case "elems": elems(t, 0, 1, -7); break;
                default: ch(0, 0, 0, 0, new char[2], 2); break;
                }
                System.out.println(w + ": no exception");
            } catch (RuntimeException e) {
                System.out.println(w + ": " + e.getClass().getName() + " " + e.getMessage());
            }
        }
        System.out.println(field(null)); // uncaught: java's report, exit status 1
    }
}
