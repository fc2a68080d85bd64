// Class initialization as JVMS 5.5 says: superclass first, triggered by new, a static call, a
// static field read or write (not by a constant), once; a <clinit> that reads a class being
// initialized sees its defaults; a <clinit> that throws gives ExceptionInInitializerError
// (an Error passes unwrapped), and later uses NoClassDefFoundError, also for a subclass.
public class InterpClinit {
    static StringBuilder log = new StringBuilder();

    static class Base { static int b = note("Base", 1); static int note(String s, int v) { log.append(s).append(' '); return v; } }
    static class Mid extends Base { static int m = note("Mid", b + 1); }
    static class Leaf extends Mid { static int l = note("Leaf", m + 1); static void hello() { note("hello", 0); } }
    static class ByField { static int f = Base.note("ByField", 5); static final int CONST = 77; }
    static class ByPut { static int p; static { Base.note("ByPut", 0); } }
    static class Cyc1 { static int x = Cyc2.y + 1; }
    static class Cyc2 { static int y = Cyc1.x + 10; }
    static class Bad { static int v = 1 / zero(); static int zero() { return 0; } static void use() { } }
    static class BadChild extends Bad { static int w = 3; }
    static class BadError { static { if (log != null) throw new AssertionError("deliberate"); } static int v; }

    public static void main(String[] args) {
        System.out.println(ByField.CONST + " " + log);
        new Leaf();
        System.out.println(log);
        Leaf.hello();
        System.out.println(ByField.f + " " + log);
        ByPut.p = 3;
        System.out.println(ByPut.p + " " + log);
        System.out.println(Cyc1.x + " " + Cyc2.y);
        for (int i = 0; i < 2; i++) {
            try {
                Bad.use();
            } catch (Throwable t) {
                System.out.println(t.getClass().getName() + " " + t.getMessage() + (i == 0 ? " cause " + t.getCause() : ""));
            }
        }
        try {
            System.out.println(BadChild.w);
        } catch (Throwable t) {
            System.out.println(t.getClass().getName() + " " + t.getMessage());
        }
        try {
            BadError.v = 1;
        } catch (Throwable t) {
            System.out.println(t.getClass().getName() + " " + t.getMessage());
        }
    }
}
