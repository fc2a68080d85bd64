// instanceof and checkcast: classes, interfaces (also inherited ones), arrays of classes, of
// interfaces, of primitives, multi-dimensional, null; ClassCastException.
public class TypeChecks {
    interface Shape { int area(); }
    interface Named { String name(); }
    interface Fancy extends Named { }
    static class Square implements Shape, Fancy {
        public int area() { return 4; }
        public String name() { return "square"; }
    }
    static class Big extends Square { }
    static class Plain { }

    static String t(Object o) {
        return (o instanceof Object ? "O" : "-") + (o instanceof Shape ? "S" : "-")
                + (o instanceof Named ? "N" : "-") + (o instanceof Fancy ? "F" : "-")
                + (o instanceof Square ? "Q" : "-") + (o instanceof Big ? "B" : "-")
                + (o instanceof Object[] ? "A" : "-") + (o instanceof String[] ? "s" : "-")
                + (o instanceof Shape[] ? "h" : "-") + (o instanceof Square[] ? "q" : "-")
                + (o instanceof int[] ? "i" : "-") + (o instanceof int[][] ? "I" : "-")
                + (o instanceof Object[][] ? "M" : "-") + (o instanceof long[] ? "l" : "-")
                + (o instanceof Cloneable ? "C" : "-") + (o instanceof Comparable ? "c" : "-")
                + (o instanceof CharSequence ? "x" : "-") + (o instanceof byte[] ? "y" : "-");
    }

    static String cast(Object o) {
        StringBuilder sb = new StringBuilder();
        try { Shape s = (Shape) o; sb.append(s == null ? "n" : "S"); } catch (ClassCastException e) { sb.append('.'); }
        try { Object[] s = (Object[]) o; sb.append(s == null ? "n" : "A"); } catch (ClassCastException e) { sb.append('.'); }
        try { String[] s = (String[]) o; sb.append(s == null ? "n" : "s"); } catch (ClassCastException e) { sb.append('.'); }
        try { int[] s = (int[]) o; sb.append(s == null ? "n" : "i"); } catch (ClassCastException e) { sb.append('.'); }
        try { Named[][] s = (Named[][]) o; sb.append(s == null ? "n" : "N"); } catch (ClassCastException e) { sb.append('.'); }
        try { String s = (String) o; sb.append(s == null ? "n" : "t"); } catch (ClassCastException e) { sb.append('.'); }
        return sb.toString();
    }

    public static void main(String[] args) {
        Object[] objs = {
            new Object(), new Square(), new Big(), new Plain(), "str", new String[2], new Object[1],
            new Square[3], new Big[1], new Shape[2], new int[4], new int[2][2], new int[2][], new long[1],
            new Square[1][1], new Named[2][2], new Big[1][1][1], new byte[0], new Object[0][], null
        };
        for (int i = 0; i < objs.length; i++) System.out.println(i + " " + t(objs[i]) + " " + cast(objs[i]));
        Object o = new Big();
        Named n = (Named) o;
        Fancy f = (Fancy) n;
        Shape s = (Shape) f;
        System.out.println(n.name() + " " + s.area());
        Object[] arr = new String[] {"a", "b"};
        String[] back = (String[]) arr;
        System.out.println(back[1]);
        Object ints = new int[] {1, 2, 3};
        System.out.println(((int[]) ints)[2]);
        Object multi = new int[3][4];
        Object[] rows = (Object[]) multi;
        System.out.println(rows.length + " " + ((int[]) rows[0]).length + " " + (rows[1] instanceof int[]));
        try {
            Object p = new Plain();
            Square q = (Square) p;
            System.out.println("not reached " + q);
        } catch (ClassCastException e) {
            System.out.println("ClassCastException");
        }
        try {
            Object sa = new Object[] {"x"};
            String[] x = (String[]) sa;
            System.out.println("not reached " + x.length);
        } catch (ClassCastException e) {
            System.out.println("ClassCastException (Object[] is not String[])");
        }
    }
}
