/* Runtime.java -- the heap's figures and exit, through the firmware. */
package java.lang;

public class Runtime {
    private static final Runtime current = new Runtime();

    private Runtime() {
    }

    public static Runtime getRuntime() {
        return current;
    }

    public void exit(int status) {
        System.exit(status);
    }

    /** Ends the run without flushing System.out and System.err, as java's halt. */
    public void halt(int status) {
        VM.exit(status);
    }

    public int availableProcessors() {
        return 1;
    }

    public long freeMemory() {
        return VM.freeMemory();
    }

    public long totalMemory() {
        return VM.totalMemory();
    }

    /** The heap does not grow: its limit is its size. */
    public long maxMemory() {
        return VM.totalMemory();
    }

    public void gc() {
        VM.gc();
    }
}
