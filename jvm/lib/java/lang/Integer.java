/* Integer.java -- int boxed, and int's text and bit helpers with java's results and messages. */
package java.lang;

public final class Integer extends Number implements Comparable<Integer> {
    public static final int MIN_VALUE = 0x80000000;
    public static final int MAX_VALUE = 0x7fffffff;
    public static final int SIZE = 32;
    public static final int BYTES = 4;

    /** java's cache of -128..127, filled as asked (the same object every time) */
    private static final Integer[] cache = new Integer[256];

    private final int value;

    public Integer(int value) {
        this.value = value;
    }

    public Integer(String s) throws NumberFormatException {
        this.value = parseInt(s, 10);
    }

    public static Integer valueOf(int i) {
        if (i >= -128 && i <= 127) {
            Integer c = cache[i + 128];
            if (c == null) {
                c = new Integer(i);
                cache[i + 128] = c;
            }
            return c;
        }
        return new Integer(i);
    }

    public static Integer valueOf(String s) throws NumberFormatException {
        return valueOf(parseInt(s, 10));
    }

    public static Integer valueOf(String s, int radix) throws NumberFormatException {
        return valueOf(parseInt(s, radix));
    }

    /** Writes i's decimal digits into buf from pos; returns the position after them. */
    static int putChars(int i, char[] buf, int pos) {
        // work with the negative value, so that MIN_VALUE needs no special case
        if (i < 0)
            buf[pos++] = '-';
        else
            i = -i;
        int digits = pos;
        do {
            int q = i / 10;
            buf[pos++] = (char) ('0' + (q * 10 - i));
            i = q;
        } while (i != 0);
        for (int a = digits, b = pos - 1; a < b; a++, b--) {
            char t = buf[a];
            buf[a] = buf[b];
            buf[b] = t;
        }
        return pos;
    }

    public static String toString(int i) {
        char[] buf = new char[11];
        int n = putChars(i, buf, 0);
        return new String(buf, 0, n);
    }

