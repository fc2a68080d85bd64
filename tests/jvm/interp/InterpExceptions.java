// Exception tables and unwinding: handlers chosen by class and by range, the operand stack
// emptied at a handler, rethrow from catch and finally, exceptions from the VM (arithmetic,
// bounds, null, cast, array store, negative size) caught in a caller several frames up,
// nested handlers in loops, a finally that returns, and the order of handler entries.
public class InterpExceptions {
    static class MyEx extends RuntimeException { int code; MyEx(int c) { super("my " + c); code = c; } }

    static int vmThrow(int kind, int[] a, Object o) {
        switch (kind) {
            case 0: return 1 / (kind - kind);
            case 1: return a[a.length];
            case 2: return ((int[]) null).length;
            case 3: return ((String) o).length();
            case 4: { Object[] s = new String[1]; s[0] = o; return 0; }
            case 5: return new int[kind - 10].length;
            case 6: throw new MyEx(kind);
            case 7: return (int) (5L % (long) (kind - 7));
            default: return kind;
        }
    }

    static int middle(int kind) {
        int[] a = new int[3];
        // values on the operand stack when the callee throws
        return 100 + a.length * vmThrow(kind, a, Integer.valueOf(kind));
    }

    @SuppressWarnings("finally")
    static int finallyReturns() {
        try { throw new MyEx(1); } finally { return 42; }
    }

    static String rethrow(int k) {
        try {
            try {
                middle(k);
                return "none";
            } catch (ArithmeticException e) {
                throw new MyEx(100 + k);
            } finally {
                System.out.print("[f" + k + "]");
            }
        } catch (MyEx e) {
            return "MyEx " + e.code + " " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    public static void main(String[] args) {
        for (int k = 0; k <= 8; k++) System.out.println(k + " " + rethrow(k));
        System.out.println(finallyReturns());
        int caught = 0;
        for (int i = 0; i < 50; i++) {
            try {
                for (int j = 0; j < 50; j++) {
                    try {
                        if ((i * j) % 7 == 3) throw new MyEx(j);
                        if ((i + j) % 11 == 0) vmThrow(i % 6, new int[1], "x");
                    } catch (MyEx e) {
                        caught += e.code;
                    }
                }
            } catch (RuntimeException e) {
                caught += 1000;
            }
        }
        System.out.println("caught " + caught);
        Throwable t = new Error("outer", new MyEx(9));
        System.out.println(t + " / " + t.getCause());
    }
}
