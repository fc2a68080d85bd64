// System.exit(-1): a process's status is 8 bits, so the status seen is 255; called from a
// nested frame while an exception handler is active.
public class ExitNegative {
    static void leave(int depth) {
        if (depth == 0) System.exit(-1);
        try {
            leave(depth - 1);
        } catch (RuntimeException e) {
            System.out.println("not reached");
        }
    }

    public static void main(String[] args) {
        System.out.println("leaving");
        leave(5);
        System.out.println("not reached");
    }
}