    public static String toString(int i, int radix) {
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX)
            radix = 10;
        if (radix == 10)
            return toString(i);
        char[] buf = new char[33];
        int pos = 32;
        boolean negative = i < 0;
        if (!negative)
            i = -i;
        while (i <= -radix) {
            buf[pos--] = Character.forDigit(-(i % radix), radix);
            i = i / radix;
        }
        buf[pos] = Character.forDigit(-i, radix);
        if (negative)
            buf[--pos] = '-';
        return new String(buf, pos, 33 - pos);
    }

    /** i as an unsigned number in base 2^shift */
    static String toUnsigned(int i, int shift) {
        char[] buf = new char[32];
        int pos = 32;
        int mask = (1 << shift) - 1;
        do {
            buf[--pos] = Character.forDigit(i & mask, 1 << shift);
            i >>>= shift;
        } while (i != 0);
        return new String(buf, pos, 32 - pos);
    }

    public static String toHexString(int i) {
        return toUnsigned(i, 4);
    }

    public static String toOctalString(int i) {
        return toUnsigned(i, 3);
    }

    public static String toBinaryString(int i) {
        return toUnsigned(i, 1);
    }

    public static String toUnsignedString(int i) {
        return Long.toString(toUnsignedLong(i));
    }

    public static String toUnsignedString(int i, int radix) {
        return Long.toString(toUnsignedLong(i), radix);
    }

    public static long toUnsignedLong(int x) {
        return ((long) x) & 0xffffffffL;
    }

    public static int parseInt(String s) throws NumberFormatException {
        return parseInt(s, 10);
    }

    public static int parseInt(String s, int radix) throws NumberFormatException {
        return (int) Long.parse(s, radix, MIN_VALUE, MAX_VALUE);
    }

    public static int parseUnsignedInt(String s) throws NumberFormatException {
        return parseUnsignedInt(s, 10);
    }

    public static int parseUnsignedInt(String s, int radix) throws NumberFormatException {
        if (s == null)
            throw new NumberFormatException("Cannot parse null string");
        if (s.length() > 0 && s.charAt(0) == '-')
            throw new NumberFormatException("Illegal leading minus sign on unsigned string " + s + ".");
        long v = Long.parseLong(s, radix);
        if ((v >>> 32) != 0)
            throw new NumberFormatException("String value " + s + " exceeds range of unsigned int.");
        return (int) v;
    }

    public static Integer decode(String nm) throws NumberFormatException {
        return valueOf((int) Long.decode(nm, MIN_VALUE, MAX_VALUE));
    }

    public static int hashCode(int value) {
        return value;
    }

    public static int compare(int x, int y) {
        return (x < y) ? -1 : ((x == y) ? 0 : 1);
    }

    public static int compareUnsigned(int x, int y) {
        return compare(x + MIN_VALUE, y + MIN_VALUE);
    }

    public static int divideUnsigned(int dividend, int divisor) {
        return (int) (toUnsignedLong(dividend) / toUnsignedLong(divisor));
    }

    public static int remainderUnsigned(int dividend, int divisor) {
        return (int) (toUnsignedLong(dividend) % toUnsignedLong(divisor));
    }

    public static int signum(int i) {
        return (i >> 31) | (-i >>> 31);
    }

    public static int sum(int a, int b) {
        return a + b;
    }

    public static int max(int a, int b) {
        return Math.max(a, b);
    }

    public static int min(int a, int b) {
        return Math.min(a, b);
    }

    public static int bitCount(int i) {
        i = i - ((i >>> 1) & 0x55555555);
        i = (i & 0x33333333) + ((i >>> 2) & 0x33333333);
        i = (i + (i >>> 4)) & 0x0f0f0f0f;
        i = i + (i >>> 8);
        i = i + (i >>> 16);
        return i & 0x3f;
    }

    public static int numberOfLeadingZeros(int i) {
        if (i <= 0)
            return i == 0 ? 32 : 0;
        int n = 31;
        if (i >= 1 << 16) { n -= 16; i >>>= 16; }
        if (i >= 1 << 8) { n -= 8; i >>>= 8; }
        if (i >= 1 << 4) { n -= 4; i >>>= 4; }
        if (i >= 1 << 2) { n -= 2; i >>>= 2; }
        return n - (i >>> 1);
    }

    public static int numberOfTrailingZeros(int i) {
        if (i == 0)
            return 32;
        int n = 0;
        while ((i & 1) == 0) {
            i >>>= 1;
            n++;
        }
        return n;
    }

    public static int highestOneBit(int i) {
        return i & (MIN_VALUE >>> numberOfLeadingZeros(i));
    }

    public static int lowestOneBit(int i) {
        return i & -i;
    }

    public static int reverse(int i) {
        i = (i & 0x55555555) << 1 | (i >>> 1) & 0x55555555;
        i = (i & 0x33333333) << 2 | (i >>> 2) & 0x33333333;
        i = (i & 0x0f0f0f0f) << 4 | (i >>> 4) & 0x0f0f0f0f;
        return reverseBytes(i);
    }

    public static int reverseBytes(int i) {
        return (i << 24) | ((i & 0xff00) << 8) | ((i >>> 8) & 0xff00) | (i >>> 24);
    }

    public static int rotateLeft(int i, int distance) {
        return (i << distance) | (i >>> -distance);
    }

    public static int rotateRight(int i, int distance) {
        return (i >>> distance) | (i << -distance);
    }

    public byte byteValue() {
        return (byte) value;
    }

    public short shortValue() {
        return (short) value;
    }

    public int intValue() {
        return value;
    }

    public long longValue() {
        return value;
    }

    public String toString() {
        return toString(value);
    }

    public int hashCode() {
        return value;
    }

    public boolean equals(Object obj) {
        return obj instanceof Integer && value == ((Integer) obj).value;
    }

    public int compareTo(Integer anotherInteger) {
        return compare(value, anotherInteger.value);
    }
}
