// int arithmetic at its edges: overflow, idiv/irem with MIN_VALUE and -1 and by zero, shifts
// masking their distance (also negative distances), narrowing conversions, compound assignment.
public class IntArith {
    static int min = Integer.MIN_VALUE, max = Integer.MAX_VALUE, m1 = -1, zero = 0;

    static int div(int a, int b) { return a / b; }
    static int rem(int a, int b) { return a % b; }

    public static void main(String[] args) {
        System.out.println("overflow");
        System.out.println(max + 1);
        System.out.println(min - 1);
        System.out.println(max * 2);
        System.out.println(min * m1);
        System.out.println(-min);
        System.out.println(65536 * 65536);
        System.out.println(46341 * 46341);
        System.out.println(123456789 * 987654321);
        int acc = 1;
        for (int i = 0; i < 40; i++) acc = acc * 31 + i;
        System.out.println(acc);

        System.out.println("div/rem");
        System.out.println(div(min, m1));
        System.out.println(rem(min, m1));
        System.out.println(div(7, 2) + " " + div(-7, 2) + " " + div(7, -2) + " " + div(-7, -2));
        System.out.println(rem(7, 2) + " " + rem(-7, 2) + " " + rem(7, -2) + " " + rem(-7, -2));
        System.out.println(div(min, 2) + " " + rem(min, 3) + " " + div(max, min) + " " + rem(max, min));
        System.out.println(div(0, -5) + " " + rem(0, -5));
        try {
            System.out.println(div(1, zero));
        } catch (ArithmeticException e) {
            System.out.println("idiv: " + e.getMessage());
        }
        try {
            System.out.println(rem(1, zero));
        } catch (ArithmeticException e) {
            System.out.println("irem: " + e.getMessage());
        }
        try {
            System.out.println(div(min, zero));
        } catch (ArithmeticException e) {
            System.out.println("idiv min: " + e);
        }

        System.out.println("shifts");
        int one = 1;
        for (int d = -66; d <= 66; d += 11) {
            System.out.println(d + ": " + (one << d) + " " + (min >> d) + " " + (min >>> d)
                    + " " + (0x12345678 << d) + " " + (-0x12345678 >> d));
        }
        int s = 33;
        System.out.println((5 << s) + " " + (5 >> s) + " " + (-5 >>> s) + " " + (-5 >>> 32));
        System.out.println((-1 >>> 1) + " " + (-1 >> 31) + " " + (-1 >>> 31) + " " + (-1 >>> -1));

        System.out.println("conversions");
        int[] vals = {0, 1, -1, 127, 128, 255, 256, -128, -129, 32767, 32768, 65535, 65536,
                      -32768, -32769, 0x12345678, min, max, 0xCAFEBABE};
        for (int v : vals) {
            byte b = (byte) v;
            char c = (char) v;
            short sh = (short) v;
            System.out.println(v + " b=" + b + " c=" + (int) c + " s=" + sh + " l=" + (long) v);
        }

        System.out.println("compound");
        byte b = 100;
        b += 300;
        System.out.println(b);
        b -= 200;
        System.out.println(b);
        b *= 3;
        System.out.println(b);
        b >>= 1;
        System.out.println(b);
        b = -128;
        b--;
        System.out.println(b);
        short sh = 32767;
        sh++;
        System.out.println(sh);
        sh += 70000;
        System.out.println(sh);
        char c = 'A';
        c += 65536 + 2;
        System.out.println(c);
        c = 0;
        c--;
        System.out.println((int) c);
        int i = 10;
        i <<= 35;
        System.out.println(i);
        i = -100;
        i >>>= 28;
        System.out.println(i);
        i = 7;
        i /= -2;
        System.out.println(i);
        i = 7;
        i %= -2;
        System.out.println(i);
        i = 0x0F0F;
        i &= 0x00FF;
        i |= 0x1000;
        i ^= 0x1111;
        System.out.println(i);
        System.out.println(~0 + " " + ~min + " " + (-(-max)));
        int k = 5;
        k = k++ + ++k;
        System.out.println(k);
    }
}
