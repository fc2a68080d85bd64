/* StringFormat.java -- String.format (and PrintStream.printf): java's Formatter for the
 * conversions of the types here -- %b %h %s %c %d %o %x %n %% (and upper-case forms) with
 * flags, width, precision and argument indices; java's checks, in java's order, with its
 * exceptions and messages. Floating-point conversions (%e %f %g %a) find no float or double
 * argument here: IllegalFormatConversionException, as java for any other argument. Dates
 * (%t) are not provided. */
package java.lang;

import java.util.DuplicateFormatFlagsException;
import java.util.FormatFlagsConversionMismatchException;
import java.util.IllegalFormatArgumentIndexException;
import java.util.IllegalFormatCodePointException;
import java.util.IllegalFormatConversionException;
import java.util.IllegalFormatFlagsException;
import java.util.IllegalFormatPrecisionException;
import java.util.IllegalFormatWidthException;
import java.util.MissingFormatArgumentException;
import java.util.MissingFormatWidthException;
import java.util.UnknownFormatConversionException;

final class StringFormat {
    // flags, in the order java writes them
    private static final String FLAG_CHARS = "-#+ 0,(<";
    private static final int LEFT = 1, ALT = 2, PLUS = 4, SPACE = 8, ZERO = 16, GROUP = 32, PAREN = 64, PREV = 128;

    /** One specifier (or, with conv 0, a run of plain text [start, end)). */
    private static final class Spec {
        int start, end;
        int index;      // explicit n$ (> 0), -1 for '<', 0 for the next argument
        int flags;
        int width = -1;
        int precision = -1;
        char conv;      // lower case; upper set for the upper-case forms
        boolean upper;

        public String toString() {
            StringBuilder sb = new StringBuilder("%");
            if (index > 0)
                sb.append(index).append('$');
            sb.append(flagString(flags));
            if (width != -1)
                sb.append(width);
            if (precision != -1)
                sb.append('.').append(precision);
            return sb.append(upper ? Character.toUpperCase(conv) : conv).toString();
        }
    }

    private StringFormat() {
    }

