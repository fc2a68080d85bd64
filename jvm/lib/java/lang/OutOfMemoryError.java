/* OutOfMemoryError.java -- an allocation the heap cannot hold, after a collection. */
package java.lang;

public class OutOfMemoryError extends VirtualMachineError {
    public OutOfMemoryError() {
        super();
    }

    public OutOfMemoryError(String message) {
        super(message);
    }
}
