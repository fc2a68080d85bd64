// System.exit(3): the exit status is 3; output printed before it is kept, and neither the
// rest of main nor the enclosing finally runs.
public class ExitThree {
    public static void main(String[] args) {
        System.out.println("exiting with 3");
        try {
            System.exit(3);
        } finally {
            System.out.println("finally must not run");
        }
        System.out.println("not reached");
    }
}
