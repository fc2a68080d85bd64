// The class library's Character on all of Latin-1 (U+0000..U+00FF): the tests, the case
// mappings, digit/forDigit/getNumericValue; surrogates and toChars with java's message.
public class LibChar {
    static char b(boolean x) {
        return x ? '1' : '0';
    }

    public static void main(String[] args) {
        for (int c = 0; c < 256; c++) {
            char ch = (char) c;
            StringBuilder sb = new StringBuilder();
            sb.append(c).append(' ').append(b(Character.isLetter(ch))).append(b(Character.isDigit(ch)))
                    .append(b(Character.isLetterOrDigit(ch))).append(b(Character.isLowerCase(ch)))
                    .append(b(Character.isUpperCase(ch))).append(b(Character.isWhitespace(ch)))
                    .append(b(Character.isSpaceChar(ch))).append(b(Character.isISOControl(ch)))
                    .append(b(Character.isAlphabetic(c))).append(b(Character.isLetter(c))).append(b(Character.isDigit(c)))
                    .append(b(Character.isLowerCase(c))).append(b(Character.isUpperCase(c))).append(b(Character.isWhitespace(c)))
                    .append(b(Character.isTitleCase(ch))).append(b(Character.isLetterOrDigit(c))).append(b(Character.isISOControl(c)))
                    .append(' ').append((int) Character.toUpperCase(ch)).append(' ').append((int) Character.toLowerCase(ch))
                    .append(' ').append(Character.toUpperCase(c)).append(' ').append(Character.toLowerCase(c))
                    .append(' ').append((int) Character.toTitleCase(ch))
                    .append(' ').append(Character.getNumericValue(ch)).append(' ').append(Character.digit(ch, 36))
                    .append(' ').append(Character.digit(ch, 16)).append(' ').append(Character.digit(c, 10));
            System.out.println(sb);
        }
        for (int radix = 0; radix <= 37; radix += 1) {
            StringBuilder sb = new StringBuilder("radix " + radix + ":");
            for (int d = -1; d <= 37; d++)
                sb.append(' ').append((int) Character.forDigit(d, radix));
            sb.append(" |");
            for (char ch : "09aAzZ!".toCharArray())
                sb.append(' ').append(Character.digit(ch, radix));
            System.out.println(sb);
        }
        char hi = '\ud834';
        char lo = '\udd1e';
        System.out.println(Character.isHighSurrogate(hi) + " " + Character.isLowSurrogate(lo) + " " + Character.isSurrogate(hi)
                + " " + Character.isSurrogate('a') + " " + Character.isSurrogatePair(hi, lo) + " " + Character.isSurrogatePair(lo, hi)
                + " " + Character.toCodePoint(hi, lo) + " " + (int) Character.highSurrogate(0x1d11e) + " "
                + (int) Character.lowSurrogate(0x1d11e) + " " + Character.charCount(0x1d11e) + " " + Character.charCount('a')
                + " " + Character.isBmpCodePoint(0x1d11e) + " " + Character.isValidCodePoint(0x110000) + " "
                + Character.isSupplementaryCodePoint(0x10000) + " " + new String(Character.toChars(0x1d11e)).length()
                + " " + Character.toChars('q')[0]);
        int[] bad = { -1, 0x110000 };
        for (int cp : bad) {
            try {
                Character.toChars(cp);
            } catch (IllegalArgumentException e) {
                System.out.println(e);
            }
        }
        Character c = 'x';
        char u = c;
        System.out.println(c + " " + u + " " + c.charValue() + " " + c.hashCode() + " " + Character.hashCode('y') + " "
                + c.equals('x') + " " + c.equals("x") + " " + c.compareTo('z') + " " + Character.compare('b', 'a') + " "
                + Character.toString('t') + " " + c.toString() + " " + (int) Character.MIN_VALUE + " " + Character.MIN_RADIX
                + " " + (int) Character.MIN_HIGH_SURROGATE + " " + Character.MAX_CODE_POINT);
    }
}
