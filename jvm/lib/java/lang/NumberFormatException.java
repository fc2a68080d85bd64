/* NumberFormatException.java -- text that is not a number (Long.parse gives java's messages). */
package java.lang;

public class NumberFormatException extends IllegalArgumentException {
    public NumberFormatException() {
        super();
    }

    public NumberFormatException(String message) {
        super(message);
    }
}
