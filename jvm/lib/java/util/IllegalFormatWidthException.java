/* IllegalFormatWidthException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class IllegalFormatWidthException extends IllegalFormatException {
    public IllegalFormatWidthException(int w) {
        super(Integer.toString(w));
    }
}
