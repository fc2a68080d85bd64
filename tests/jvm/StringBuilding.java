// StringBuilder and StringBuffer (append of every type, insert, reverse, setLength, charAt,
// setCharAt, deleteCharAt, length, toString) and string concatenation with + of every type
// (javac 17: invokedynamic makeConcatWithConstants; --release 8: StringBuilder).
public class StringBuilding {
    static class Point {
        final int x, y;
        Point(int x, int y) { this.x = x; this.y = y; }
        public String toString() { return "(" + x + "," + y + ")"; }
    }

    public static void main(String[] args) {
        byte b = -5;
        short sh = -300;
        char c = 'q';
        int i = Integer.MIN_VALUE;
        long l = Long.MIN_VALUE;
        boolean t = true;
        String nul = null;
        Object o = new Point(3, -4);
        Object on = null;
        String s = "b" + b + " s" + sh + " c" + c + " i" + i + " l" + l + " z" + t + " n" + nul + " o" + o + " on" + on;
        System.out.println(s);
        System.out.println(1 + 2 + "x" + 1 + 2 + 'c' + (char) ('c' + 1) + ('c' + 1));
        System.out.println("" + 'a' + 'b' + ('a' + 'b') + c + c);
        String acc = "";
        for (int k = 0; k < 10; k++) acc += k;
        acc += 'e';
        acc += 5L;
        acc += false;
        System.out.println(acc);
        String withConst = "const \u0001 " + Long.MAX_VALUE + " tag\u0002" + b;
        System.out.println(withConst.length() + " " + (int) withConst.charAt(6) + " " + withConst.substring(8));

        StringBuilder sb = new StringBuilder();
        sb.append(b).append(',').append(sh).append(',').append(c).append(',').append(i).append(',').append(l)
          .append(',').append(t).append(',').append(nul).append(',').append(o).append(',').append(new char[] {'h', 'i'})
          .append(',').append("str").append(',').append((Object) "obj").append(',').append(new StringBuilder("sb"));
        System.out.println(sb + " " + sb.length());
        sb.setLength(5);
        System.out.println(sb + "|" + sb.length());
        sb.insert(0, "<<").insert(sb.length(), ">>").insert(3, 99).insert(1, 'X').insert(2, true).insert(0, -7L);
        System.out.println(sb);
        sb.reverse();
        System.out.println(sb);
        sb.setCharAt(0, '#');
        System.out.println(sb.charAt(0) + " " + sb.charAt(sb.length() - 1) + " " + sb.deleteCharAt(1));
        sb.setLength(0);
        System.out.println("[" + sb + "] " + sb.length());
        sb.setLength(3);
        System.out.println((int) sb.charAt(0) + " " + sb.length());
        StringBuilder big = new StringBuilder();
        for (int k = 0; k < 300; k++) big.append(k % 10);
        System.out.println(big.length() + " " + big.toString().hashCode());

        StringBuffer buf = new StringBuffer("buf");
        buf.append(1).append('-').append(2L).append(false).append((String) null).insert(0, "[").append(']');
        System.out.println(buf + " " + buf.length() + " " + buf.reverse());
        buf.setLength(2);
        buf.setCharAt(1, 'Z');
        System.out.println(buf.toString() + buf.charAt(0));
        String surrogates = new StringBuilder("ab\ud83d\ude00c").reverse().toString();
        System.out.println(surrogates.length() + " " + (int) surrogates.charAt(0) + " " + (int) surrogates.charAt(1) + " " + (int) surrogates.charAt(2));
    }
}
