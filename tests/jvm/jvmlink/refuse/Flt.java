// refused: a float field, reached through main
//@refuse Flt.main([Ljava/lang/String;)V at 3 (Flt.java:7): fconst_0: float is not supported
public class Flt {
    static float f;

    public static void main(String[] args) {
        if (f > 0) {
            System.exit(1);
        }
    }
}
