// java.lang.String: length, charAt, equals, hashCode (exact values), compareTo, indexOf,
// lastIndexOf, substring, concat, startsWith/endsWith, toCharArray, toUpperCase/toLowerCase,
// getBytes, valueOf of every type, trim, replace, contains, isEmpty, literal identity.
public class Strings {
    public static void main(String[] args) {
        String s = "Hello, World";
        System.out.println(s.length() + " " + s.charAt(0) + s.charAt(11) + " " + s.hashCode() + " " + "".hashCode());
        System.out.println(s.indexOf('o') + " " + s.indexOf('o', 5) + " " + s.indexOf("World") + " " + s.indexOf("xyz")
                + " " + s.lastIndexOf('o') + " " + s.indexOf("") + " " + s.indexOf('l', 100));
        System.out.println(s.substring(7) + "|" + s.substring(0, 5) + "|" + s.substring(12) + "|" + s.substring(3, 3) + "|");
        System.out.println(s.concat("!") + " " + "".concat(s).equals(s) + " " + s.concat("") .equals(s));
        System.out.println(s.startsWith("Hell") + " " + s.startsWith("World", 7) + " " + s.endsWith("rld") + " " + s.endsWith("") + " " + s.startsWith("hello"));
        System.out.println(s.toUpperCase() + " " + s.toLowerCase() + " " + "MiXeD 123 []".toLowerCase());
        String[] words = {"apple", "Apple", "apples", "banana", "", "b", "apple"};
        StringBuilder sb = new StringBuilder();
        for (String a : words) {
            for (String b : words) {
                int c = a.compareTo(b);
                sb.append(c < 0 ? '<' : c > 0 ? '>' : '=');
            }
            sb.append(' ');
        }
        System.out.println(sb);
        System.out.println("apple".compareTo("apples") + " " + "b".compareTo("a") + " " + "A".compareTo("a") + " " + "".compareTo("abc"));
        System.out.println("abc".equals("abc") + " " + "abc".equals("abd") + " " + "abc".equals(null) + " " + "abc".equals(new StringBuilder("abc")));
        char[] cs = "chars".toCharArray();
        cs[0] = 'C';
        System.out.println(new String(cs) + " " + cs.length + " " + String.valueOf(cs, 1, 3));
        byte[] bs = "AZaz09 ~".getBytes();
        int bsum = 0;
        for (byte b : bs) bsum = bsum * 3 + b;
        System.out.println(bs.length + " " + bsum);
        System.out.println(String.valueOf(42) + String.valueOf(-7L) + String.valueOf('c') + String.valueOf(true)
                + String.valueOf(false) + String.valueOf((Object) null) + String.valueOf(new char[] {'x', 'y'}));
        System.out.println("[" + "  padded \t".trim() + "]" + " " + "a-b-c".replace('-', '+') + " " + "hello".contains("ell") + " " + "".isEmpty());
        String lit = "literal";
        String built = new StringBuilder("lit").append("eral").toString();
        System.out.println((lit == "literal") + " " + lit.equals(built) + " " + (lit.hashCode() == built.hashCode()));
        int h = 0;
        String longer = "The quick brown fox jumps over the lazy dog";
        for (int i = 0; i < longer.length(); i++) h ^= longer.substring(i).hashCode();
        System.out.println(h + " " + longer.hashCode());
        try {
            s.charAt(12);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println("StringIndexOutOfBoundsException");
        }
        try {
            s.substring(5, 2);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("IndexOutOfBoundsException");
        }
    }
}
