// virtual dispatch: overriding, super calls through several levels, abstract classes, field
// hiding, static methods (no dispatch), constructors chaining, a virtual call from a superclass
// constructor seeing the subclass's field before its initialiser ran, protected and final.
public class Inheritance {
    static abstract class Shape {
        String name = "shape";
        Shape() { System.out.println("Shape() sees " + describe()); }
        abstract int area();
        String describe() { return name + " area " + area(); }
        static String kind() { return "Shape.kind"; }
        final String tag() { return "[" + describe() + "]"; }
    }
    static class Rect extends Shape {
        String name = "rect";
        int w = 2, h = 3;
        Rect() { super(); System.out.println("Rect() " + w + "x" + h); }
        Rect(int w, int h) { this(); this.w = w; this.h = h; }
        int area() { return w * h; }
        String describe() { return "Rect(" + super.describe() + ", " + name + ")"; }
        static String kind() { return "Rect.kind"; }
    }
    static class Square extends Rect {
        Square(int s) { super(s, s); }
        String describe() { return "Square<" + super.describe() + ">"; }
        int area() { return super.area() + 0; }
    }
    static class Counter {
        protected int n;
        void inc() { n++; }
        int get() { return n; }
    }
    static class Double extends Counter {
        void inc() { super.inc(); super.inc(); }
    }
    static class Triple extends Double {
        void inc() { super.inc(); n++; }
    }

    public static void main(String[] args) {
        Shape s = new Square(4);
        System.out.println(s.describe());
        System.out.println(s.tag());
        System.out.println(s.name + " " + ((Rect) s).name + " " + s.area());
        System.out.println(Shape.kind() + " " + Rect.kind());
        Shape r = new Rect(5, 7);
        System.out.println(r.describe());
        Counter[] cs = {new Counter(), new Double(), new Triple()};
        for (int i = 0; i < 10; i++) for (Counter c : cs) c.inc();
        for (Counter c : cs) System.out.println(c.get());
        Shape anon = new Shape() {
            int area() { return 11; }
        };
        System.out.println(anon.describe());
        Object o = new Rect(1, 1);
        System.out.println(o.equals(o) + " " + o.equals(new Rect(1, 1)));
    }
}
