/* Character.java -- char boxed, and the character tests of java for Latin-1 (U+0000..U+00FF),
 * checked against java 17 for each of the 256 (tests/jvm/lib/LibChar.java). Above U+00FF the
 * tests answer false and the case mappings return the character unchanged: no Unicode tables. */
package java.lang;

public final class Character implements java.io.Serializable, Comparable<Character> {
    public static final int MIN_RADIX = 2;
    public static final int MAX_RADIX = 36;
    public static final char MIN_VALUE = '\u0000';
    public static final char MAX_VALUE = '\uffff';
    public static final char MIN_HIGH_SURROGATE = '\ud800';
    public static final char MAX_HIGH_SURROGATE = '\udbff';
    public static final char MIN_LOW_SURROGATE = '\udc00';
    public static final char MAX_LOW_SURROGATE = '\udfff';
    public static final char MIN_SURROGATE = MIN_HIGH_SURROGATE;
    public static final char MAX_SURROGATE = MAX_LOW_SURROGATE;
    public static final int MIN_SUPPLEMENTARY_CODE_POINT = 0x010000;
    public static final int MIN_CODE_POINT = 0x000000;
    public static final int MAX_CODE_POINT = 0x10ffff;
    public static final int SIZE = 16;
    public static final int BYTES = 2;

    private static final Character[] cache = new Character[128];

    private final char value;

    public Character(char value) {
        this.value = value;
    }

    public static Character valueOf(char c) {
        if (c < 128) {
            Character x = cache[c];
            if (x == null) {
                x = new Character(c);
                cache[c] = x;
            }
            return x;
        }
        return new Character(c);
    }

    public char charValue() {
        return value;
    }

    public int hashCode() {
        return value;
    }

    public static int hashCode(char value) {
        return value;
    }

    public boolean equals(Object obj) {
        return obj instanceof Character && value == ((Character) obj).value;
    }

    public String toString() {
        return String.valueOf(value);
    }

    public static String toString(char c) {
        return String.valueOf(c);
    }

    public static int compare(char x, char y) {
        return x - y;
    }

    public int compareTo(Character anotherCharacter) {
        return compare(value, anotherCharacter.value);
    }

    public static char reverseBytes(char ch) {
        return (char) (((ch & 0xff00) >> 8) | (ch << 8));
    }

    // ---- Latin-1 classes (java's CharacterDataLatin1)

    public static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    public static boolean isDigit(int codePoint) {
        return codePoint >= '0' && codePoint <= '9';
    }

    public static boolean isLowerCase(char ch) {
        return isLowerCase((int) ch);
    }

    /** a-z, and U+00AA U+00B5 U+00BA U+00DF..U+00F6 U+00F8..U+00FF */
    public static boolean isLowerCase(int ch) {
        if (ch < 0x80)
            return ch >= 'a' && ch <= 'z';
        return ch == 0xaa || ch == 0xb5 || ch == 0xba || (ch >= 0xdf && ch <= 0xff && ch != 0xf7);
    }

    public static boolean isUpperCase(char ch) {
        return isUpperCase((int) ch);
    }

    /** A-Z, and U+00C0..U+00DE but U+00D7 */
    public static boolean isUpperCase(int ch) {
        if (ch < 0x80)
            return ch >= 'A' && ch <= 'Z';
        return ch >= 0xc0 && ch <= 0xde && ch != 0xd7;
    }

    public static boolean isTitleCase(char ch) {
        return false;
    }

    public static boolean isLetter(char ch) {
        return isLetter((int) ch);
    }

    public static boolean isLetter(int ch) {
        return isLowerCase(ch) || isUpperCase(ch);
    }

    public static boolean isLetterOrDigit(char ch) {
        return isLetter((int) ch) || isDigit((int) ch);
    }

    public static boolean isLetterOrDigit(int ch) {
        return isLetter(ch) || isDigit(ch);
    }

    public static boolean isAlphabetic(int ch) {
        return isLetter(ch);
    }

    /** \t \n \u000B \f \r, U+001C..U+001F and the space; not U+00A0 */
    public static boolean isWhitespace(char ch) {
        return isWhitespace((int) ch);
    }

    public static boolean isWhitespace(int ch) {
        return ch == ' ' || (ch >= 0x09 && ch <= 0x0d) || (ch >= 0x1c && ch <= 0x1f);
    }

    public static boolean isSpaceChar(char ch) {
        return ch == ' ' || ch == '\u00a0';
    }

    public static boolean isISOControl(char ch) {
        return ch <= 0x1f || (ch >= 0x7f && ch <= 0x9f);
    }

    public static boolean isISOControl(int ch) {
        return (ch >= 0 && ch <= 0x1f) || (ch >= 0x7f && ch <= 0x9f);
    }

