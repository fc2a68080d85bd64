// a lambda compiles to an invokedynamic with LambdaMetafactory, which the VM does not support:
// the program must be refused before it runs (exit status 3), naming the class and method.
// expect: refused LambdaRefused.main
public class LambdaRefused {
    interface IntOp { int apply(int x); }

    public static void main(String[] args) {
        System.out.println("a refused program prints nothing");
        IntOp twice = x -> x * 2;
        System.out.println(twice.apply(21));
    }
}
