// The class library's StringBuilder and StringBuffer: append of every type, insert, delete,
// replace, reverse, setLength, indexOf, and java's exact exception messages.
// FLAVOURS: 17
public class LibBuilder {
    static void p(String label, Object v) {
        System.out.println(label + ": " + v);
    }

    static void x(String label, RuntimeException e) {
        System.out.println(label + ": " + e);
    }

    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        Object nobj = null;
        String nstr = null;
        StringBuffer nbuf = null;
        CharSequence nseq = null;
        sb.append("s").append(1).append(-2L).append('c').append(true).append(false).append(nobj).append(nstr)
                .append(new char[] { 'x', 'y' }).append(new char[] { 'a', 'b', 'c' }, 1, 2).append((Object) "o")
                .append(new StringBuffer("buf")).append(nbuf).append((CharSequence) "seq").append(nseq)
                .append("0123456789", 2, 5).append(Integer.MIN_VALUE).append(Long.MIN_VALUE).append(Long.MAX_VALUE)
                .append(0).append(0L).append(4294967296L).appendCodePoint(0x1d11e).appendCodePoint('z');
        p("append", sb);
        p("length", sb.length());
        StringBuilder g = new StringBuilder(2);
        for (int i = 0; i < 100; i++)
            g.append(i % 10);
        p("grow", g.length() + " " + g);
        StringBuilder t = new StringBuilder("abcdef");
        p("charAt", t.charAt(2));
        t.setCharAt(0, 'A');
        p("setCharAt", t);
        p("insert", t.insert(0, "<").insert(t.length(), '>').insert(3, 42).insert(1, 7L).insert(2, true)
                .insert(0, new char[] { '[', ']' }).insert(1, (Object) null).insert(0, new char[] { 'p', 'q', 'r' }, 1, 2)
                .insert(0, (CharSequence) "cs").insert(0, (String) null));
        p("delete", t.delete(0, 4).delete(3, 3).delete(t.length() - 2, 1000));
        p("deleteCharAt", t.deleteCharAt(0).deleteCharAt(t.length() - 1));
        p("replace", t.replace(0, 2, "XYZ").replace(3, 1000, "!").replace(1, 1, "-"));
        p("reverse", new StringBuilder("stressed").reverse() + " " + new StringBuilder("a\ud834\udd1eb").reverse().codePointAt(1)
                + " " + new StringBuilder("").reverse());
        StringBuilder sl = new StringBuilder("hello");
        sl.setLength(2);
        p("setLength", sl + " " + sl.length());
        sl.setLength(4);
        p("setLength", (int) sl.charAt(3) + " " + sl.length());
        StringBuilder io = new StringBuilder("abcabc");
        p("indexOf", io.indexOf("bc") + " " + io.indexOf("bc", 2) + " " + io.indexOf("x") + " " + io.lastIndexOf("bc")
                + " " + io.lastIndexOf("bc", 3) + " " + io.indexOf("") + " " + io.lastIndexOf(""));
        p("substring", io.substring(2) + " " + io.substring(1, 3) + " " + io.subSequence(0, 1));
        char[] dst = new char[4];
        io.getChars(1, 4, dst, 0);
        p("getChars", new String(dst, 0, 3));
        p("compareTo", new StringBuilder("abc").compareTo(new StringBuilder("abd")) + " "
                + new StringBuffer("b").compareTo(new StringBuffer("abc")));
        p("capacity", new StringBuilder().capacity() + " " + new StringBuilder(5).capacity() + " " + new StringBuilder("ab").capacity());
        StringBuilder e = new StringBuilder("abc");
        try { e.charAt(5); } catch (IndexOutOfBoundsException z) { x("charAt", z); }
        try { e.charAt(-1); } catch (IndexOutOfBoundsException z) { x("charAt", z); }
        try { e.setCharAt(3, 'x'); } catch (IndexOutOfBoundsException z) { x("setCharAt", z); }
        try { e.deleteCharAt(3); } catch (IndexOutOfBoundsException z) { x("deleteCharAt", z); }
        try { e.delete(5, 6); } catch (IndexOutOfBoundsException z) { x("delete", z); }
        try { e.delete(2, 1); } catch (IndexOutOfBoundsException z) { x("delete", z); }
        try { e.delete(-1, 1); } catch (IndexOutOfBoundsException z) { x("delete", z); }
        try { e.insert(5, "x"); } catch (IndexOutOfBoundsException z) { x("insert", z); }
        try { e.insert(-1, 'x'); } catch (IndexOutOfBoundsException z) { x("insert", z); }
        try { e.insert(4, 1); } catch (IndexOutOfBoundsException z) { x("insert", z); }
        try { e.insert(1, new char[2], 1, 5); } catch (IndexOutOfBoundsException z) { x("insert chars", z); }
        try { e.setLength(-1); } catch (IndexOutOfBoundsException z) { x("setLength", z); }
        try { e.substring(2, 1); } catch (IndexOutOfBoundsException z) { x("substring", z); }
        try { e.substring(4); } catch (IndexOutOfBoundsException z) { x("substring", z); }
        try { e.append(new char[2], 1, 5); } catch (IndexOutOfBoundsException z) { x("append chars", z); }
        try { e.append("xy", 1, 5); } catch (IndexOutOfBoundsException z) { x("append seq", z); }
        try { e.replace(4, 5, "x"); } catch (IndexOutOfBoundsException z) { x("replace", z); }
        try { e.replace(2, 1, "x"); } catch (IndexOutOfBoundsException z) { x("replace", z); }
        try { new StringBuilder(-1); } catch (NegativeArraySizeException z) { x("new", z); }
        p("unchanged", e);
        StringBuffer b = new StringBuffer();
        b.append("buf").append(1).append('-').append(2L).append(true).append(nobj).append(new char[] { 'z' });
        b.insert(0, "[").append(']').reverse().reverse();
        b.deleteCharAt(0).delete(0, 1).replace(0, 1, "U").setCharAt(0, 'V');
        p("StringBuffer", b + " " + b.length() + " " + b.indexOf("-") + " " + b.charAt(1));
        try { b.charAt(99); } catch (IndexOutOfBoundsException z) { x("StringBuffer charAt", z); }
        String s = "concat " + 1 + 'c' + 2L + true + nobj + 3 + -4;
        p("concat", s);
        p("toString copies", sb.toString() != sb.toString());
    }
}
