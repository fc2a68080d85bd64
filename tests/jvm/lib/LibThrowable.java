// The class library's Throwable: the constructors' message rule, getMessage, getCause,
// initCause and addSuppressed with java's messages, toString, getStackTrace, and
// printStackTrace's format (causes with "... n more", suppressed exceptions, a cause cycle),
// printed to System.out; every frame is this program's own.
// FLAVOURS: 17
// STDERR
public class LibThrowable {
    static class MyException extends Exception {
        final int code;

        MyException(String m, int code) {
            super(m);
            this.code = code;
        }

        public String getMessage() {
            return super.getMessage() + " (code " + code + ")";
        }
    }

    static class Quiet extends RuntimeException {
        Quiet() {
            super("quiet", null, false, false);
        }
    }

    static class Res implements AutoCloseable {
        final String name;

        Res(String name) {
            this.name = name;
        }

        public void close() {
            throw new IllegalStateException("close " + name);
        }
    }

    static void fail(int depth) {
        if (depth == 0)
            throw new IllegalStateException("deep");
        fail(depth - 1);
    }

    static void wrap() {
        try {
            fail(2);
        } catch (IllegalStateException e) {
            throw new RuntimeException("wrapped", e);
        }
    }

    static void withResources() throws Exception {
        try (Res a = new Res("a"); Res b = new Res("b")) {
            throw new Exception("body");
        }
    }

    public static void main(String[] args) {
        Throwable[] ts = { new Throwable(), new Exception("m"), new RuntimeException("m", new Error("c")),
                new Error(new ArithmeticException("x")), new RuntimeException((Throwable) null), new MyException("mine", 7),
                new IllegalArgumentException("ia", null), new UnsupportedOperationException(new Exception()),
                new ArrayIndexOutOfBoundsException(5), new StringIndexOutOfBoundsException(-2), new IndexOutOfBoundsException(9),
                new AssertionError(42), new AssertionError("text"), new AssertionError(new Exception("inner")), new AssertionError(true),
                new AssertionError('c'), new AssertionError(7L), new AssertionError((Object) null), new AssertionError("m", new Error()),
                new ExceptionInInitializerError(new RuntimeException("init")), new ExceptionInInitializerError("eiie"),
                new NumberFormatException("nf"), new NullPointerException(), new ClassCastException("cc"),
                new StackOverflowError(), new OutOfMemoryError("oom"), new NoClassDefFoundError("Foo"), new InterruptedException("i"),
                new CloneNotSupportedException(), new IllegalStateException("s", new Error()), new SecurityException("sec"),
                new InternalError("int"), new LinkageError("l", new Error()), new AbstractMethodError("am"), new NoSuchFieldError("nsf") };
        for (Throwable t : ts)
            System.out.println(t + " | " + t.getMessage() + " | " + t.getLocalizedMessage() + " | " + t.getCause());
        System.out.println(new ExceptionInInitializerError(new Error("e")).getException());
        Throwable e = new Exception("e");
        System.out.println(e.initCause(new Error("first")).getCause());
        try {
            e.initCause(null);
        } catch (IllegalStateException x) {
            System.out.println(x + " | " + (x.getCause() == e));
        }
        try {
            new Exception("a", null).initCause(new Error("z"));
        } catch (IllegalStateException x) {
            System.out.println(x);
        }
        Throwable self = new Exception();
        try {
            self.initCause(self);
        } catch (IllegalArgumentException x) {
            System.out.println(x + " | " + (x.getCause() == self));
        }
        try {
            self.addSuppressed(self);
        } catch (IllegalArgumentException x) {
            System.out.println(x);
        }
        try {
            self.addSuppressed(null);
        } catch (NullPointerException x) {
            System.out.println(x);
        }
        self.addSuppressed(new Error("s1"));
        self.addSuppressed(new Error("s2"));
        System.out.println(self.getSuppressed().length + " " + self.getSuppressed()[1] + " " + new Exception().getSuppressed().length);

        try {
            wrap();
        } catch (RuntimeException x) {
            StackTraceElement[] st = x.getStackTrace();
            System.out.println(st.length + " " + st[0].getClassName() + " " + st[0].getMethodName() + " " + st[0].getFileName()
                    + " " + st[0].getLineNumber() + " " + st[0].isNativeMethod() + " " + st[0] + " " + st[0].equals(st[0])
                    + " " + st[0].equals(st[1]));
            x.printStackTrace(System.out);
            x.printStackTrace();
        }
        try {
            withResources();
        } catch (Exception x) {
            System.out.println(x.getSuppressed().length + " " + x.getSuppressed()[0] + " " + x.getSuppressed()[1]);
            x.printStackTrace(System.out);
        }
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        b.printStackTrace(System.out);
        new Quiet().printStackTrace(System.out);
        System.out.println(new Quiet().getStackTrace().length);
        try {
            throw new MyException("thrown", 3);
        } catch (MyException x) {
            System.out.println(x + " " + x.code);
            x.printStackTrace(System.out);
        }
    }
}
