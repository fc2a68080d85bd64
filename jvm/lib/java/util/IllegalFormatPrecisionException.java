/* IllegalFormatPrecisionException.java -- a format string's error (String.format), with java's message. */
package java.util;

public class IllegalFormatPrecisionException extends IllegalFormatException {
    public IllegalFormatPrecisionException(int p) {
        super(Integer.toString(p));
    }
}
