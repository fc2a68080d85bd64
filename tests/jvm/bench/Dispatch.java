// Dispatch.java -- two programs that differ only in four `a += b` per loop iteration (iload_1,
// iload_2, iadd, istore_1: 16 simple bytecodes), to measure what one simple bytecode costs on the
// chip: (cycles of Dispatch4 - cycles of Dispatch0) / (bytecodes of Dispatch4 - of Dispatch0),
// from `cms-sim --stats -cp DIR Dispatch0` and `... Dispatch4` (docs/bench.md, "The JVM guest").
// DispatchCall (below) does the same for a static call. Not a test (tests/jvm/run_jvm.py takes
// tests/jvm/*.java only).
class Dispatch0 {
    static int loop(int n) {
        int a = 0, b = 1;
        for (int i = 0; i < n; i++) {
            b ^= i;
        }
        return a + b;
    }

    public static void main(String[] args) {
        System.out.println(loop(20000) != 0 ? "done" : "zero");
    }
}

class Dispatch4 {
    static int loop(int n) {
        int a = 0, b = 1;
        for (int i = 0; i < n; i++) {
            b ^= i;
            a += b;
            a += b;
            a += b;
            a += b;
        }
        return a + b;
    }

    public static void main(String[] args) {
        System.out.println(loop(20000) != 0 ? "done" : "zero");
    }
}

// Dispatch0 plus four static calls per iteration (iload_1, invokestatic, iload_0, ireturn,
// istore_1: 20 bytecodes): (cycles of DispatchCall - of Dispatch0) / 80,000 calls is what a
// static call and its return cost with their four simple bytecodes.
class DispatchCall {
    static int id(int x) {
        return x;
    }

    static int loop(int n) {
        int a = 0, b = 1;
        for (int i = 0; i < n; i++) {
            b ^= i;
            a = id(a);
            a = id(a);
            a = id(a);
            a = id(a);
        }
        return a + b;
    }

    public static void main(String[] args) {
        System.out.println(loop(20000) != 0 ? "done" : "zero");
    }
}
