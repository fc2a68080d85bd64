// unbounded recursion ends in StackOverflowError, caught and reported; afterwards the stack is
// usable again (a second overflow, then ordinary deep-ish recursion), and finally blocks on
// the way out ran.
public class StackOverflow {
    static int depth;
    static int unwound;

    static int down(int n) {
        depth++;
        return down(n + 1) + 1;
    }

    static long wide(long a, long b, long c, int n) {
        depth++;
        try {
            return wide(a + 1, b + 2, c + 3, n + 1) + a;
        } finally {
            unwound++;
        }
    }

    static int sum(int n) { return n == 0 ? 0 : n + sum(n - 1); }

    public static void main(String[] args) {
        try {
            down(0);
            System.out.println("not reached");
        } catch (StackOverflowError e) {
            System.out.println("caught StackOverflowError, deeper than 500: " + (depth > 500));
        }
        int first = depth;
        depth = 0;
        try {
            wide(0, 0, 0, 0);
        } catch (StackOverflowError e) {
            System.out.println("again: " + (e instanceof VirtualMachineError) + " " + (e instanceof Error)
                    + ", every finally ran: " + (unwound == depth));
        }
        System.out.println(first > 0 && depth > 0);
        System.out.println(sum(300));
        try {
            down(0);
        } catch (Throwable t) {
            System.out.println("third: " + t.getClass().getName());
        }
    }
}
