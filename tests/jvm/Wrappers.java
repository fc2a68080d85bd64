// Integer, Long, Short, Byte, Character, Boolean: toString, parseInt/parseLong,
// valueOf and the cache of -128..127 (== identity), MIN/MAX_VALUE, toHexString, toBinaryString,
// bitCount, numberOfLeadingZeros/TrailingZeros, compare,
// intValue and friends, equals and hashCode, autoboxing, NumberFormatException.
public class Wrappers {
    public static void main(String[] args) {
        Integer a = 127, b = 127, c = 128, d = 128;
        System.out.println((a == b) + " " + (c == d) + " " + c.equals(d) + " " + (Integer.valueOf(-128) == Integer.valueOf(-128))
                + " " + (Integer.valueOf(-129) == Integer.valueOf(-129)));
        Long la = 127L, lb = 127L, lc = 128L, ld = 128L;
        System.out.println((la == lb) + " " + (lc == ld) + " " + lc.equals(ld) + " " + la.equals(127) + " " + (Short.valueOf((short) 5) == Short.valueOf((short) 5))
                + " " + (Byte.valueOf((byte) -3) == Byte.valueOf((byte) -3)) + " " + (Character.valueOf('a') == Character.valueOf('a'))
                + " " + (Boolean.valueOf(true) == Boolean.TRUE));
        int[] ints = {0, 1, -1, 255, -256, 0x7fffffff, 0x80000000, 0x12345678, 1 << 20};
        for (int v : ints) {
            System.out.println(Integer.toString(v) + " " + Integer.toHexString(v) + " " + Integer.toBinaryString(v) 
                    + " " + Integer.bitCount(v) + " " + Integer.numberOfLeadingZeros(v) + " " + Integer.numberOfTrailingZeros(v));
        }
        long[] longs = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 0x123456789L, 1L << 40};
        for (long v : longs) {
            System.out.println(Long.toString(v) + " " + Long.toHexString(v) + " " + Long.toBinaryString(v) + " " + Long.bitCount(v)
                    + " " + Long.numberOfLeadingZeros(v) + " " + Long.numberOfTrailingZeros(v) + " " + Long.valueOf(v).hashCode());
        }
        String[] in = {"0", "-0", "+42", "-2147483648", "2147483647", "007", "123456"};
        for (String s : in) System.out.println(s + " -> " + Integer.parseInt(s) + " " + Integer.valueOf(s) + " " + Long.parseLong(s));
        System.out.println(Long.parseLong("-9223372036854775808") + " " + Long.parseLong("9223372036854775807"));
        String[] bad = {"", "-", "abc", "2147483648", "12 ", "0x10", "+-1"};
        for (String s : bad) {
            try {
                System.out.println(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                System.out.println("NumberFormatException for [" + s + "]");
            }
        }
        try {
            Long.parseLong("9223372036854775808");
        } catch (NumberFormatException e) {
            System.out.println("NumberFormatException (long overflow)");
        }
        System.out.println(Integer.MIN_VALUE + " " + Integer.MAX_VALUE + " " + Long.MIN_VALUE + " " + Long.MAX_VALUE + " " + Short.MIN_VALUE
                + " " + Short.MAX_VALUE + " " + Byte.MIN_VALUE + " " + Byte.MAX_VALUE + " " + (int) Character.MIN_VALUE + " " + (int) Character.MAX_VALUE);
        System.out.println(Integer.compare(3, 5) + " " + Integer.compare(5, 5) + " " + Integer.compare(Integer.MIN_VALUE, 1) + " " + Long.compare(-1L, 1L)
                + " " + Short.compare((short) 1, (short) -1) + " " + Byte.compare((byte) -128, (byte) 127) + " " + Character.compare('a', 'b')
                + " " + Boolean.compare(true, false));
        Integer boxed = 1000;
        Long lboxed = 5000000000L;
        Short sboxed = (short) -2;
        Byte bboxed = (byte) 130;
        Character cboxed = 'Z';
        Boolean zboxed = false;
        System.out.println(boxed.intValue() + " " + boxed.longValue() + " " + boxed.shortValue() + " " + boxed.byteValue() + " " + lboxed.intValue()
                + " " + sboxed.intValue() + " " + bboxed + " " + cboxed.charValue() + " " + zboxed.booleanValue());
        System.out.println(boxed.hashCode() + " " + lboxed.hashCode() + " " + sboxed.hashCode() + " " + bboxed.hashCode() + " " + cboxed.hashCode()
                + " " + Boolean.TRUE.hashCode() + " " + Boolean.FALSE.hashCode() + " " + boxed.compareTo(999) + " " + cboxed.compareTo('A'));
        System.out.println(Short.parseShort("-123") + " " + Byte.parseByte("-128") + " " + Boolean.parseBoolean("TRUE") + " " + Boolean.parseBoolean("yes")
                + " " + Short.toString((short) 7) + " " + Byte.toString((byte) -7) + " " + Character.toString('c') + " " + Boolean.toString(true));
        System.out.println(Character.isDigit('7') + " " + Character.isDigit('x') + " " + Character.isLetter('x') + " " + Character.isLetter('_')
                + " " + Character.isUpperCase('Q') + " " + Character.isLowerCase('Q') + " " + Character.toUpperCase('q') + " " + Character.toLowerCase('Q')
                + " " + Character.isWhitespace(' ') + " " + Character.isWhitespace('x'));
        int sum = 0;
        Integer total = 0;
        for (int k = 0; k < 300; k++) { total += k; sum += k; }
        System.out.println(total + " " + (total == sum) + " " + total.equals(sum) + " " + boxed.equals(1000L));
        Object[] objs = {1, 2L, (short) 3, (byte) 4, '5', true};
        for (Object ob : objs) System.out.print(ob + " ");
        System.out.println();
    }
}
