// The class library's String: every method the library provides, the exact exception messages,
// and hashCode's formula (string switch depends on it). Output compared with java's.
// FLAVOURS: 17
public class LibString {
    static void p(String label, Object v) {
        System.out.println(label + ": " + v);
    }

    static void charAt(String s, int i) {
        try {
            p("charAt " + i, s.charAt(i));
        } catch (StringIndexOutOfBoundsException e) {
            p("charAt " + i, e);
        }
    }

    static void substring(String s, int b, int e) {
        try {
            p("substring " + b + "," + e, "[" + s.substring(b, e) + "]");
        } catch (StringIndexOutOfBoundsException x) {
            p("substring " + b + "," + e, x);
        }
    }

    static String sw(String s) {
        switch (s) {
        case "alpha": return "A";
        case "beta": return "B";
        case "Aa": return "Aa";   // "Aa" and "BB" share a hash code
        case "BB": return "BB";
        case "": return "empty";
        default: return "other";
        }
    }

    public static void main(String[] args) {
        String s = "Hello, World";
        p("length", s.length());
        p("isEmpty", s.isEmpty() + " " + "".isEmpty());
        for (int i = -1; i <= 12; i += 13)
            charAt(s, i);
        charAt(s, 4);
        p("codePointAt", "a\ud834\udd1eb".codePointAt(1));
        String[] hs = { "", "a", "ab", "Hello, World", "polygenelubricants", "\u00e9t\u00e9", "Aa", "BB",
                "the quick brown fox jumps over the lazy dog" };
        for (String h : hs)
            p("hashCode " + h, h.hashCode());
        p("equals", s.equals("Hello, World") + " " + s.equals("hello, world") + " " + s.equals(null)
                + " " + s.equals(new StringBuilder("Hello, World")));
        p("equalsIgnoreCase", s.equalsIgnoreCase("HELLO, world") + " " + s.equalsIgnoreCase(null)
                + " " + "\u00e9".equalsIgnoreCase("\u00c9") + " " + "a".equalsIgnoreCase("ab"));
        String[] cs = { "a", "b", "ab", "", "A", "abc", "\u00e9" };
        for (String x : cs)
            for (String y : cs)
                System.out.print(x.compareTo(y) + "/" + x.compareToIgnoreCase(y) + " ");
        System.out.println();
        p("indexOf", s.indexOf('o') + " " + s.indexOf('o', 5) + " " + s.indexOf('o', 100) + " "
                + s.indexOf('o', -5) + " " + s.indexOf('z') + " " + s.indexOf("World") + " " + s.indexOf("")
                + " " + s.indexOf("", 5) + " " + s.indexOf("", 99) + " " + s.indexOf("o", 5) + " "
                + s.indexOf("xyz") + " " + s.indexOf("Hello, World!"));
        p("indexOf supplementary", "x\ud834\udd1ey".indexOf(0x1d11e) + " " + "x\ud834\udd1ey".lastIndexOf(0x1d11e));
        p("lastIndexOf", s.lastIndexOf('o') + " " + s.lastIndexOf('o', 7) + " " + s.lastIndexOf('o', -1)
                + " " + s.lastIndexOf('o', 99) + " " + s.lastIndexOf("o") + " " + s.lastIndexOf("l", 9)
                + " " + s.lastIndexOf("") + " " + s.lastIndexOf("", 3) + " " + s.lastIndexOf("", -3)
                + " " + s.lastIndexOf("Hello") + " " + s.lastIndexOf("Hello", -1));
        p("contains", s.contains("lo, W") + " " + s.contains("low") + " " + s.contains(new StringBuilder("World")));
        substring(s, 0, 5);
        substring(s, 7, 12);
        substring(s, 3, 3);
        substring(s, 0, 13);
        substring(s, -1, 2);
        substring(s, 5, 4);
        try {
            p("substring 13", s.substring(13));
        } catch (StringIndexOutOfBoundsException e) {
            p("substring 13", e);
        }
        p("substring 12", "[" + s.substring(12) + "]");
        try {
            p("subSequence", s.subSequence(2, 1));
        } catch (StringIndexOutOfBoundsException e) {
            p("subSequence", e);
        }
        p("concat", s.concat("!") + " " + "".concat("") + " " + s.concat("").equals(s));
        p("startsWith", s.startsWith("Hell") + " " + s.startsWith("ell") + " " + s.startsWith("World", 7) + " "
                + s.startsWith("", 12) + " " + s.startsWith("", 13) + " " + s.startsWith("H", -1));
        p("endsWith", s.endsWith("World") + " " + s.endsWith("") + " " + s.endsWith("Hello"));
        char[] ca = s.toCharArray();
        ca[0] = 'J';
        p("toCharArray", new String(ca) + " " + s + " " + ca.length);
        p("toUpperCase", s.toUpperCase() + " " + "stra\u00dfe \u00e9\u00ff\u00b5".toUpperCase() + " " + "ABC".toUpperCase());
        p("toLowerCase", s.toLowerCase() + " " + "\u00c0\u00c9\u00de\u00d7".toLowerCase() + " " + "abc".toLowerCase());
        byte[] b = "a\u00e9\u20ac\ud834\udd1e".getBytes();
        StringBuilder bs = new StringBuilder();
        for (byte x : b)
            bs.append(x).append(' ');
        p("getBytes", bs);
        p("new String(bytes)", new String(b).equals("a\u00e9\u20ac\ud834\udd1e") + " " + new String(b, 1, 2));
        byte[] bad = { 'a', (byte) 0xff, 'b', (byte) 0xc3 };
        p("new String(bad bytes)", (int) new String(bad).charAt(1) + " " + new String(bad).length());
        try {
            p("new String(chars)", new String(new char[2], 1, 5));
        } catch (StringIndexOutOfBoundsException e) {
            p("new String(chars)", e);
        }
        try {
            p("valueOf(chars)", String.valueOf(new char[2], -1, 1));
        } catch (StringIndexOutOfBoundsException e) {
            p("valueOf(chars)", e);
        }
        char[] dst = new char[8];
        s.getChars(7, 12, dst, 1);
        p("getChars", new String(dst, 1, 5));
        try {
            s.getChars(0, 20, dst, 0);
        } catch (StringIndexOutOfBoundsException e) {
            p("getChars", e);
        }
        p("valueOf", String.valueOf(true) + String.valueOf(false) + String.valueOf('c') + String.valueOf(-42)
                + String.valueOf(Long.MIN_VALUE) + String.valueOf((Object) null) + String.valueOf(new char[] { 'x', 'y' })
                + String.valueOf(new char[] { 'x', 'y', 'z' }, 1, 2) + String.valueOf(Integer.valueOf(7)));
        p("copyValueOf", String.copyValueOf(new char[] { 'q', 'r' }) + String.copyValueOf(new char[] { 'q', 'r' }, 1, 1));
        p("trim", "[" + "  \t a b \n\u0001".trim() + "][" + "   ".trim() + "][" + "x".trim() + "]");
        p("strip", "[" + " \t a \u00a0\n".strip() + "]");
        p("isBlank", " \t".isBlank() + " " + " x ".isBlank());
        p("replace char", s.replace('o', '0') + " " + s.replace('z', 'y') + " " + s.replace('l', 'l'));
        p("replace seq", s.replace("l", "LL") + " " + "aaa".replace("aa", "b") + " " + "abc".replace("", "-")
                + " " + s.replace("World", "") + " " + s.replace("xyz", "q"));
        p("repeat", "ab".repeat(3) + "|" + "ab".repeat(0) + "|" + "".repeat(5) + "|" + "x".repeat(1));
        try {
            "ab".repeat(-1);
        } catch (IllegalArgumentException e) {
            p("repeat", e);
        }
        p("regionMatches", s.regionMatches(7, "World", 0, 5) + " " + s.regionMatches(true, 7, "WORLD", 0, 5)
                + " " + s.regionMatches(7, "WORLD", 0, 5) + " " + s.regionMatches(-1, "H", 0, 1)
                + " " + s.regionMatches(10, "ld!", 0, 3));
        p("contentEquals", s.contentEquals(new StringBuilder(s)) + " " + s.contentEquals("x"));
        p("join", String.join(", ", "a", "b", "c") + String.join("-"));
        String lit = "Hello, World";
        p("literals", (lit == s) + " " + (lit.intern() == s) + " " + ("Hello, " + "World" == s));
        p("toString", s.toString() == s);
        String[] sws = { "alpha", "beta", "Aa", "BB", "", "gamma" };
        for (String x : sws)
            System.out.print(sw(x) + " ");
        System.out.println();
        try {
            s.compareTo(null);
        } catch (NullPointerException e) {
            p("compareTo null", "NullPointerException");
        }
        String n = null;
        p("concat null", "x" + n + 'c' + 1 + 2L + true + 'q');
        CharSequence seq = s;
        p("CharSequence", seq.length() + " " + seq.charAt(1) + " " + seq.subSequence(0, 2));
    }
}
