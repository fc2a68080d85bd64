// interfaces: invokeinterface through several implementations and inheritance paths, default
// methods (inherited, overridden, called with I.super.m()), static interface methods, an
// abstract class implementing an interface partly, constants.
public class Interfaces {
    interface Greeter {
        String PREFIX = "Hi ";
        String name();
        default String greet() { return PREFIX + name() + suffix(); }
        default String suffix() { return "!"; }
        static String shout(Greeter g) { return g.greet().toUpperCase(); }
    }
    interface Polite extends Greeter {
        default String suffix() { return ", please."; }
    }
    interface Loud {
        default String suffix() { return "!!!"; }
    }
    static class Bob implements Greeter {
        public String name() { return "Bob"; }
    }
    static class Ann implements Polite {
        public String name() { return "Ann"; }
    }
    static class Max implements Polite, Loud {
        public String name() { return "Max"; }
        public String suffix() { return Polite.super.suffix() + Loud.super.suffix(); }
    }
    static abstract class Base implements Greeter {
        public String greet() { return "Base says " + Greeter.super.greet(); }
    }
    static class Zed extends Base {
        public String name() { return "Zed"; }
    }
    interface Counter { int next(); }
    static class Up implements Counter { int n; public int next() { return ++n; } }
    static class Down implements Counter { int n = 100; public int next() { return n -= 3; } }
    interface Visitor { int visitLeaf(int v); int visitNode(Tree l, Tree r); }
    interface Tree { int accept(Visitor v); }
    static class Leaf implements Tree {
        final int v; Leaf(int v) { this.v = v; }
        public int accept(Visitor vis) { return vis.visitLeaf(v); }
    }
    static class Node implements Tree {
        final Tree l, r; Node(Tree l, Tree r) { this.l = l; this.r = r; }
        public int accept(Visitor vis) { return vis.visitNode(l, r); }
    }
    static class Sum implements Visitor {
        public int visitLeaf(int v) { return v; }
        public int visitNode(Tree l, Tree r) { return l.accept(this) + r.accept(this); }
    }
    static class Depth implements Visitor {
        public int visitLeaf(int v) { return 1; }
        public int visitNode(Tree l, Tree r) { return 1 + Math.max(l.accept(this), r.accept(this)); }
    }

    public static void main(String[] args) {
        Greeter[] gs = {new Bob(), new Ann(), new Max(), new Zed()};
        for (Greeter g : gs) System.out.println(g.greet() + " | " + Greeter.shout(g));
        Counter[] cs = {new Up(), new Down()};
        int total = 0;
        for (int i = 0; i < 50; i++) for (Counter c : cs) total += c.next();
        System.out.println(total);
        Tree t = new Node(new Node(new Leaf(1), new Leaf(2)), new Node(new Leaf(3), new Node(new Leaf(4), new Leaf(5))));
        System.out.println(t.accept(new Sum()) + " " + t.accept(new Depth()));
        Comparable<String> cmp = "abc";
        System.out.println(cmp.compareTo("abd") + " " + Greeter.PREFIX.length());
        CharSequence cseq = new StringBuilder("builder");
        System.out.println(cseq.length() + " " + cseq.charAt(2));
    }
}
