// Hello.java -- the JVM guest's demo (make run GUEST=tests/jvm/Hello.java): a little of
// everything the VM does, in a program short enough to simulate in a few seconds.
public class Hello {
    interface Shape {
        long area();
        default String describe() { return name() + " of area " + area(); }
        String name();
    }

    static final class Rect implements Shape {
        private final int w, h;
        Rect(int w, int h) { this.w = w; this.h = h; }
        public long area() { return (long) w * h; }
        public String name() { return "rect " + w + "x" + h; }
    }

    static final class Square implements Shape {
        private final int side;
        Square(int side) { this.side = side; }
        public long area() { return (long) side * side; }
        public String name() { return "square " + side; }
    }

    static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

    public static void main(String[] args) {
        System.out.println("Hello from the co-designed VM!");
        Shape[] shapes = { new Rect(3, 4), new Square(5), new Rect(100000, 100000) };
        long total = 0;
        for (Shape s : shapes) {
            System.out.println(s.describe());
            total += s.area();
        }
        System.out.println("total area " + total);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 15; i++)
            sb.append(fib(i)).append(i < 14 ? "," : "\n");
        System.out.print(sb);
        int[] counts = new int[10];
        for (int i = 0; i < 1000; i++)
            counts[(i * 7 + 3) % 10]++;
        System.out.println("counts[3] = " + counts[3] + ", hash of \"Baby\" = " + "Baby".hashCode());
        try {
            System.out.println(counts[10]);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("caught " + e.getMessage());
        }
    }
}
