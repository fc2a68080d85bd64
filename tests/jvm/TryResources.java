// try-with-resources: close order (reverse), close on exception, suppressed exceptions from
// close, a null resource, exceptions from close alone.
public class TryResources {
    static StringBuilder log = new StringBuilder();

    static class Res implements AutoCloseable {
        final String name;
        final boolean failClose;
        Res(String name, boolean failClose) { this.name = name; this.failClose = failClose; log.append("open " + name + "; "); }
        public void close() {
            log.append("close " + name + "; ");
            if (failClose) throw new IllegalStateException("close " + name);
        }
    }

    static void run(String label, boolean failBody, boolean failA, boolean failB) {
        log.setLength(0);
        try (Res a = new Res("a", failA); Res b = new Res("b", failB)) {
            log.append("body; ");
            if (failBody) throw new RuntimeException("body");
        } catch (RuntimeException e) {
            log.append("caught " + e.getMessage());
            Throwable[] sup = e.getSuppressed();
            log.append(" suppressed " + sup.length);
            for (Throwable s : sup) log.append(" [" + s.getMessage() + "]");
        }
        System.out.println(label + ": " + log);
    }

    public static void main(String[] args) {
        run("clean", false, false, false);
        run("body", true, false, false);
        run("body+a+b", true, true, true);
        run("closeA", false, true, false);
        run("closeA+B", false, true, true);
        log.setLength(0);
        try (Res n = null) {
            log.append("null resource body");
        }
        System.out.println(log);
        Throwable t = new Exception("main");
        t.addSuppressed(new Exception("s1"));
        t.addSuppressed(new Error("s2"));
        System.out.println(t.getSuppressed().length + " " + t.getSuppressed()[1]);
    }
}
