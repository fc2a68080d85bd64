// The class library's Integer, Long, Short, Byte and Boolean: text in every radix, parsing with
// java's messages, the caches of valueOf, bit operations, hash codes and comparisons.
public class LibNumbers {
    static void p(String label, Object v) {
        System.out.println(label + ": " + v);
    }

    static void parseInt(String s, int radix) {
        try {
            p("parseInt " + s + " " + radix, Integer.parseInt(s, radix));
        } catch (NumberFormatException e) {
            p("parseInt " + s + " " + radix, e);
        }
    }

    static void parseLong(String s, int radix) {
        try {
            p("parseLong " + s + " " + radix, Long.parseLong(s, radix));
        } catch (NumberFormatException e) {
            p("parseLong " + s + " " + radix, e);
        }
    }

    static final int[] INTS = { 0, 1, -1, 7, -7, 10, 100, 255, 256, 1000000, 123456789, -123456789,
            Integer.MAX_VALUE, Integer.MIN_VALUE, 0x55555555, 0x80000001, 0x00f0f000 };
    static final long[] LONGS = { 0L, 1L, -1L, 10L, -10L, 4294967295L, 4294967296L, -4294967296L,
            1234567890123456789L, -1234567890123456789L, Long.MAX_VALUE, Long.MIN_VALUE,
            0x5555555555555555L, 0x8000000000000001L, 0x000000f0f0000000L };

