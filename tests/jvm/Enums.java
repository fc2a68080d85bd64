// enums: name, ordinal, values, valueOf, compareTo, fields and constructors, constant-specific
// bodies (anonymous subclasses), and switch on an enum (javac's $SwitchMap$ class).
public class Enums {
    enum Color { RED, GREEN, BLUE }

    enum Planet {
        MERCURY(3303, 2439), VENUS(48690, 6052), EARTH(59760, 6378);
        final int mass, radius;
        Planet(int mass, int radius) { this.mass = mass; this.radius = radius; }
        int density() { return mass * 1000 / (radius / 10); }
    }

    enum Op {
        ADD("+") { int apply(int a, int b) { return a + b; } },
        SUB("-") { int apply(int a, int b) { return a - b; } },
        MUL("*") { int apply(int a, int b) { return a * b; } };
        final String sym;
        Op(String sym) { this.sym = sym; }
        abstract int apply(int a, int b);
        public String toString() { return "Op" + sym; }
    }

    static String describe(Color c) {
        switch (c) {
            case RED: return "warm";
            case BLUE: return "cold";
            default: return "neutral";
        }
    }

    static int code(Op op) {
        switch (op) {
            case MUL: return 3;
            case ADD: return 1;
            default: return 2;
        }
    }

    public static void main(String[] args) {
        for (Color c : Color.values()) {
            System.out.println(c.name() + " " + c.ordinal() + " " + c + " " + describe(c)
                    + " " + c.compareTo(Color.GREEN) + " " + (c == Color.valueOf(c.name())));
        }
        Color[] a = Color.values(), b = Color.values();
        System.out.println((a != b) + " " + a.length + " " + (a[0] == b[0]));
        a[0] = Color.BLUE;
        System.out.println(Color.values()[0]);
        for (Planet p : Planet.values()) System.out.println(p + " " + p.mass + " " + p.density());
        for (Op op : Op.values()) {
            System.out.println(op.name() + " " + op + " " + op.apply(7, 5) + " " + code(op) + " " + op.ordinal());
        }
        System.out.println(Op.valueOf("SUB").apply(1, 2));
        try {
            Color.valueOf("PURPLE");
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException");
        }
        Color n = null;
        try {
            describe(n);
        } catch (NullPointerException e) {
            System.out.println("NullPointerException");
        }
        System.out.println(Color.RED.equals(Color.RED) + " " + Color.RED.equals(Color.GREEN)
                + " " + (Color.RED.hashCode() == Color.RED.hashCode()));
    }
}
