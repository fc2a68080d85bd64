// arrays of every primitive type: byte arrays sign-extend on load and truncate on store, char
// arrays zero-extend, short arrays sign-extend, boolean arrays hold 0/1, long arrays, default
// values, System.arraycopy (overlapping both ways, between arrays, errors), clone.
public class PrimArrays {
    public static void main(String[] args) {
        byte[] b = new byte[6];
        b[0] = (byte) 0x80;
        b[1] = (byte) 0xff;
        b[2] = 127;
        b[3] = (byte) 300;
        b[4] = (byte) -129;
        int bs = 0;
        for (byte v : b) { System.out.print(v + " "); bs += v; }
        System.out.println(bs + " " + (b[1] & 0xff) + " " + (b[0] >>> 28) + " " + (b[0] >> 28));
        b[5] += 200;
        System.out.println(b[5]);

        char[] c = new char[3];
        c[0] = (char) -1;
        c[1] = 'A';
        c[2] += 65535 + 2;
        System.out.println((int) c[0] + " " + (int) c[1] + " " + (int) c[2] + " " + (c[0] > c[1]));

        short[] s = {Short.MIN_VALUE, -1, (short) 0x12345, (short) 0x8000};
        for (short v : s) System.out.print(v + " ");
        System.out.println();

        boolean[] z = new boolean[5];
        z[1] = true;
        z[3] = !z[2];
        z[4] = z[1] & z[3];
        int bits = 0;
        for (int i = 0; i < z.length; i++) if (z[i]) bits |= 1 << i;
        System.out.println(bits + " " + z.length);

        long[] l = new long[4];
        l[0] = -1;
        l[1] = l[0] >>> 1;
        l[2] = (long) Integer.MIN_VALUE * 2;
        l[3] = l[1] + l[2];
        for (long v : l) System.out.print(v + " ");
        System.out.println();

        int[] a = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        System.arraycopy(a, 0, a, 3, 5);
        for (int v : a) System.out.print(v);
        System.out.println();
        int[] a2 = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        System.arraycopy(a2, 4, a2, 1, 6);
        for (int v : a2) System.out.print(v);
        System.out.println();
        byte[] src = {1, -2, 3, -4};
        byte[] dst = new byte[6];
        System.arraycopy(src, 1, dst, 2, 3);
        for (byte v : dst) System.out.print(v + ",");
        System.out.println();
        String[] ss = {"a", "b", "c"};
        Object[] os = new Object[4];
        System.arraycopy(ss, 0, os, 1, 3);
        System.out.println(os[0] + " " + os[1] + os[2] + os[3]);
        long[] lsrc = {Long.MIN_VALUE, 5};
        long[] ldst = new long[2];
        System.arraycopy(lsrc, 0, ldst, 0, 2);
        System.out.println(ldst[0] + " " + ldst[1]);
        try {
            System.arraycopy(a, 8, a, 0, 3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("arraycopy out of bounds: IndexOutOfBoundsException");
        }
        try {
            System.arraycopy(a, 0, l, 0, 1);
        } catch (ArrayStoreException e) {
            System.out.println("arraycopy int[] to long[]: ArrayStoreException");
        }
        try {
            Object[] mixed = {"s", Integer.valueOf(1)};
            String[] only = new String[2];
            System.arraycopy(mixed, 0, only, 0, 2);
        } catch (ArrayStoreException e) {
            System.out.println("arraycopy Integer into String[]: ArrayStoreException");
        }
        try {
            System.arraycopy(null, 0, a, 0, 1);
        } catch (NullPointerException e) {
            System.out.println("arraycopy null: NullPointerException");
        }
        byte[] bc = b.clone();
        bc[0] = 1;
        long[] lc = l.clone();
        lc[0] = 0;
        System.out.println(b[0] + " " + bc[0] + " " + l[0] + " " + lc[0] + " " + bc.length + " " + (bc != b));
        int[] zeros = new int[0];
        System.out.println(zeros.length + " " + zeros.clone().length);
    }
}
