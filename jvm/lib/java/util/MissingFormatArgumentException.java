/* MissingFormatArgumentException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class MissingFormatArgumentException extends IllegalFormatException {
    public MissingFormatArgumentException(String s) {
        super("Format specifier '" + s + "'");
    }
}
