// inner classes (this$0), inner of inner, nested static classes, local classes capturing
// locals, anonymous classes capturing locals and the outer instance, private members reached
// across nestmates (javac 11+: nestmates and invokevirtual; --release 8: access$ methods).
public class InnerClasses {
    private int secret = 7;
    private static int counter;
    private String name;

    InnerClasses(String name) { this.name = name; }

    private int bump() { return ++secret; }
    private static int nextId() { return ++counter; }

    class Inner {
        int id = nextId();
        int peek() { return secret + id; }
        class Deeper {
            String where() { return name + "/" + id + "/" + bump(); }
        }
    }

    static class Nested {
        private int hidden = 40;
        int plus(InnerClasses o) { return hidden + o.secret; }
    }

    interface Action { int run(int x); }

    Action adder(final int k) {
        int local = k * 2;
        class Local implements Action {
            public int run(int x) { return x + local + secret; }
        }
        return new Local();
    }

    Action anon(int k) {
        return new Action() {
            int calls;
            public int run(int x) { calls++; return x * k + calls + bump(); }
        };
    }

    public static void main(String[] args) {
        InnerClasses a = new InnerClasses("a"), b = new InnerClasses("b");
        InnerClasses.Inner ai = a.new Inner();
        InnerClasses.Inner bi = b.new Inner();
        System.out.println(ai.peek() + " " + bi.peek());
        InnerClasses.Inner.Deeper d = ai.new Deeper();
        System.out.println(d.where() + " " + d.where() + " " + a.secret + " " + b.secret);
        Nested n = new Nested();
        System.out.println(n.plus(a) + " " + n.hidden);
        Action l = a.adder(5);
        System.out.println(l.run(1) + " " + l.run(2));
        Action an = b.anon(3);
        System.out.println(an.run(1) + " " + an.run(1) + " " + b.secret);
        Action[] acts = new Action[4];
        for (int i = 0; i < acts.length; i++) {
            final int j = i;
            acts[i] = new Action() { public int run(int x) { return x * j; } };
        }
        int s = 0;
        for (Action act : acts) s += act.run(10);
        System.out.println(s + " " + counter);
        Object o = new Object() {
            public String toString() { return "anonymous toString"; }
        };
        System.out.println(o);
    }
}
