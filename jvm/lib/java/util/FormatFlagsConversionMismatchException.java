/* FormatFlagsConversionMismatchException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class FormatFlagsConversionMismatchException extends IllegalFormatException {
    public FormatFlagsConversionMismatchException(String f, char c) {
        super("Conversion = " + c + ", Flags = " + f);
    }
}
