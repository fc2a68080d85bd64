// Longs in every place a slot pair can be: returned from methods with no locals (the result
// lands where the frame's header was), in locals 0..3 and beyond 255 (wide), fields, statics,
// arrays, as arguments mixed with ints and references, and java's edge values.
public class InterpLongs {
    static long s = Long.MIN_VALUE;
    long f = -1L;

    static long noLocals() { return 0x123456789abcdefL; }
    static int noLocalsInt() { return -7; }
    static long mix(int a, long b, Object c, long d, int e) { return a + b + (c == null ? 0 : 1) + d * e; }
    static long shifts(long v, int n) { return (v << n) ^ (v >> n) ^ (v >>> n); }

    public static void main(String[] args) {
        long a = noLocals() + noLocals();
        int i = noLocalsInt();
        System.out.println(a + " " + i + " " + noLocals() * i);
        long[] arr = new long[4];
        arr[3] = s;
        arr[2] = arr[3] - 1;
        InterpLongs o = new InterpLongs();
        o.f += arr[2];
        System.out.println(arr[2] + " " + o.f + " " + mix(1, 2L, o, 3L, 4) + " " + mix(-1, Long.MAX_VALUE, null, -1, 1));
        for (int n = -70; n <= 70; n += 7) System.out.print(shifts(0xF0F0F0F0F0F0F0F0L, n) + " ");
        System.out.println();
        System.out.println(Long.MIN_VALUE / -1 + " " + Long.MIN_VALUE % -1 + " " + (-7L / 2) + " " + (-7L % 2) + " " + (7L / -2) + " " + (0x7fffffffffffffffL / 3));
        System.out.println((1L << 63) / 10 + " " + 1000000000000L / 999999L + " " + 1000000000000L % 999999L + " " + Long.compare(-1, 1));
        long w0 = 1, w1 = 2, w2 = 3, w3 = 4;
        long big = 0;
        for (int k = 0; k < 100; k++) { big += w0 * k - w1 + w2 * w3; w0 = w1; w1 = w2; w2 = w3; w3 = big; }
        System.out.println(big);
        try { System.out.println(a / (i + 7)); } catch (ArithmeticException e) { System.out.println(e.getMessage()); }
    }
}
