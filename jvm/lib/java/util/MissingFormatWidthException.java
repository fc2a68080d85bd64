/* MissingFormatWidthException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class MissingFormatWidthException extends IllegalFormatException {
    public MissingFormatWidthException(String s) {
        super(s);
    }
}
