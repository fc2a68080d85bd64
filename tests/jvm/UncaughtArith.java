// an uncaught exception the VM itself throws: "Exception in thread "main"
// java.lang.ArithmeticException: / by zero", exit status 1.
public class UncaughtArith {
    static int ratio(int a, int b) { return a / b; }

    public static void main(String[] args) {
        int z = 0;
        for (int i = 3; i >= z; i--) System.out.println(ratio(12, i));
    }
}
