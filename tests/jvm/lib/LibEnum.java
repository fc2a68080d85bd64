// The class library's Enum: name, ordinal, toString, valueOf (the enum's own and Enum.valueOf)
// with java's messages, compareTo, equals, getDeclaringClass with constant bodies, values(),
// switch on an enum, getEnumConstants.
public class LibEnum {
    enum Color { RED, GREEN, BLUE }

    enum Op {
        PLUS("+") {
            int apply(int a, int b) { return a + b; }
        },
        TIMES("*") {
            int apply(int a, int b) { return a * b; }
            public String toString() { return "times"; }
        };

        final String sym;

        Op(String sym) {
            this.sym = sym;
        }

        abstract int apply(int a, int b);
    }

    static String describe(Color c) {
        switch (c) {
        case RED: return "warm";
        case BLUE: return "cold";
        default: return "neither";
        }
    }

    public static void main(String[] args) {
        for (Color c : Color.values())
            System.out.println(c + " " + c.name() + " " + c.ordinal() + " " + describe(c) + " " + c.compareTo(Color.GREEN)
                    + " " + c.equals(Color.RED) + " " + (c.hashCode() == c.hashCode()) + " " + c.getDeclaringClass().getName()
                    + " " + c.getClass().getName());
        for (Op o : Op.values())
            System.out.println(o + " " + o.name() + " " + o.sym + " " + o.apply(6, 7) + " " + o.getDeclaringClass().getName()
                    + " " + (o.getClass() == Op.class) + " " + o.compareTo(Op.TIMES));
        System.out.println(Color.valueOf("BLUE") + " " + Enum.valueOf(Color.class, "GREEN") + " " + Op.valueOf("TIMES").sym
                + " " + (Color.valueOf("RED") == Color.RED) + " " + (Color.values() != Color.values()));
        Color[] v = Color.values();
        v[0] = null;
        System.out.println(Color.values()[0]);
        String[] bad = { "red", "", "PURPLE" };
        for (String s : bad) {
            try {
                Color.valueOf(s);
            } catch (IllegalArgumentException e) {
                System.out.println(e);
            }
        }
        try {
            Op.valueOf("MINUS");
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
        try {
            Color.valueOf(null);
        } catch (NullPointerException e) {
            System.out.println(e);
        }
        System.out.println(Color.class.getEnumConstants().length + " " + Color.class.getEnumConstants()[2] + " "
                + (LibEnum.class.getEnumConstants() == null));
    }
}
