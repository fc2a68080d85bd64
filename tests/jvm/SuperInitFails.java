// A superclass whose static initializer fails: every subclass whose initialization waited for it
// fails too and is marked erroneous (JVMS 5.5 step 7), with or without a <clinit> of its own,
// while a subclass initialized from inside the failing initializer (a recursive request) has
// completed and stays usable.
public class SuperInitFails {
    static class A {
        static int a = compute();
        static int compute() { if (a == 0) throw new IllegalStateException("A fails"); return 1; }
        static void hello() { System.out.println("A.hello"); }
    }
    static class C extends A {           // no <clinit> of its own
        static void hi() { System.out.println("C.hi"); }
    }
    static class D extends A {
        static int d = 5;
        static void hi() { System.out.println("D.hi " + d); }
    }
    static class E extends C {           // two levels, neither with a <clinit>
        static void hi() { System.out.println("E.hi"); }
    }
    static class R {
        static int r = start();
        static int start() {
            S.hi();                      // S's superclass R is being initialized: S completes
            throw new RuntimeException("R fails");
        }
    }
    static class S extends R {           // no <clinit> of its own
        static void hi() { System.out.println("S.hi"); }
    }
    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) {
            try { E.hi(); } catch (Throwable t) { System.out.println("E: " + t); }
            try { C.hi(); } catch (Throwable t) { System.out.println("C: " + t); }
            try { D.hi(); } catch (Throwable t) { System.out.println("D: " + t); }
            try { A.hello(); } catch (Throwable t) { System.out.println("A: " + t); }
            try { new C(); System.out.println("new C ok"); } catch (Throwable t) { System.out.println("new C: " + t); }
        }
        try { R.start(); } catch (Throwable t) { System.out.println("R: " + t + ", cause " + t.getCause()); }
        try { S.hi(); } catch (Throwable t) { System.out.println("S: " + t); }
        try { new S(); System.out.println("new S ok"); } catch (Throwable t) { System.out.println("new S: " + t); }
    }
}
