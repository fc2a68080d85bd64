/* Long.java -- long boxed, and long's text and bit helpers with java's results and messages.
 * Integer, Short and Byte parse through Long.parse, java's algorithm with their limits. */
package java.lang;

public final class Long extends Number implements Comparable<Long> {
    public static final long MIN_VALUE = 0x8000000000000000L;
    public static final long MAX_VALUE = 0x7fffffffffffffffL;
    public static final int SIZE = 64;
    public static final int BYTES = 8;

    private static final Long[] cache = new Long[256];

    private final long value;

    public Long(long value) {
        this.value = value;
    }

    public Long(String s) throws NumberFormatException {
        this.value = parseLong(s, 10);
    }

    public static Long valueOf(long l) {
        if (l >= -128 && l <= 127) {
            int i = (int) l + 128;
            Long c = cache[i];
            if (c == null) {
                c = new Long(l);
                cache[i] = c;
            }
            return c;
        }
        return new Long(l);
    }

    public static Long valueOf(String s) throws NumberFormatException {
        return valueOf(parseLong(s, 10));
    }

    public static Long valueOf(String s, int radix) throws NumberFormatException {
        return valueOf(parseLong(s, radix));
    }

    static NumberFormatException forInputString(String s, int radix) {
        return new NumberFormatException("For input string: \"" + s + "\""
                + (radix == 10 ? "" : " under radix " + radix));
    }

    /** java's parse loop (accumulating negatively) for a value in [min, max]; min is -max - 1. */
    static long parse(String s, int radix, long min, long max) throws NumberFormatException {
        if (s == null)
            throw new NumberFormatException("Cannot parse null string");
        if (radix < Character.MIN_RADIX)
            throw new NumberFormatException("radix " + radix + " less than Character.MIN_RADIX");
        if (radix > Character.MAX_RADIX)
            throw new NumberFormatException("radix " + radix + " greater than Character.MAX_RADIX");
        int len = s.length();
        if (len == 0)
            throw forInputString("", radix);
        boolean negative = false;
        int i = 0;
        long limit = -max;
        char first = s.charAt(0);
        if (first < '0') {
            if (first == '-') {
                negative = true;
                limit = min;
            } else if (first != '+') {
                throw forInputString(s, radix);
            }
            if (len == 1)
                throw forInputString(s, radix);
            i++;
        }
        long multmin = limit / radix;
        long result = 0;
        while (i < len) {
            int digit = Character.digit(s.charAt(i++), radix);
            if (digit < 0 || result < multmin)
                throw forInputString(s, radix);
            result *= radix;
            if (result < limit + digit)
                throw forInputString(s, radix);
            result -= digit;
        }
        return negative ? result : -result;
    }

    public static long parseLong(String s) throws NumberFormatException {
        return parse(s, 10, MIN_VALUE, MAX_VALUE);
    }

    public static long parseLong(String s, int radix) throws NumberFormatException {
        return parse(s, radix, MIN_VALUE, MAX_VALUE);
    }

    /** java's decode: sign, then 0x, 0X, # (hex) or 0 (octal), then digits in [min, max] */
    static long decode(String nm, long min, long max) throws NumberFormatException {
        int radix = 10;
        int index = 0;
        boolean negative = false;
        if (nm.length() == 0)
            throw new NumberFormatException("Zero length string");
        char first = nm.charAt(0);
        if (first == '-') {
            negative = true;
            index++;
        } else if (first == '+') {
            index++;
        }
        if (nm.startsWith("0x", index) || nm.startsWith("0X", index)) {
            index += 2;
            radix = 16;
        } else if (nm.startsWith("#", index)) {
            index++;
            radix = 16;
        } else if (nm.startsWith("0", index) && nm.length() > 1 + index) {
            index++;
            radix = 8;
        }
        if (nm.startsWith("-", index) || nm.startsWith("+", index))
            throw new NumberFormatException("Sign character in wrong position");
        String digits = nm.substring(index);
        return parse(negative ? "-" + digits : digits, radix, min, max);
    }

    public static Long decode(String nm) throws NumberFormatException {
        return valueOf(decode(nm, MIN_VALUE, MAX_VALUE));
    }

    /** Writes l's decimal digits into buf from pos; returns the position after them. */
    static int putChars(long l, char[] buf, int pos) {
        if (l == (int) l)
            return Integer.putChars((int) l, buf, pos);
        if (l < 0)
            buf[pos++] = '-';
        else
            l = -l;
        int digits = pos;
        do {
            long q = l / 10;
            buf[pos++] = (char) ('0' + (int) (q * 10 - l));
            l = q;
        } while (l != 0);
        for (int a = digits, b = pos - 1; a < b; a++, b--) {
            char t = buf[a];
            buf[a] = buf[b];
            buf[b] = t;
        }
        return pos;
    }

