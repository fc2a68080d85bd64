/* IllegalFormatArgumentIndexException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class IllegalFormatArgumentIndexException extends IllegalFormatException {
    public IllegalFormatArgumentIndexException(int index) {
        super("Illegal format argument index = " + index);
    }
}
