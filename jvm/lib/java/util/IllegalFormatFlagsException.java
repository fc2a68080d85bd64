/* IllegalFormatFlagsException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class IllegalFormatFlagsException extends IllegalFormatException {
    public IllegalFormatFlagsException(String f) {
        super("Flags = '" + f + "'");
    }
}
