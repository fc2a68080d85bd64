// PrintStream print and println of every type: boolean, char, int, long, char[], String, Object
// (toString and null), empty println, print without a newline, System.err kept apart.
public class PrintTypes {
    static class Thing {
        public String toString() { return "a thing"; }
    }

    public static void main(String[] args) {
        System.out.println(true);
        System.out.println(false);
        System.out.println('x');
        System.out.println((char) 65);
        System.out.println(0);
        System.out.println(-2147483648);
        System.out.println(2147483647);
        System.out.println(9223372036854775807L);
        System.out.println(-9223372036854775808L);
        System.out.println((byte) -1);
        System.out.println((short) 12345);
        System.out.println(new char[] {'c', 'h', 'a', 'r', 's'});
        System.out.println("string");
        System.out.println(new Thing());
        System.out.println((Object) null);
        System.out.println((String) null);
        System.out.println();
        System.out.print(true);
        System.out.print(' ');
        System.out.print('y');
        System.out.print(' ');
        System.out.print(-17);
        System.out.print(' ');
        System.out.print(1L << 40);
        System.out.print(' ');
        System.out.print(new char[] {'a', 'b'});
        System.out.print(' ');
        System.out.print("s");
        System.out.print(' ');
        System.out.print(new Thing());
        System.out.print(' ');
        System.out.print((Object) null);
        System.out.print(' ');
        System.out.print((String) null);
        System.out.print('\n');
        System.err.println("this goes to stderr");
        System.out.print("tab\there, quote \" backslash \\ done\n");
        StringBuilder all = new StringBuilder();
        for (char ch = ' '; ch < 127; ch++) all.append(ch);
        System.out.println(all);
        System.out.print("last line without newline");
    }
}
