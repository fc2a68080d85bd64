// an uncaught custom exception with a message: java prints "Exception in thread "main"
// BadThing: the widget broke" and the stack on stderr and exits with status 1; what was printed
// before stays on stdout.
class BadThing extends RuntimeException {
    BadThing(String m) { super(m); }
}

public class UncaughtCustom {
    static void fail(int depth) {
        if (depth == 0) throw new BadThing("the widget broke");
        fail(depth - 1);
    }

    public static void main(String[] args) {
        System.out.println("before");
        System.out.print("no newline yet");
        fail(3);
        System.out.println("not reached");
    }
}
