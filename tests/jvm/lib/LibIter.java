// The library's interfaces as the language uses them: a program's Iterable in the enhanced for
// (java.util.Iterator, its default remove and java's message), NoSuchElementException,
// AutoCloseable in try-with-resources, Runnable, Comparable through a generic method,
// CharSequence over String, StringBuilder and a program's own class; getSimpleName of nested,
// local and anonymous classes.
// FLAVOURS: 17
public class LibIter {
    static final class Range implements Iterable<Integer> {
        final int lo, hi;

        Range(int lo, int hi) {
            this.lo = lo;
            this.hi = hi;
        }

        public java.util.Iterator<Integer> iterator() {
            return new java.util.Iterator<Integer>() {
                int next = lo;

                public boolean hasNext() {
                    return next < hi;
                }

                public Integer next() {
                    if (next >= hi)
                        throw new java.util.NoSuchElementException("past " + hi);
                    return next++;
                }
            };
        }
    }

    static final class Rev implements CharSequence {
        final String s;

        Rev(String s) {
            this.s = s;
        }

        public int length() {
            return s.length();
        }

        public char charAt(int i) {
            return s.charAt(s.length() - 1 - i);
        }

        public CharSequence subSequence(int a, int b) {
            return new StringBuilder(this).substring(a, b);
        }

        public String toString() {
            return new StringBuilder(s).reverse().toString();
        }
    }

    static final class Res implements AutoCloseable {
        final String name;

        Res(String name) {
            this.name = name;
            System.out.println("open " + name);
        }

        public void close() {
            System.out.println("close " + name);
        }
    }

    static <T extends Comparable<T>> T max(T a, T b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static int total(CharSequence cs) {
        int t = 0;
        for (int i = 0; i < cs.length(); i++)
            t = t * 31 + cs.charAt(i);
        return t;
    }

    public static void main(String[] args) throws Exception {
        int sum = 0;
        for (int i : new Range(1, 5))
            sum += i;
        System.out.println("sum " + sum);
        java.util.Iterator<Integer> it = new Range(0, 1).iterator();
        System.out.println(it.next() + " " + it.hasNext());
        try {
            it.next();
        } catch (java.util.NoSuchElementException e) {
            System.out.println(e);
        }
        try {
            it.remove();
        } catch (UnsupportedOperationException e) {
            System.out.println(e);
        }
        try (Res a = new Res("a"); Res b = new Res("b")) {
            System.out.println("body");
        }
        Runnable r = new Runnable() {
            public void run() {
                System.out.println("ran " + getClass().getSimpleName().isEmpty());
            }
        };
        r.run();
        System.out.println(max("pear", "apple") + " " + max(3, 7) + " " + max(-5L, -9L) + " " + max('x', 'y') + " "
                + max(true, false) + " " + max(new StringBuilder("b"), new StringBuilder("a")));
        Rev rev = new Rev("abc");
        System.out.println(total("abc") + " " + total(new StringBuilder("abc")) + " " + total(rev) + " " + rev + " "
                + rev.subSequence(0, 2) + " " + new StringBuilder().append(rev) + " " + "x".contentEquals(new Rev("x"))
                + " " + new StringBuilder("0123").append(rev, 1, 3) + " " + String.join("+", rev, "q"));
        class Local {
        }
        System.out.println(Range.class.getSimpleName() + " " + Local.class.getSimpleName() + " " + new Local().getClass().getName()
                + " " + Range[][].class.getSimpleName() + " " + Local[].class.getSimpleName() + " " + int[].class.getSimpleName());
    }
}
