/* Throwable.java -- the base of every exception and error. The linker and the firmware find
 * detailMessage, cause and backtrace by name (jvm_image_hdr.throwable_*_off): the firmware may
 * allocate a Throwable and set them without running a constructor (then the cause is "not set",
 * as java has it for the exceptions its VM throws). fillInStackTrace is the firmware's: it fills
 * backtrace with (method, pc) pairs, innermost first, leaving out its own frame and those of the
 * constructors of this object. printStackTrace writes java's format. */
package java.lang;

import java.io.PrintStream;

public class Throwable implements java.io.Serializable {
    private String detailMessage;
    private Throwable cause;
    private int[] backtrace;
    /** initCause may set the cause once, and only when no constructor did */
    private boolean causeSet;
    /** addSuppressed's list, null while empty */
    private Throwable[] suppressed;

    public Throwable() {
        fillInStackTrace();
    }

    public Throwable(String message) {
        fillInStackTrace();
        detailMessage = message;
    }

    public Throwable(String message, Throwable cause) {
        fillInStackTrace();
        detailMessage = message;
        this.cause = cause;
        causeSet = true;
    }

    public Throwable(Throwable cause) {
        fillInStackTrace();
        detailMessage = (cause == null ? null : cause.toString());
        this.cause = cause;
        causeSet = true;
    }

    /** Suppression is always enabled here; writableStackTrace false leaves the trace empty. */
    protected Throwable(String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
        if (writableStackTrace)
            fillInStackTrace();
        detailMessage = message;
        this.cause = cause;
        causeSet = true;
    }

    public String getMessage() {
        return detailMessage;
    }

    public String getLocalizedMessage() {
        return getMessage();
    }

    public Throwable getCause() {
        return cause;
    }

    public Throwable initCause(Throwable cause) {
        if (causeSet || this.cause != null)
            throw new IllegalStateException("Can't overwrite cause with " + (cause == null ? "a null" : cause.toString()), this);
        if (cause == this)
            throw new IllegalArgumentException("Self-causation not permitted", this);
        this.cause = cause;
        causeSet = true;
        return this;
    }

    public String toString() {
        String s = getClass().getName();
        String message = getLocalizedMessage();
        return (message != null) ? (s + ": " + message) : s;
    }

    public native Throwable fillInStackTrace();

    public final void addSuppressed(Throwable exception) {
        if (exception == this)
            throw new IllegalArgumentException("Self-suppression not permitted", exception);
        if (exception == null)
            throw new NullPointerException("Cannot suppress a null exception.");
        int n = suppressed == null ? 0 : suppressed.length;
        Throwable[] a = new Throwable[n + 1];
        if (n > 0)
            System.arraycopy(suppressed, 0, a, 0, n);
        a[n] = exception;
        suppressed = a;
    }

    public final Throwable[] getSuppressed() {
        if (suppressed == null)
            return new Throwable[0];
        return suppressed.clone();
    }

    public StackTraceElement[] getStackTrace() {
        int n = 0;
        if (backtrace != null)
            while (VM.frameClass(this, n) != null)
                n++;
        StackTraceElement[] trace = new StackTraceElement[n];
        for (int i = 0; i < n; i++)
            trace[i] = new StackTraceElement(VM.frameClass(this, i), VM.frameMethod(this, i),
                    VM.frameFile(this, i), VM.frameLine(this, i));
        return trace;
    }

    public void printStackTrace() {
        printStackTrace(System.err);
    }

    public void printStackTrace(PrintStream s) {
        Seen seen = new Seen();
        seen.add(this);
        s.println(this);
        StackTraceElement[] trace = getStackTrace();
        for (int i = 0; i < trace.length; i++)
            s.println("\tat " + trace[i]);
        printRest(s, trace, "", seen);
    }

    /** The suppressed exceptions and the cause, below a trace that was printed. */
    private void printRest(PrintStream s, StackTraceElement[] trace, String prefix, Seen seen) {
        if (suppressed != null)
            for (int i = 0; i < suppressed.length; i++)
                suppressed[i].printEnclosed(s, trace, "Suppressed: ", prefix + "\t", seen);
        Throwable ourCause = getCause();
        if (ourCause != null)
            ourCause.printEnclosed(s, trace, "Caused by: ", prefix, seen);
    }

    private void printEnclosed(PrintStream s, StackTraceElement[] enclosing, String caption, String prefix, Seen seen) {
        if (!seen.add(this)) {
            s.println(prefix + caption + "[CIRCULAR REFERENCE: " + this + "]");
            return;
        }
        StackTraceElement[] trace = getStackTrace();
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        int framesInCommon = trace.length - 1 - m;
        s.println(prefix + caption + this);
        for (int i = 0; i <= m; i++)
            s.println(prefix + "\tat " + trace[i]);
        if (framesInCommon != 0)
            s.println(prefix + "\t... " + framesInCommon + " more");
        printRest(s, trace, prefix, seen);
    }

    /** The throwables printed so far (identity), against cycles in the cause chain. */
    private static final class Seen {
        private Throwable[] a = new Throwable[4];
        private int n;

        /** false when t was there already */
        boolean add(Throwable t) {
            for (int i = 0; i < n; i++)
                if (a[i] == t)
                    return false;
            if (n == a.length) {
                Throwable[] b = new Throwable[n * 2];
                System.arraycopy(a, 0, b, 0, n);
                a = b;
            }
            a[n++] = t;
            return true;
        }
    }
}