    public static void main(String[] args) {
        for (int i : INTS) {
            p("int " + i, Integer.toString(i) + " " + Integer.toHexString(i) + " " + Integer.toOctalString(i) + " "
                    + Integer.toBinaryString(i) + " " + Integer.toString(i, 36) + " " + Integer.toString(i, 2) + " "
                    + Integer.toString(i, 7) + " " + Integer.toString(i, 99) + " " + Integer.toUnsignedString(i) + " "
                    + Integer.toUnsignedString(i, 16) + " " + Integer.toUnsignedLong(i));
            p("bits " + i, Integer.bitCount(i) + " " + Integer.numberOfLeadingZeros(i) + " "
                    + Integer.numberOfTrailingZeros(i) + " " + Integer.highestOneBit(i) + " " + Integer.lowestOneBit(i)
                    + " " + Integer.reverse(i) + " " + Integer.reverseBytes(i) + " " + Integer.rotateLeft(i, 5) + " "
                    + Integer.rotateRight(i, 5) + " " + Integer.rotateLeft(i, -3) + " " + Integer.rotateRight(i, 33) + " "
                    + Integer.signum(i) + " " + Integer.hashCode(i) + " " + Integer.valueOf(i).hashCode());
            p("shorts " + i, (short) i + " " + Short.toString((short) i) + " " + Short.reverseBytes((short) i) + " "
                    + Short.toUnsignedInt((short) i) + " " + Byte.toString((byte) i) + " " + Byte.toUnsignedInt((byte) i)
                    + " " + Short.hashCode((short) i) + " " + Byte.hashCode((byte) i) + " " + Character.reverseBytes((char) i));
        }
        for (long l : LONGS) {
            p("long " + l, Long.toString(l) + " " + Long.toHexString(l) + " " + Long.toOctalString(l) + " "
                    + Long.toBinaryString(l) + " " + Long.toString(l, 36) + " " + Long.toString(l, 3) + " "
                    + Long.toUnsignedString(l) + " " + Long.toUnsignedString(l, 36) + " " + Long.hashCode(l) + " "
                    + Long.valueOf(l).hashCode());
            p("lbits " + l, Long.bitCount(l) + " " + Long.numberOfLeadingZeros(l) + " " + Long.numberOfTrailingZeros(l)
                    + " " + Long.highestOneBit(l) + " " + Long.lowestOneBit(l) + " " + Long.reverse(l) + " "
                    + Long.reverseBytes(l) + " " + Long.rotateLeft(l, 13) + " " + Long.rotateRight(l, 70) + " "
                    + Long.signum(l));
        }
        for (int i : INTS)
            for (int j : new int[] { 1, -1, 3, 7, Integer.MIN_VALUE, Integer.MAX_VALUE })
                System.out.print(Integer.compare(i, j) + "," + Integer.compareUnsigned(i, j) + ","
                        + Integer.divideUnsigned(i, j) + "," + Integer.remainderUnsigned(i, j) + " ");
        System.out.println();
        for (long i : LONGS)
            for (long j : new long[] { 1, -1, 3, 10, Long.MIN_VALUE, Long.MAX_VALUE, 4294967296L })
                System.out.print(Long.compare(i, j) + "," + Long.compareUnsigned(i, j) + ","
                        + Long.divideUnsigned(i, j) + "," + Long.remainderUnsigned(i, j) + " ");
        System.out.println();
        String[] ps = { "0", "-0", "+5", "123", "-123", "2147483647", "-2147483648", "2147483648", "-2147483649",
                "", "-", "+", "x", "12a", " 1", "1 ", "0x10", "99999999999", "00012", "\u00bd" };
        for (String s : ps) {
            parseInt(s, 10);
            parseLong(s, 10);
        }
        parseInt(null, 10);
        parseLong(null, 10);
        parseInt("ff", 16);
        parseInt("-FF", 16);
        parseInt("zz", 36);
        parseInt("g", 16);
        parseInt("", 16);
        parseInt("1", 1);
        parseInt("1", 37);
        parseInt("-80000000", 16);
        parseInt("80000000", 16);
        parseInt("1111", 2);
        parseLong("7fffffffffffffff", 16);
        parseLong("-8000000000000000", 16);
        parseLong("8000000000000000", 16);
        parseLong("9223372036854775808", 10);
        parseLong("-9223372036854775808", 10);
        parseLong("x", 8);
        parseLong("1", 0);
        String[] ss = { "32767", "-32768", "32768", "127", "-128", "128", "-129", "x" };
        for (String s : ss) {
            try { p("parseShort " + s, Short.parseShort(s)); } catch (NumberFormatException e) { p("parseShort " + s, e); }
            try { p("parseByte " + s, Byte.parseByte(s)); } catch (NumberFormatException e) { p("parseByte " + s, e); }
        }
        try { p("parseByte 200 16", Byte.parseByte("200", 16)); } catch (NumberFormatException e) { p("parseByte 200 16", e); }
        try { p("parseShort null", Short.parseShort(null)); } catch (NumberFormatException e) { p("parseShort null", e); }
        String[] ds = { "0x1F", "-0x1f", "#ff", "010", "0", "-010", "+7", "0x", "", "--1", "-0x80000000", "0x80000000" };
        for (String s : ds) {
            try { p("decode " + s, Integer.decode(s)); } catch (NumberFormatException e) { p("decode " + s, e); }
            try { p("Long.decode " + s, Long.decode(s)); } catch (NumberFormatException e) { p("Long.decode " + s, e); }
        }
        try { p("Short.decode", Short.decode("0x8000")); } catch (NumberFormatException e) { p("Short.decode", e); }
        try { p("Byte.decode", Byte.decode("-0x7f")); } catch (NumberFormatException e) { p("Byte.decode", e); }
        String[] us = { "4294967295", "4294967296", "-1", "0", "" };
        for (String s : us) {
            try { p("parseUnsignedInt " + s, Integer.parseUnsignedInt(s)); } catch (NumberFormatException e) { p("parseUnsignedInt " + s, e); }
        }
        p("valueOf", Integer.valueOf("-12") + " " + Integer.valueOf("7f", 16) + " " + Long.valueOf("99") + " "
                + Long.valueOf("-z", 36) + " " + Short.valueOf("12") + " " + Byte.valueOf("-3") + " " + new Integer(5)
                + " " + new Long(6L) + " " + new Integer("77"));
        p("cache", (Integer.valueOf(127) == Integer.valueOf(127)) + " " + (Integer.valueOf(-128) == Integer.valueOf(-128))
                + " " + (Integer.valueOf(128) == Integer.valueOf(128)) + " " + (Integer.valueOf(-129) == Integer.valueOf(-129))
                + " " + (Long.valueOf(127L) == Long.valueOf(127L)) + " " + (Long.valueOf(128L) == Long.valueOf(128L))
                + " " + (Short.valueOf((short) -128) == Short.valueOf((short) -128)) + " "
                + (Short.valueOf((short) 128) == Short.valueOf((short) 128)) + " " + (Byte.valueOf((byte) -1) == Byte.valueOf((byte) -1))
                + " " + (Character.valueOf('a') == Character.valueOf('a')) + " " + (Character.valueOf('\u0080') == Character.valueOf('\u0080'))
                + " " + (Boolean.valueOf(true) == Boolean.TRUE));
        Integer boxed = 1000;
        int unboxed = boxed;
        Long lb = 5L;
        p("boxing", (boxed + unboxed) + " " + boxed.equals(1000) + " " + boxed.equals(1000L) + " " + lb.equals(5L)
                + " " + boxed.compareTo(999) + " " + lb.compareTo(6L) + " " + boxed.intValue() + " " + boxed.longValue()
                + " " + boxed.shortValue() + " " + boxed.byteValue() + " " + lb.intValue() + " " + Long.valueOf(1L << 40).intValue()
                + " " + Short.valueOf((short) 300).byteValue() + " " + Byte.valueOf((byte) -5).longValue());
        Number n = Integer.valueOf(-70000);
        p("Number", n.intValue() + " " + n.longValue() + " " + n.shortValue() + " " + n.byteValue());
        p("MIN/MAX", Integer.MIN_VALUE + " " + Integer.MAX_VALUE + " " + Long.MIN_VALUE + " " + Long.MAX_VALUE + " "
                + Short.MIN_VALUE + " " + Short.MAX_VALUE + " " + Byte.MIN_VALUE + " " + Byte.MAX_VALUE + " "
                + Integer.SIZE + " " + Long.BYTES + " " + (int) Character.MAX_VALUE + " " + Character.MAX_RADIX);
        p("static helpers", Integer.sum(3, 4) + " " + Integer.max(3, 4) + " " + Integer.min(3, 4) + " " + Long.sum(3, 4)
                + " " + Long.max(-3, 4) + " " + Long.min(-3, 4) + " " + Short.compare((short) 1, (short) -1) + " "
                + Byte.compare((byte) -128, (byte) 127));
        p("Boolean", Boolean.parseBoolean("TRUE") + " " + Boolean.parseBoolean("yes") + " " + Boolean.parseBoolean(null)
                + " " + Boolean.valueOf("tRuE") + " " + Boolean.toString(false) + " " + Boolean.TRUE.hashCode() + " "
                + Boolean.FALSE.hashCode() + " " + Boolean.hashCode(true) + " " + Boolean.compare(true, false) + " "
                + Boolean.TRUE.compareTo(true) + " " + Boolean.TRUE.equals(true) + " " + Boolean.logicalXor(true, true)
                + " " + Boolean.logicalAnd(true, false) + " " + Boolean.logicalOr(true, false) + " " + Boolean.FALSE.booleanValue());
        p("equals", Integer.valueOf(3).equals(Integer.valueOf(3)) + " " + Short.valueOf((short) 3).equals(Integer.valueOf(3))
                + " " + Byte.valueOf((byte) 3).equals(Byte.valueOf((byte) 3)) + " " + Long.valueOf(3).equals(null));
    }
}
