// The collector under pressure: many collections while live data of every layout survives --
// objects whose reference fields sit between int and long fields (the refmap), arrays of
// references, of longs, chars, bytes and shorts, multi-dimensional arrays built while the heap
// is full (multianewarray's partly built arrays are roots), strings, and references held only
// in locals and on the operand stack of several frames at a collection. Checksums computed
// before and after the churn must agree.
public class InterpGcStress {
    static final class Node {
        int a;
        Node next;
        long b;
        Object payload;
        short c;
        Node(int a, Node next, long b, Object payload) { this.a = a; this.next = next; this.b = b; this.payload = payload; this.c = (short) a; }
    }

    static Node keep;          // a long-lived list, a static root
    static Object[] ring = new Object[64];

    static long sum(Node n) {
        long s = 0;
        for (; n != null; n = n.next) {
            s = s * 31 + n.a + n.b + n.c;
            Object p = n.payload;
            if (p instanceof long[]) { for (long x : (long[]) p) s += x; }
            else if (p instanceof char[]) { for (char x : (char[]) p) s += x; }
            else if (p instanceof String) s += ((String) p).hashCode();
            else if (p instanceof int[][]) { for (int[] r : (int[][]) p) for (int x : r) s += x; }
        }
        return s;
    }

    static Object payload(int i) {
        switch (i % 4) {
            case 0: { long[] l = new long[i % 7 + 1]; for (int k = 0; k < l.length; k++) l[k] = (long) i << 33 | k; return l; }
            case 1: { char[] c = new char[i % 11 + 1]; for (int k = 0; k < c.length; k++) c[k] = (char) ('a' + (i + k) % 26); return c; }
            case 2: return "s" + i;
            default: { int[][] m = new int[i % 3 + 1][i % 5 + 1]; m[0][0] = i; return m; }
        }
    }

    // garbage made in a deeper frame while the caller holds references on its operand stack
    static int churn(int n) {
        int x = 0;
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[100 + i % 50];
            b[b.length - 1] = (byte) i;
            x += b[b.length - 1];
            ring[i & 63] = new short[i % 20 + 1];
        }
        return x;
    }

    static long deep(int depth, Node local) {
        if (depth == 0) return churn(3000) + sum(local);
        Node mine = new Node(depth, local, depth * 1000L, payload(depth));
        return deep(depth - 1, mine) + mine.a + sum(mine.next == null ? null : mine);
    }

    public static void main(String[] args) {
        for (int i = 0; i < 400; i++) keep = new Node(i, keep, -i, payload(i));
        long before = sum(keep);
        System.out.println("before " + before);
        for (int round = 0; round < 6; round++) {
            long d = deep(20, null);
            // a multi-dimensional array built while the heap is being churned
            long[][][] cube = new long[6][7][8];
            for (int i = 0; i < 6; i++) cube[i][i][i] = i;
            int c = churn(2000);
            System.out.println("round " + round + " deep " + d + " churn " + c + " cube " + cube[5][5][5] + cube[2].length + cube[3][4].length
                    + " list " + (sum(keep) == before));
        }
        Object[][] grid = new Object[50][];
        for (int i = 0; i < 50; i++) {
            grid[i] = new Object[i + 1];
            for (int k = 0; k <= i; k++) grid[i][k] = Integer.valueOf(i * 1000 + k);
            churn(200);
        }
        long g = 0;
        for (Object[] row : grid) for (Object o : row) g += (Integer) o;
        System.out.println("grid " + g + " after " + sum(keep));
    }
}
