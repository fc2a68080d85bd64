// linked: what is never reached may use anything (a double, a lambda, a missing class)
//@link
public class Reach {
    static double unused(double x) {
        Runnable r = () -> new java.util.ArrayList<String>();
        return x / 3;
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
