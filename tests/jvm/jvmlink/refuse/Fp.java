// refused: the first operation on a double (the constant and the load before it only move it)
//@refuse Fp.twice()I at 8 (Fp.java:6): dmul: double is not supported
public class Fp {
    static int twice() {
        double d = 1.5;
        return (int) (d * 2);
    }

    public static void main(String[] args) {
        System.exit(twice());
    }
}
