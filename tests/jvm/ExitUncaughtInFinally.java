// System.exit in a finally block that runs because of an exception: the exit wins, status 7,
// and nothing is printed on stderr for the lost exception.
public class ExitUncaughtInFinally {
    public static void main(String[] args) {
        try {
            System.out.println("throwing");
            throw new IllegalStateException("lost");
        } finally {
            System.out.println("finally exits");
            System.exit(7);
        }
    }
}
