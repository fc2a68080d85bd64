// private interface methods (Java 9 and later, so not in the --release 8 flavour): private
// instance and private static methods of an interface, called from its default methods.
// flavours: 17
public class PrivateInterfaceMethods {
    interface Formatter {
        String body();
        default String boxed() { return wrap("[", "]"); }
        default String quoted() { return wrap("\"", "\""); }
        private String wrap(String l, String r) { return l + body() + r + count(body()); }
        private static int count(String s) { return s.length(); }
        static String both(Formatter f) { return f.boxed() + " " + f.quoted(); }
    }
    static class Word implements Formatter {
        final String w;
        Word(String w) { this.w = w; }
        public String body() { return w; }
    }

    public static void main(String[] args) {
        System.out.println(Formatter.both(new Word("cms")));
        Formatter anon = new Formatter() {
            public String body() { return "anon"; }
        };
        System.out.println(anon.boxed());
    }
}
