// System.exit(0): the exit status is 0; output printed before it is kept, and neither the
// rest of main nor the enclosing finally runs.
public class ExitZero {
    public static void main(String[] args) {
        System.out.println("exiting with 0");
        try {
            System.exit(0);
        } finally {
            System.out.println("finally must not run");
        }
        System.out.println("not reached");
    }
}
