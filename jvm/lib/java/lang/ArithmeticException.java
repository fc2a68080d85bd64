/* ArithmeticException.java -- thrown by idiv/irem/ldiv/lrem by zero ("/ by zero"). */
package java.lang;

public class ArithmeticException extends RuntimeException {
    public ArithmeticException() {
        super();
    }

    public ArithmeticException(String message) {
        super(message);
    }
}
