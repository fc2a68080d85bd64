// System.exit(42): the exit status is 42; output printed before it is kept, and neither the
// rest of main nor the enclosing finally runs.
public class ExitFortyTwo {
    public static void main(String[] args) {
        System.out.println("exiting with 42");
        try {
            System.exit(42);
        } finally {
            System.out.println("finally must not run");
        }
        System.out.println("not reached");
    }
}
