/* DuplicateFormatFlagsException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class DuplicateFormatFlagsException extends IllegalFormatException {
    public DuplicateFormatFlagsException(String f) {
        super("Flags = '" + f + "'");
    }
}
