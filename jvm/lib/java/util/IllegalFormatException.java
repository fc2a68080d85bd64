/* IllegalFormatException.java -- the format string errors' base (String.format). */
package java.util;

public class IllegalFormatException extends IllegalArgumentException {
    IllegalFormatException(String message) {
        super(message);
    }
}
