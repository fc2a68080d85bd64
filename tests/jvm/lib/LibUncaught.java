// An exception that leaves main: java's report on standard error (`Exception in thread "main"`,
// the trace, "Caused by:" and "... n more") and exit status 1, after output already printed.
// EXIT: 1
// STDERR
public class LibUncaught {
    static int depth(int n) {
        if (n == 0)
            throw new IllegalStateException("bottom");
        return depth(n - 1) + 1;
    }

    static void middle() {
        try {
            depth(3);
        } catch (IllegalStateException e) {
            throw new RuntimeException("middle failed", e);
        }
    }

    public static void main(String[] args) {
        System.out.println("before");
        System.out.print("partial line");
        middle();
        System.out.println("not reached");
    }
}
