// The class library's PrintStream: print and println of every supported type and char[],
// null, Object through String.valueOf, UTF-8 output (2-, 3- and 4-byte sequences, a lone
// surrogate written '?'), write(int) and write(byte[]), a line longer than the buffer, and
// standard error beside standard output; the last print has no newline.
// STDERR
public class LibPrint {
    public String toString() {
        return "LibPrint!";
    }

    public static void main(String[] args) {
        System.out.print("int ");
        System.out.print(-42);
        System.out.print(" long ");
        System.out.print(Long.MIN_VALUE);
        System.out.print(" char ");
        System.out.print('c');
        System.out.print(" bool ");
        System.out.print(true);
        System.out.print(" chars ");
        System.out.print(new char[] { 'a', 'b' });
        System.out.print(" obj ");
        System.out.print(new LibPrint());
        System.out.print(" null ");
        System.out.print((String) null);
        System.out.print((Object) null);
        System.out.println();
        System.out.println(7);
        System.out.println(-7L);
        System.out.println('x');
        System.out.println(false);
        System.out.println(new char[] { 'h', 'i' });
        System.out.println(new LibPrint());
        System.out.println((Object) null);
        System.out.println((String) null);
        System.out.println(Integer.valueOf(12));
        System.out.println("caf\u00e9 \u20ac \u00ff \u0100 \u07ff \u0800 \uffff \ud834\udd1e");
        System.out.println("lone \ud834 and \udd1e and pair at end \ud834\udd1e");
        System.out.print('\u00e9');
        System.out.print('\ud834');
        System.out.print('\udd1e');
        System.out.println();
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 300; i++)
            big.append((char) ('a' + i % 26)).append(i % 7 == 0 ? "\u00e9" : "").append(i % 50 == 0 ? "\ud834\udd1e" : "");
        System.out.println(big);
        System.out.write('A');
        System.out.write('\n');
        byte[] raw = { 'r', 'a', 'w', (byte) 0xc3, (byte) 0xa9, '\n' };
        System.out.write(raw, 0, raw.length);
        System.out.write(raw, 1, 2);
        try {
            System.out.write(raw, 4, 5);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e);
        }
        System.out.println();
        System.err.println("to stderr \u00e9");
        System.err.print(1);
        System.err.print(' ');
        System.err.println(2L);
        System.out.flush();
        System.err.flush();
        System.out.append("appended ").append('!').append("\n");
        System.out.print("the end, no newline");
    }
}
