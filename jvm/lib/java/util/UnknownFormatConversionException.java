/* UnknownFormatConversionException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class UnknownFormatConversionException extends IllegalFormatException {
    public UnknownFormatConversionException(String s) {
        super("Conversion = '" + s + "'");
    }
}
