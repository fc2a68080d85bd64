// class initialisation (JVMS 5.5): on first active use only, superclass before subclass,
// compile-time constants never trigger it, interfaces not initialised by their implementors,
// static fields in textual order, a class initialised once.
public class StaticInit {
    static StringBuilder log = new StringBuilder();
    static void log(String s) { log.append(s).append(' '); }

    static class A {
        static final int CONST = 42;
        static final String SCONST = "const";
        static int a = init("A.a");
        static { log("A.<clinit>"); }
        static int init(String s) { log(s); return 1; }
        static void touch() { log("A.touch"); }
    }
    static class B extends A {
        static int b = init("B.b");
        static { log("B.<clinit>"); }
        static int sb = 5;
    }
    static class C extends B {
        static { log("C.<clinit>"); }
        C() { log("C()"); }
    }
    interface I {
        int ICONST = 7;
        int IFIELD = StaticInit.side("I.IFIELD");
    }
    static class Impl implements I {
        static { log("Impl.<clinit>"); }
    }
    static class Order {
        static int x = 1;
        static int y = x + 1;
        static { x = 10; }
        static int z = x + y;
    }
    static class Holder {
        static { log("Holder.<clinit>"); }
        static int value = 3;
    }
    static class Arr {
        static { log("Arr.<clinit>"); }
    }

    static int side(String s) { log(s); return 99; }

    public static void main(String[] args) {
        log("main");
        int c = A.CONST;
        String sc = A.SCONST;
        log("constants:" + c + "," + sc);
        Arr[] arr = new Arr[3];
        log("array:" + arr.length);
        log("B.b-read");
        int v = B.sb;
        log("got:" + v);
        new C();
        new C();
        A.touch();
        log("I.ICONST:" + I.ICONST);
        new Impl();
        log("I.IFIELD:" + I.IFIELD);
        log("Order:" + Order.x + "," + Order.y + "," + Order.z);
        Holder.value++;
        log("Holder:" + Holder.value);
        System.out.println(log.toString().trim().replace(' ', '\n'));
    }
}
