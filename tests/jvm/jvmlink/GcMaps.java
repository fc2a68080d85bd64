// GcMaps.java -- small methods whose GC maps test-jvmlink checks (tests/jvm/run_jvmlink_tests.py).
// Each //@gc line: METHOD, the instruction (a callee "Class.name" or a quick mnemonic), which
// occurrence of it in the method (0 first), then the frame before it, derived by hand from the
// source and javac's numbering of locals (arguments first, then declarations in order, a slot
// reused once its variable's scope has ended): the operand stack depth in slots and exactly
// which locals (Ln) and stack slots (Sn, 0 the bottom) hold references.
public class GcMaps {
    static int id(int x) {
        return x;
    }

    static long idl(long x) {
        return x;
    }

    static Object ido(Object o) {
        return o;
    }

    // a reference kept in a local across a call: o is L0 (ref), n is L1 (int), k is L2
    //@gc keep GcMaps.id 0 depth=1 refs=L0
    //@gc keep GcMaps.ido 0 depth=1 refs=L0,S0
    static Object keep(Object o, int n) {
        int k = id(n);
        return ido(o) == null ? null : o;
    }

    // a long takes two int-like slots: a is L0-L1, b (ref) L2, c L3-L4
    //@gc lng GcMaps.idl 0 depth=2 refs=L2
    //@gc lng GcMaps.id 0 depth=3 refs=L2
    //@gc lng GcMaps.ido 0 depth=1 refs=L2,S0
    static long lng(long a, Object b) {
        long c = idl(a);
        c += id(2);
        ido(b);
        return c;
    }

    // a slot that holds a reference on one path and an int on the other is no root after the
    // join: f is L0; o (first branch) and i (second) share L1
    //@gc conflict GcMaps.ido 0 depth=1 refs=L1,S0
    //@gc conflict GcMaps.id 0 depth=1 refs=
    //@gc conflict GcMaps.id 1 depth=1 refs=
    static int conflict(boolean f) {
        if (f) {
            Object o = new Object();
            ido(o);
        } else {
            int i = 5;
            id(i);
        }
        return id(3);
    }

    // an object new has made, before and after its <init>: the stack holds it twice (new, dup)
    //@gc fresh new_q 0 depth=0 refs=
    //@gc fresh java.lang.Object.<init> 0 depth=2 refs=S0,S1
    //@gc fresh GcMaps.ido 0 depth=1 refs=L0,S0
    static Object fresh() {
        Object x = new Object();
        return ido(x);
    }

    // an exception handler's entry: the caught exception on the stack; the locals of the try
    // range (s is L0, a ref; t is L1, an int set inside the range)
    //@gc handler GcMaps.ido 0 depth=1 refs=L0,S0
    //@gc handler GcMaps.ido 1 depth=1 refs=L0,L1,S0
    static Object handler(Object s) {
        try {
            int t = 1;
            ido(s);
        } catch (RuntimeException e) {
            ido(e);
        }
        return s;
    }

    public static void main(String[] args) {
        keep(args, 1);
        lng(1L, args);
        conflict(args.length == 0);
        fresh();
        handler(args);
    }
}
