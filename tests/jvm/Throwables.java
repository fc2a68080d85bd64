// Throwable: getMessage, toString (with and without a message), getCause, initCause, a message
// built from the cause, getLocalizedMessage, printStackTrace going to stderr (not compared),
// custom toString and getMessage overrides, the standard hierarchy.
public class Throwables {
    static class Custom extends Exception {
        Custom(String m) { super(m); }
        public String getMessage() { return "custom<" + super.getMessage() + ">"; }
    }
    static class Quiet extends RuntimeException {
        public String toString() { return "Quiet!"; }
    }

    public static void main(String[] args) {
        Throwable plain = new Throwable();
        Exception msg = new Exception("with message");
        RuntimeException caused = new RuntimeException("outer", new IllegalStateException("inner"));
        Error fromCause = new Error(new ArithmeticException("root"));
        Throwable[] ts = {plain, msg, caused, fromCause, new Custom("c"), new Quiet(), new IllegalArgumentException((String) null)};
        for (Throwable t : ts) {
            System.out.println(t + " | " + t.getMessage() + " | " + t.getLocalizedMessage() + " | " + t.getCause());
        }
        Exception late = new Exception("late");
        late.initCause(new NullPointerException());
        System.out.println(late.getCause() instanceof NullPointerException);
        try {
            late.initCause(new Error());
        } catch (IllegalStateException e) {
            System.out.println("initCause twice: IllegalStateException");
        }
        Throwable chain = new Exception("a", new Exception("b", new Exception("c")));
        StringBuilder sb = new StringBuilder();
        for (Throwable t = chain; t != null; t = t.getCause()) sb.append(t.getMessage());
        System.out.println(sb);
        msg.printStackTrace();
        caused.printStackTrace();
        Object[] kinds = {new ArithmeticException(), new ArrayIndexOutOfBoundsException(), new NegativeArraySizeException(), new ClassCastException(),
                          new ArrayStoreException(), new NullPointerException(), new StackOverflowError(), new OutOfMemoryError(),
                          new NumberFormatException(), new StringIndexOutOfBoundsException(), new UnsupportedOperationException(), new IllegalStateException()};
        for (Object k : kinds) {
            System.out.print((k instanceof RuntimeException ? "R" : "") + (k instanceof Exception ? "E" : "") + (k instanceof Error ? "e" : "")
                    + (k instanceof IndexOutOfBoundsException ? "I" : "") + (k instanceof IllegalArgumentException ? "A" : "")
                    + (k instanceof VirtualMachineError ? "V" : "") + " ");
        }
        System.out.println();
        System.out.println(new ArrayIndexOutOfBoundsException(4) + " | " + new StringIndexOutOfBoundsException("custom"));
    }
}
