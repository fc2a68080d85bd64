// The class library's Object and Class: toString's form, equals, hashCode against
// identityHashCode, clone of arrays and Cloneable objects (CloneNotSupportedException
// otherwise), getClass, getName, getSimpleName, isArray, isInterface, getSuperclass,
// isInstance, cast; java.util.Objects; the boxes' equals and hashCode.
public class LibObject {
    interface Shape {
    }

    static class Point implements Cloneable, Shape {
        int x, y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        Point copy() throws CloneNotSupportedException {
            return (Point) clone();
        }
    }

    static class Plain {
        Object tryClone() throws CloneNotSupportedException {
            return clone();
        }
    }

    public static void main(String[] args) throws Exception {
        Object o = new Object();
        String s = o.toString();
        System.out.println(s.equals("java.lang.Object@" + Integer.toHexString(o.hashCode())) + " "
                + (o.hashCode() == System.identityHashCode(o)) + " " + (o.hashCode() == o.hashCode()) + " " + o.equals(o)
                + " " + o.equals(new Object()) + " " + (System.identityHashCode(null) == 0));
        Point p = new Point(1, 2);
        Point q = p.copy();
        q.x = 5;
        System.out.println(p.x + " " + q.x + " " + q.y + " " + (p != q) + " " + (q.getClass() == Point.class));
        try {
            new Plain().tryClone();
        } catch (CloneNotSupportedException e) {
            System.out.println(e);
        }
        int[] a = { 1, 2, 3 };
        int[] b = a.clone();
        b[0] = 9;
        long[][] m = { { 1 }, { 2 } };
        long[][] n = m.clone();
        System.out.println(a[0] + " " + b[0] + " " + b.length + " " + (m[0] == n[0]) + " " + (m != n));
        Object[] classes = { o, "s", 1, p, a, m, new String[0], new Shape[0], new boolean[1], Color.class };
        for (Object x : classes) {
            Class<?> c = x.getClass();
            Class<?> sup = c.getSuperclass();
            System.out.println(c.getName() + " " + c.getSimpleName() + " " + c.isArray() + " " + c.isInterface() + " "
                    + (sup == null ? "null" : sup.getName()) + " " + c + " " + c.isInstance(x) + " " + c.isInstance(null)
                    + " " + Object.class.isInstance(x) + " " + Shape.class.isInstance(x) + " " + Cloneable.class.isInstance(x));
        }
        System.out.println(Shape.class.getName() + " " + Shape.class + " " + Shape.class.isInterface() + " "
                + Shape.class.getSuperclass() + " " + Object.class.getSuperclass() + " " + new Object() { }.getClass().getSimpleName().isEmpty());
        System.out.println(String.class.cast("str") + " " + String.class.cast(null));
        try {
            String.class.cast(Integer.valueOf(1));
        } catch (ClassCastException e) {
            System.out.println(e);
        }
        System.out.println(java.util.Objects.equals(null, null) + " " + java.util.Objects.equals("a", "a") + " "
                + java.util.Objects.equals("a", null) + " " + java.util.Objects.hashCode(null) + " " + java.util.Objects.hashCode("ab")
                + " " + java.util.Objects.hash(1, "a", null) + " " + java.util.Objects.toString(null) + " "
                + java.util.Objects.toString(null, "dflt") + " " + java.util.Objects.isNull(null) + " " + java.util.Objects.nonNull(null)
                + " " + java.util.Objects.requireNonNull("ok") + " " + java.util.Objects.requireNonNull("ok", "msg"));
        try {
            java.util.Objects.requireNonNull(null);
        } catch (NullPointerException e) {
            System.out.println(e);
        }
        try {
            java.util.Objects.requireNonNull(null, "custom message");
        } catch (NullPointerException e) {
            System.out.println(e);
        }
        System.out.println(Integer.valueOf(5).hashCode() + " " + Long.valueOf(-5L).hashCode() + " " + Long.valueOf(1L << 32).hashCode()
                + " " + Short.valueOf((short) -3).hashCode() + " " + Byte.valueOf((byte) 3).hashCode() + " " + Character.valueOf('A').hashCode()
                + " " + "x".hashCode() + " " + Boolean.TRUE.hashCode());
    }

    enum Color { RED }
}
