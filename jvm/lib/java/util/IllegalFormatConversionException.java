/* IllegalFormatConversionException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class IllegalFormatConversionException extends IllegalFormatException {
    public IllegalFormatConversionException(char c, Class<?> arg) {
        super(c + " != " + arg.getName());
    }
}