    static String flagString(int flags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < FLAG_CHARS.length(); i++)
            if ((flags & (1 << i)) != 0)
                sb.append(FLAG_CHARS.charAt(i));
        return sb.toString();
    }

    static String format(String format, Object[] args) {
        Spec[] specs = parse(format);
        StringBuilder out = new StringBuilder(format.length() + 16);
        int last = -1;
        int ordinary = -1;
        for (int k = 0; k < specs.length; k++) {
            Spec s = specs[k];
            if (s.conv == 0) {
                out.append(format, s.start, s.end);
                continue;
            }
            if (s.conv == 'n') {
                out.append('\n');
                continue;
            }
            if (s.conv == '%') {
                justify(out, "%", s);
                continue;
            }
            Object arg;
            if (s.index == -1) {
                if (last < 0 || (args != null && last > args.length - 1))
                    throw new MissingFormatArgumentException(s.toString());
                arg = args == null ? null : args[last];
            } else if (s.index == 0) {
                ordinary++;
                last = ordinary;
                if (args != null && ordinary > args.length - 1)
                    throw new MissingFormatArgumentException(s.toString());
                arg = args == null ? null : args[ordinary];
            } else {
                last = s.index - 1;
                if (args != null && last > args.length - 1)
                    throw new MissingFormatArgumentException(s.toString());
                arg = args == null ? null : args[last];
            }
            print(out, s, arg);
        }
        return out.toString();
    }

    private static Spec[] parse(String f) {
        Spec[] specs = new Spec[8];
        int n = 0;
        int i = 0;
        int len = f.length();
        while (i < len) {
            Spec s = new Spec();
            int pct = f.indexOf('%', i);
            if (pct != i) {
                s.start = i;
                s.end = pct < 0 ? len : pct;
                i = s.end;
            } else {
                i = parseSpec(f, i, s);
            }
            if (n == specs.length) {
                Spec[] t = new Spec[n * 2];
                System.arraycopy(specs, 0, t, 0, n);
                specs = t;
            }
            specs[n++] = s;
        }
        Spec[] r = new Spec[n];
        System.arraycopy(specs, 0, r, 0, n);
        return r;
    }

    /** Parses the specifier at f[pct] ('%') into s; returns the index after it. */
    private static int parseSpec(String f, int pct, Spec s) {
        int len = f.length();
        int i = pct + 1;
        // java matches %(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([a-zA-Z%]); without a match it
        // reports the character after the '%'
        int j = i;
        while (j < len && isDigit(f.charAt(j)))
            j++;
        boolean explicit = j > i && j < len && f.charAt(j) == '$';
        if (explicit) {
            s.index = parseNum(f, i, j);
            i = j + 1;
        }
        int flagsStart = i;
        while (i < len && FLAG_CHARS.indexOf(f.charAt(i)) >= 0)
            i++;
        j = i;
        while (j < len && isDigit(f.charAt(j)))
            j++;
        int widthStart = i;
        int widthEnd = j;
        i = j;
        int precStart = -1;
        int precEnd = -1;
        if (i < len && f.charAt(i) == '.') {
            j = i + 1;
            while (j < len && isDigit(f.charAt(j)))
                j++;
            if (j > i + 1) {
                precStart = i + 1;
                precEnd = j;
                i = j;
            }
        }
        if (i >= len || !isConv(f.charAt(i)))
            throw new UnknownFormatConversionException(String.valueOf(pct + 1 < len ? f.charAt(pct + 1) : '%'));
        // the parts, checked as java's FormatSpecifier constructor does
        if (explicit && s.index < 1)
            throw new IllegalFormatArgumentIndexException(s.index);
        for (int k = flagsStart; k < widthStart; k++) {
            int bit = 1 << FLAG_CHARS.indexOf(f.charAt(k));
            if ((s.flags & bit) != 0)
                throw new DuplicateFormatFlagsException(String.valueOf(f.charAt(k)));
            s.flags |= bit;
        }
        if ((s.flags & PREV) != 0)
            s.index = -1;
        if (widthEnd > widthStart)
            s.width = parseNum(f, widthStart, widthEnd);
        if (precStart >= 0)
            s.precision = parseNum(f, precStart, precEnd);
        char c = f.charAt(i);
        s.conv = Character.toLowerCase(c);
        s.upper = c >= 'A' && c <= 'Z';
        check(s, c);
        return i + 1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isConv(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%';
    }

    private static int parseNum(String f, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            v = v * 10 + (f.charAt(k) - '0');
            if (v < 0)
                return Integer.MAX_VALUE;
        }
        return v;
    }

    private static void check(Spec s, char c) {
        switch (c) {
        case 'b': case 'B': case 'h': case 'H': case 's': case 'S':
            if (c != 's' && c != 'S' && (s.flags & ALT) != 0)
                throw new FormatFlagsConversionMismatchException("#", c);
            if (s.width == -1 && (s.flags & LEFT) != 0)
                throw new MissingFormatWidthException(s.toString());
            badFlags(s, c, PLUS | SPACE | ZERO | GROUP | PAREN);
            break;
        case 'c': case 'C':
            if (s.precision != -1)
                throw new IllegalFormatPrecisionException(s.precision);
            badFlags(s, c, ALT | PLUS | SPACE | ZERO | GROUP | PAREN);
            if (s.width == -1 && (s.flags & LEFT) != 0)
                throw new MissingFormatWidthException(s.toString());
            break;
        case 'd': case 'o': case 'x': case 'X':
            if (s.precision != -1)
                throw new IllegalFormatPrecisionException(s.precision);
            if (s.width == -1 && (s.flags & (LEFT | ZERO)) != 0)
                throw new MissingFormatWidthException(s.toString());
            if ((s.flags & (PLUS | SPACE)) == (PLUS | SPACE) || (s.flags & (LEFT | ZERO)) == (LEFT | ZERO))
                throw new IllegalFormatFlagsException(flagString(s.flags));
            badFlags(s, c, c == 'd' ? ALT : GROUP);
            break;
        case 'e': case 'E': case 'f': case 'g': case 'G': case 'a': case 'A':
            break; // no argument can match: IllegalFormatConversionException when printed
        case 'n':
            if (s.precision != -1)
                throw new IllegalFormatPrecisionException(s.precision);
            if (s.width != -1)
                throw new IllegalFormatWidthException(s.width);
            if (s.flags != 0)
                throw new IllegalFormatFlagsException(flagString(s.flags));
            break;
        case '%':
            if (s.precision != -1)
                throw new IllegalFormatPrecisionException(s.precision);
            if ((s.flags & ~LEFT) != 0)
                throw new IllegalFormatFlagsException(flagString(s.flags));
            if (s.width == -1 && (s.flags & LEFT) != 0)
                throw new MissingFormatWidthException(s.toString());
            break;
        default:
            throw new UnknownFormatConversionException(String.valueOf(c));
        }
    }

    private static void badFlags(Spec s, char c, int bad) {
        int b = s.flags & bad;
        if (b != 0)
            throw new FormatFlagsConversionMismatchException(flagString(b & -b), c);
    }

    private static void justify(StringBuilder out, String text, Spec s) {
        if (s.upper)
            text = text.toUpperCase();
        int pad = s.width - text.length();
        if ((s.flags & LEFT) == 0)
            for (int k = 0; k < pad; k++)
                out.append(' ');
        out.append(text);
        if ((s.flags & LEFT) != 0)
            for (int k = 0; k < pad; k++)
                out.append(' ');
    }

    private static String truncate(String text, Spec s) {
        if (s.precision != -1 && s.precision < text.length())
            return text.substring(0, s.precision);
        return text;
    }

    private static void print(StringBuilder out, Spec s, Object arg) {
        char c = s.upper ? Character.toUpperCase(s.conv) : s.conv;
        switch (s.conv) {
        case 'b':
            justify(out, truncate(arg == null ? "false" : arg instanceof Boolean ? arg.toString() : "true", s), s);
            return;
        case 'h':
            justify(out, truncate(arg == null ? "null" : Integer.toHexString(arg.hashCode()), s), s);
            return;
        case 's':
            if ((s.flags & ALT) != 0)
                throw new FormatFlagsConversionMismatchException("#", c);
            justify(out, truncate(String.valueOf(arg), s), s);
            return;
        case 'c':
            if (arg == null) {
                justify(out, "null", s);
                return;
            }
            int cp;
            if (arg instanceof Character)
                cp = ((Character) arg).charValue();
            else if (arg instanceof Byte || arg instanceof Short || arg instanceof Integer)
                cp = ((Number) arg).intValue();
            else
                throw new IllegalFormatConversionException(c, arg.getClass());
            if (!Character.isValidCodePoint(cp))
                throw new IllegalFormatCodePointException(cp);
            justify(out, new String(Character.toChars(cp)), s);
            return;
        case 'd': case 'o': case 'x':
            if (arg == null) {
                justify(out, "null", s);
                return;
            }
            if (!(arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte))
                throw new IllegalFormatConversionException(c, arg.getClass());
            long v = ((Number) arg).longValue();
            if (s.conv == 'd')
                printDecimal(out, s, v);
            else
                printRadix(out, s, v, arg, c);
            return;
        default: // e f g a: no float or double argument exists here; null prints as for all
            if (arg == null) {
                justify(out, "null", s);
                return;
            }
            throw new IllegalFormatConversionException(c, arg.getClass());
        }
    }

    private static void printDecimal(StringBuilder out, Spec s, long v) {
        String digits = Long.toString(v);
        boolean neg = v < 0;
        if (neg)
            digits = digits.substring(1);
        if ((s.flags & GROUP) != 0) {
            StringBuilder g = new StringBuilder();
            int first = digits.length() % 3;
            if (first == 0)
                first = 3;
            g.append(digits, 0, first);
            for (int k = first; k < digits.length(); k += 3)
                g.append(',').append(digits, k, k + 3);
            digits = g.toString();
        }
        String lead = "";
        String trail = "";
        if (neg) {
            if ((s.flags & PAREN) != 0) {
                lead = "(";
                trail = ")";
            } else {
                lead = "-";
            }
        } else if ((s.flags & PLUS) != 0) {
            lead = "+";
        } else if ((s.flags & SPACE) != 0) {
            lead = " ";
        }
        pad(out, s, lead, digits, trail);
    }

    private static void printRadix(StringBuilder out, Spec s, long v, Object arg, char c) {
        badFlags(s, c, PAREN | SPACE | PLUS);
        int bits = arg instanceof Long ? 64 : arg instanceof Integer ? 32 : arg instanceof Short ? 16 : 8;
        if (bits < 64)
            v &= (1L << bits) - 1;
        String digits = s.conv == 'o' ? Long.toOctalString(v) : Long.toHexString(v);
        String lead = (s.flags & ALT) == 0 ? "" : s.conv == 'o' ? "0" : "0x";
        pad(out, s, lead, digits, "");
    }

    /** lead, zeros up to the width when asked, digits, trail; then justified. */
    private static void pad(StringBuilder out, Spec s, String lead, String digits, String trail) {
        StringBuilder t = new StringBuilder(lead);
        if ((s.flags & ZERO) != 0)
            for (int k = lead.length() + digits.length() + trail.length(); k < s.width; k++)
                t.append('0');
        t.append(digits).append(trail);
        justify(out, t.toString(), s);
    }
}
