// refused: a lambda (invokedynamic to LambdaMetafactory)
//@refuse Lam.main([Ljava/lang/String;)V at 0 (Lam.java:5): invokedynamic: java/lang/invoke/LambdaMetafactory.metafactory: lambdas, method references and other dynamic call sites are not supported
public class Lam {
    public static void main(String[] args) {
        Runnable r = () -> System.exit(2);
        r.run();
    }
}