    public static String toString(long l) {
        char[] buf = new char[20];
        int n = putChars(l, buf, 0);
        return new String(buf, 0, n);
    }

    public static String toString(long l, int radix) {
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX)
            radix = 10;
        if (radix == 10)
            return toString(l);
        char[] buf = new char[65];
        int pos = 64;
        boolean negative = l < 0;
        if (!negative)
            l = -l;
        while (l <= -radix) {
            buf[pos--] = Character.forDigit((int) -(l % radix), radix);
            l = l / radix;
        }
        buf[pos] = Character.forDigit((int) -l, radix);
        if (negative)
            buf[--pos] = '-';
        return new String(buf, pos, 65 - pos);
    }

    static String toUnsigned(long l, int shift) {
        char[] buf = new char[64];
        int pos = 64;
        int mask = (1 << shift) - 1;
        do {
            buf[--pos] = Character.forDigit((int) l & mask, 1 << shift);
            l >>>= shift;
        } while (l != 0);
        return new String(buf, pos, 64 - pos);
    }

    public static String toHexString(long l) {
        return toUnsigned(l, 4);
    }

    public static String toOctalString(long l) {
        return toUnsigned(l, 3);
    }

    public static String toBinaryString(long l) {
        return toUnsigned(l, 1);
    }

    public static String toUnsignedString(long l) {
        return toUnsignedString(l, 10);
    }

    public static String toUnsignedString(long l, int radix) {
        if (l >= 0)
            return toString(l, radix);
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX)
            radix = 10;
        // one digit off the unsigned value, the rest is a non-negative long
        long quotient = divideUnsigned(l, radix);
        long rem = l - quotient * radix;
        return toString(quotient, radix) + Character.forDigit((int) rem, radix);
    }

    public static long divideUnsigned(long dividend, long divisor) {
        if (divisor < 0)
            return compareUnsigned(dividend, divisor) < 0 ? 0 : 1;
        if (dividend >= 0)
            return dividend / divisor;
        long q = ((dividend >>> 1) / divisor) << 1;
        long r = dividend - q * divisor;
        return q + (compareUnsigned(r, divisor) >= 0 ? 1 : 0);
    }

    public static long remainderUnsigned(long dividend, long divisor) {
        return dividend - divideUnsigned(dividend, divisor) * divisor;
    }

    public static int compareUnsigned(long x, long y) {
        return compare(x + MIN_VALUE, y + MIN_VALUE);
    }

    public static int hashCode(long value) {
        return (int) (value ^ (value >>> 32));
    }

    public static int compare(long x, long y) {
        return (x < y) ? -1 : ((x == y) ? 0 : 1);
    }

    public static int signum(long i) {
        return (int) ((i >> 63) | (-i >>> 63));
    }

    public static long sum(long a, long b) {
        return a + b;
    }

    public static long max(long a, long b) {
        return Math.max(a, b);
    }

    public static long min(long a, long b) {
        return Math.min(a, b);
    }

    public static int bitCount(long i) {
        return Integer.bitCount((int) i) + Integer.bitCount((int) (i >>> 32));
    }

    public static int numberOfLeadingZeros(long i) {
        int hi = (int) (i >>> 32);
        return hi == 0 ? 32 + Integer.numberOfLeadingZeros((int) i) : Integer.numberOfLeadingZeros(hi);
    }

    public static int numberOfTrailingZeros(long i) {
        int lo = (int) i;
        return lo == 0 ? 32 + Integer.numberOfTrailingZeros((int) (i >>> 32)) : Integer.numberOfTrailingZeros(lo);
    }

    public static long highestOneBit(long i) {
        return i & (MIN_VALUE >>> numberOfLeadingZeros(i));
    }

    public static long lowestOneBit(long i) {
        return i & -i;
    }

    public static long reverse(long i) {
        return ((long) Integer.reverse((int) i) << 32) | (Integer.reverse((int) (i >>> 32)) & 0xffffffffL);
    }

    public static long reverseBytes(long i) {
        return ((long) Integer.reverseBytes((int) i) << 32) | (Integer.reverseBytes((int) (i >>> 32)) & 0xffffffffL);
    }

    public static long rotateLeft(long i, int distance) {
        return (i << distance) | (i >>> -distance);
    }

    public static long rotateRight(long i, int distance) {
        return (i >>> distance) | (i << -distance);
    }

    public byte byteValue() {
        return (byte) value;
    }

    public short shortValue() {
        return (short) value;
    }

    public int intValue() {
        return (int) value;
    }

    public long longValue() {
        return value;
    }

    public String toString() {
        return toString(value);
    }

    public int hashCode() {
        return hashCode(value);
    }

    public boolean equals(Object obj) {
        return obj instanceof Long && value == ((Long) obj).value;
    }

    public int compareTo(Long anotherLong) {
        return compare(value, anotherLong.value);
    }
}
