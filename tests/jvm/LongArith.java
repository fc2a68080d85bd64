// long arithmetic: overflow, ldiv/lrem at the edges and by zero, shifts masking their distance,
// lcmp and every long comparison, l2i/i2l, long arrays, static and instance long fields.
public class LongArith {
    static long sMin = Long.MIN_VALUE, sMax = Long.MAX_VALUE, sField;
    long iField = 0x7fffffffffffffffL;
    static final long K = 0x123456789ABCDEF0L;

    static long div(long a, long b) { return a / b; }
    static long rem(long a, long b) { return a % b; }

    static String cmp(long a, long b) {
        return (a < b ? "<" : "") + (a <= b ? "<=" : "") + (a == b ? "==" : "") + (a != b ? "!=" : "")
                + (a >= b ? ">=" : "") + (a > b ? ">" : "") + " " + Long.compare(a, b);
    }

    public static void main(String[] args) {
        long m1 = -1, zero = 0;
        System.out.println(sMax + 1);
        System.out.println(sMin - 1);
        System.out.println(sMax * 3);
        System.out.println(sMin * m1);
        System.out.println(0x100000000L * 0x100000000L);
        System.out.println(3037000500L * 3037000500L);
        long h = 1125899906842597L;
        for (int i = 0; i < 30; i++) h = 31 * h + i;
        System.out.println(h);
        System.out.println(K + " " + (K >>> 4) + " " + (K >> 60) + " " + (-K >> 60));

        System.out.println(div(sMin, m1) + " " + rem(sMin, m1));
        System.out.println(div(-7, 2) + " " + rem(-7, 2) + " " + div(7, -2) + " " + rem(7, -2));
        System.out.println(div(sMax, 1000000007L) + " " + rem(sMax, 1000000007L));
        System.out.println(div(sMin, 10) + " " + rem(sMin, 10));
        System.out.println(div(0x123456789L, 0x12345L) + " " + rem(-0x123456789L, 0x12345L));
        try {
            System.out.println(div(5, zero));
        } catch (ArithmeticException e) {
            System.out.println("ldiv: " + e.getMessage());
        }
        try {
            System.out.println(rem(5, zero));
        } catch (ArithmeticException e) {
            System.out.println("lrem: " + e.getMessage());
        }

        long one = 1;
        for (int d = -130; d <= 130; d += 13) {
            System.out.println(d + ": " + (one << d) + " " + (sMin >> d) + " " + (sMin >>> d) + " " + (K << d));
        }
        int s = 65;
        System.out.println((3L << s) + " " + (-3L >> s) + " " + (-3L >>> s) + " " + (-1L >>> 64));

        long[] vals = {0, 1, -1, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L, -0x80000000L,
                       -0x80000001L, sMin, sMax, K};
        for (long v : vals) {
            int i = (int) v;
            System.out.println(v + " l2i=" + i + " back=" + (long) i + " i2l(hi)=" + (v >> 32));
        }
        int big = Integer.MIN_VALUE;
        long widened = big;
        System.out.println(widened + " " + (widened - 1) + " " + (big - 1));
        System.out.println(((long) Integer.MAX_VALUE + 1) + " " + (Integer.MAX_VALUE + 1L) + " " + (Integer.MAX_VALUE + 1));

        long[] pairs = {0, 0, 1, 0, 0, 1, -1, 0, sMin, sMax, sMax, sMin, 0x100000000L, 0xffffffffL,
                        -0x100000000L, -0xffffffffL, 0x80000000L, 0x7fffffffL, sMin, sMin};
        for (int i = 0; i < pairs.length; i += 2) System.out.println(cmp(pairs[i], pairs[i + 1]));

        long[] arr = new long[5];
        arr[0] = sMax;
        arr[1] = sMin;
        arr[2] = arr[0] + arr[1];
        arr[3] = arr[2] - 5;
        arr[4] = arr.length;
        long sum = 0;
        for (long v : arr) sum += v;
        System.out.println(sum + " " + arr[3] + " " + arr[4]);

        sField = 0xDEADBEEFCAFEL;
        sField += sField << 8;
        LongArith o = new LongArith();
        o.iField += 2;
        o.iField ^= sField;
        System.out.println(sField + " " + o.iField + " " + Long.MAX_VALUE + " " + Long.MIN_VALUE);
        long x = 10;
        x *= -3;
        x /= 4;
        x %= 5;
        x <<= 62;
        x >>= 1;
        x >>>= 61;
        System.out.println(x);
        long c = 0;
        for (long i = 0x7ffffffffffffff0L; i > 0; i++) c++;
        System.out.println("wrapped after " + c);
        System.out.println(~sMax + " " + -sMin + " " + (sMin & sMax) + " " + (sMin | sMax) + " " + (sMin ^ -1));
    }
}
