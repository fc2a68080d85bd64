// The class library's String.format and PrintStream.printf/format: %b %h %s %c %d %o %x %n %%
// with flags, width, precision and argument indices, and java's exceptions and messages for bad
// formats (nothing printed by a printf whose format is bad).
// FLAVOURS: 17
public class LibFormat {
    static void f(String fmt, Object... a) {
        try {
            System.out.println("[" + String.format(fmt, a) + "]");
        } catch (RuntimeException e) {
            System.out.println(fmt + " -> " + e);
        }
    }

    public static void main(String[] x) {
        f("%d|%5d|%-5d|%05d|%+d|% d|%,d|%(d|%x|%X|%o|%#x|%#o", 42, 42, 42, 42, 42, 42, 1234567, -42, -1, 255, 8, 255, 8);
        f("%d %d %d %d", (byte) -1, (short) -1, -1L, Long.MIN_VALUE);
        f("%x %x %x %x", (byte) -1, (short) -1, -1L, -1);
        f("%s %S %10s %-10s| %.2s %b %B %c %C %%%n", "str", "str", "r", "l", "trunc", null, "x", 'c', 'c');
        f("%s %s", null, new int[0].length);
        f("%c", 0x1d11e);
        f("%2$s %1$s %<s", "a", "b");
        f("%q", 1);
        f("%d", "s");
        f("%s %s", "one");
        f("%c", "s");
        f("%.2d", 1);
        f("%-d", 1);
        f("%05s", "a");
        f("%h %h", "hi", null);
        f("%,d %,d %,d", -1234567, 12, Long.MAX_VALUE);
        f("%010d %-+8d|%+08d %(05d", -42, 7, -7, -7);
        f("%b %b %b", true, false, 0);
        f("%3c|%-3c|", 'a', 'b');
        f("%x %o", 0L, (byte) 8);
        f("%e", 1);
        f("%", 1);
        f("%5", 1);
        f("abc");
        f("%s", (Object) null);
        f("%0d", 1);
        f("%#s", "a");
        f("%,x", 1);
        f("%+x", 1);
        f("%+s", "a");
        f("%-5%|");
        f("%n%5n");
        f("%3$s", "a");
        f("%<s", "a");
        f("%0$s", "a");
        f("%(x", 1);
        f("% +d", 1);
        f("%-05d", 1);
        f("%c", -1);
        f("%c", (byte) 65);
        f("%d", 'c');
        f("%d", true);
        f("%S %S", null, true);
        f("%.0s|%.3S", "abc", "abcdef");
        f("%-8b|%8B|", true, false);
        f("%s", (Object[]) null);
        f("%5s|%-6S|%.1s", "ab", "cd", "ef");
        f("%08X %#X %#o %o", 0xbeef, 255, 0, -8);
        f("%d %d", Integer.MIN_VALUE, Long.MIN_VALUE);
        f("%,015d|%,(d", -1234567, -1234567);
        f("%1$d %1$x %1$o %<s", 4096);
        f("%s %s %<s %s", "a", "b", "c");
        f("%e", (Object) null);
        System.out.printf("%d-%s%n", 1, "two");
        System.out.format("%x%n", 255).println("chained");
        try {
            System.out.printf("ok so far %q", 1);
        } catch (RuntimeException e) {
            System.out.println(e);
        }
        System.out.println("formatted %d".formatted(5));
    }
}
