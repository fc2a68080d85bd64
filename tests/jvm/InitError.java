// a <clinit> that throws: the first use gives ExceptionInInitializerError with the exception as
// its cause; the class is then erroneous and every later use gives NoClassDefFoundError.
public class InitError {
    static int fuse = 0;

    static class Bad {
        static int value = explode();
        static int explode() {
            if (fuse == 0) throw new IllegalStateException("boom");
            return 1;
        }
        static void hello() { System.out.println("hello from Bad"); }
    }

    static class Sub extends Bad {
        static { System.out.println("Sub.<clinit> runs?"); }
    }

    static class Wraps {
        static { if (fuse == 0) throw new ExceptionInInitializerError("direct"); }
        static int x = 1;
    }

    static class Good {
        static int value = 5;
        static { System.out.println("Good.<clinit>"); }
    }

    public static void main(String[] args) {
        try {
            System.out.println(Bad.value);
        } catch (ExceptionInInitializerError e) {
            System.out.println("first: ExceptionInInitializerError, message " + e.getMessage());
            System.out.println("cause: " + e.getCause());
        }
        fuse = 1;
        try {
            Bad.hello();
        } catch (NoClassDefFoundError e) {
            System.out.println("second: NoClassDefFoundError " + e.getMessage());
        }
        try {
            new Sub();
        } catch (NoClassDefFoundError e) {
            System.out.println("subclass: NoClassDefFoundError");
        }
        fuse = 0;
        try {
            System.out.println(Wraps.x);
        } catch (ExceptionInInitializerError e) {
            System.out.println("direct: " + e.getMessage() + " cause " + e.getCause());
        }
        try {
            System.out.println(Wraps.x);
        } catch (Error e) {
            System.out.println("again: " + (e instanceof NoClassDefFoundError));
        }
        System.out.println(Good.value);
        System.out.println("done");
    }
}