    public static char toUpperCase(char ch) {
        return (char) toUpperCase((int) ch);
    }

    /** a-z, U+00E0..U+00FE but U+00F7; U+00B5 -> U+039C, U+00FF -> U+0178 (U+00DF stays) */
    public static int toUpperCase(int ch) {
        if (ch < 0x80)
            return (ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
        if (ch >= 0xe0 && ch <= 0xfe && ch != 0xf7)
            return ch - 32;
        if (ch == 0xb5)
            return 0x39c;
        if (ch == 0xff)
            return 0x178;
        return ch;
    }

    public static char toLowerCase(char ch) {
        return (char) toLowerCase((int) ch);
    }

    public static int toLowerCase(int ch) {
        if (isUpperCase(ch))
            return ch + 32;
        return ch;
    }

    public static char toTitleCase(char ch) {
        return toUpperCase(ch);
    }

    /** The value of ch as a digit in radix (0-9, then a-z or A-Z), or -1. */
    public static int digit(char ch, int radix) {
        return digit((int) ch, radix);
    }

    public static int digit(int ch, int radix) {
        if (radix < MIN_RADIX || radix > MAX_RADIX)
            return -1;
        int d;
        if (ch >= '0' && ch <= '9')
            d = ch - '0';
        else if (ch >= 'a' && ch <= 'z')
            d = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'Z')
            d = ch - 'A' + 10;
        else
            return -1;
        return d < radix ? d : -1;
    }

    /** 0-9 and letters as java gives them; U+00B2 U+00B3 U+00B9 are 2 3 1, the fractions -2. */
    public static int getNumericValue(char ch) {
        if (ch >= '0' && ch <= '9')
            return ch - '0';
        if (ch >= 'a' && ch <= 'z')
            return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'Z')
            return ch - 'A' + 10;
        if (ch == 0xb2 || ch == 0xb3)
            return ch - 0xb0;
        if (ch == 0xb9)
            return 1;
        if (ch >= 0xbc && ch <= 0xbe)
            return -2;
        return -1;
    }

    public static char forDigit(int digit, int radix) {
        if (digit >= radix || digit < 0 || radix < MIN_RADIX || radix > MAX_RADIX)
            return '\0';
        if (digit < 10)
            return (char) ('0' + digit);
        return (char) ('a' - 10 + digit);
    }

    // ---- UTF-16

    public static boolean isHighSurrogate(char ch) {
        return ch >= MIN_HIGH_SURROGATE && ch <= MAX_HIGH_SURROGATE;
    }

    public static boolean isLowSurrogate(char ch) {
        return ch >= MIN_LOW_SURROGATE && ch <= MAX_LOW_SURROGATE;
    }

    public static boolean isSurrogate(char ch) {
        return ch >= MIN_SURROGATE && ch <= MAX_SURROGATE;
    }

    public static boolean isSurrogatePair(char high, char low) {
        return isHighSurrogate(high) && isLowSurrogate(low);
    }

    public static boolean isBmpCodePoint(int codePoint) {
        return codePoint >>> 16 == 0;
    }

    public static boolean isValidCodePoint(int codePoint) {
        return codePoint >= 0 && codePoint <= MAX_CODE_POINT;
    }

    public static boolean isSupplementaryCodePoint(int codePoint) {
        return codePoint >= MIN_SUPPLEMENTARY_CODE_POINT && codePoint <= MAX_CODE_POINT;
    }

    public static int charCount(int codePoint) {
        return codePoint >= MIN_SUPPLEMENTARY_CODE_POINT ? 2 : 1;
    }

    public static int toCodePoint(char high, char low) {
        return ((high - MIN_HIGH_SURROGATE) << 10) + (low - MIN_LOW_SURROGATE) + MIN_SUPPLEMENTARY_CODE_POINT;
    }

    public static char highSurrogate(int codePoint) {
        return (char) ((codePoint >>> 10) + (MIN_HIGH_SURROGATE - (MIN_SUPPLEMENTARY_CODE_POINT >>> 10)));
    }

    public static char lowSurrogate(int codePoint) {
        return (char) ((codePoint & 0x3ff) + MIN_LOW_SURROGATE);
    }

    public static char[] toChars(int codePoint) {
        if (isBmpCodePoint(codePoint)) {
            char[] r = { (char) codePoint };
            return r;
        }
        if (!isValidCodePoint(codePoint))
            throw new IllegalArgumentException("Not a valid Unicode code point: 0x"
                    + Integer.toHexString(codePoint).toUpperCase());
        char[] r = { highSurrogate(codePoint), lowSurrogate(codePoint) };
        return r;
    }
}
