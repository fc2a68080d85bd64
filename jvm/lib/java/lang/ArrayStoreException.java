/* ArrayStoreException.java -- a store of the wrong type into an array (the message: the value's class name). */
package java.lang;

public class ArrayStoreException extends RuntimeException {
    public ArrayStoreException() {
        super();
    }

    public ArrayStoreException(String message) {
        super(message);
    }
}
