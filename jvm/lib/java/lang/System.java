/* System.java -- standard output and error, exit, and the firmware's clocks and copies. */
package java.lang;

import java.io.PrintStream;

public final class System {
    public static final PrintStream out = new PrintStream(1);
    public static final PrintStream err = new PrintStream(2);

    private System() {
    }

    /** java's checks and messages (the firmware's, jvm/natives.def) */
    public static native void arraycopy(Object src, int srcPos, Object dest, int destPos, int length);

    public static native int identityHashCode(Object x);

    /** Milliseconds since the run began, from the cycle counter. */
    public static native long currentTimeMillis();

    public static native long nanoTime();

    /** Flushes both streams, then ends the run with this status. */
    public static void exit(int status) {
        out.flush();
        err.flush();
        VM.exit(status);
    }

    public static void gc() {
        VM.gc();
    }

    /** No properties here. */
    public static String getProperty(String key) {
        checkKey(key);
        return null;
    }

    public static String getProperty(String key, String def) {
        checkKey(key);
        return def;
    }

    private static void checkKey(String key) {
        if (key == null)
            throw new NullPointerException("key can't be null");
        if (key.length() == 0)
            throw new IllegalArgumentException("key can't be empty");
    }

    /** No environment here. */
    public static String getenv(String name) {
        if (name == null)
            throw new NullPointerException();
        return null;
    }

    public static String lineSeparator() {
        return "\n";
    }
}
