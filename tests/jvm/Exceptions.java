// exceptions across frames: finally on every way out (normal, exception, return, break,
// continue), return in finally replacing a return or an exception, nested try, rethrow, catch
// by superclass, multi-catch, custom exception classes, an exception thrown in a catch block.
public class Exceptions {
    static class AppException extends Exception {
        final int code;
        AppException(String m, int code) { super(m); this.code = code; }
    }
    static class NotFound extends AppException {
        NotFound(String what) { super("not found: " + what, 404); }
    }
    static class Denied extends AppException {
        Denied() { super("denied", 403); }
    }

    static StringBuilder trace = new StringBuilder();

    static void level3(int mode) throws AppException {
        trace.append("3");
        try {
            if (mode == 1) throw new NotFound("x");
            if (mode == 2) throw new Denied();
            if (mode == 3) throw new IllegalArgumentException("bad mode");
            if (mode == 4) { int[] a = new int[1]; a[mode] = 1; }
        } finally {
            trace.append("f3");
        }
        trace.append("r3");
    }

    static void level2(int mode) throws AppException {
        try {
            level3(mode);
        } catch (NotFound e) {
            trace.append("c2");
            throw e;
        } finally {
            trace.append("f2");
        }
    }

    static String level1(int mode) {
        trace.setLength(0);
        try {
            level2(mode);
            return "ok " + trace;
        } catch (AppException e) {
            return "AppException " + e.code + " " + e.getMessage() + " " + trace;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return "multi " + e.getMessage() + " " + trace;
        }
    }

    @SuppressWarnings("finally")
    static int returnInFinally() {
        try {
            return 1;
        } finally {
            return 2;
        }
    }

    @SuppressWarnings("finally")
    static String swallow() {
        try {
            throw new RuntimeException("lost");
        } finally {
            return "finally won";
        }
    }

    static int finallySeesValue() {
        int x = 10;
        try {
            return x;
        } finally {
            x = 20;
        }
    }

    static String loops() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            try {
                if (i == 1) continue;
                if (i == 3) break;
                sb.append(i);
            } finally {
                sb.append('f');
            }
        }
        return sb.toString();
    }

    static String nested() {
        StringBuilder sb = new StringBuilder();
        try {
            try {
                try {
                    throw new IllegalStateException("inner");
                } catch (IllegalStateException e) {
                    sb.append("c1:").append(e.getMessage()).append(' ');
                    throw new UnsupportedOperationException("from catch");
                } finally {
                    sb.append("f1 ");
                }
            } catch (IllegalStateException e) {
                sb.append("wrong ");
            } finally {
                sb.append("f2 ");
            }
        } catch (RuntimeException e) {
            sb.append("c3:").append(e.getMessage());
        }
        return sb.toString();
    }

    static int deep(int n) {
        if (n == 0) throw new ArithmeticException("bottom");
        try {
            return deep(n - 1) + 1;
        } finally {
            trace.append('.');
        }
    }

    public static void main(String[] args) {
        for (int m = 0; m <= 4; m++) System.out.println(m + ": " + level1(m));
        System.out.println(returnInFinally() + " " + swallow() + " " + finallySeesValue());
        System.out.println(loops());
        System.out.println(nested());
        trace.setLength(0);
        try {
            deep(50);
        } catch (ArithmeticException e) {
            System.out.println(e.getMessage() + " " + trace.length());
        }
        try {
            throw new Error("an error");
        } catch (Throwable t) {
            System.out.println("Throwable caught: " + t);
        }
        try {
            Object o = null;
            o.hashCode();
        } catch (Exception e) {
            System.out.println("caught by Exception: " + (e instanceof NullPointerException));
        }
        try {
            throw null;
        } catch (NullPointerException e) {
            System.out.println("throw null gives NullPointerException");
        }
        RuntimeException saved = new RuntimeException("saved");
        for (int i = 0; i < 2; i++) {
            try {
                throw saved;
            } catch (RuntimeException e) {
                System.out.println("same object: " + (e == saved));
            }
        }
    }
}
