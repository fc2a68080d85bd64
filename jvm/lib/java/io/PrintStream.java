/* PrintStream.java -- System.out and System.err: text as UTF-8 bytes to a file descriptor of the
 * firmware (VM.write). Each print call gathers its text in a buffer and writes it with one
 * VM.write at its end (a longer text: one per buffer's worth), so a println is one call and
 * nothing is left unwritten when the program ends after a print -- but for a high surrogate
 * at the end of a call, which waits for the low one the next call may bring (java's encoder
 * joins a pair printed in two calls); flush() writes it alone, as '?'. Single-threaded. */
package java.io;

import java.lang.VM;

public class PrintStream extends OutputStream {
    private static final int BUF = 256;

    private final int fd;
    /** chars of the current call, encoded at flushChars */
    private final char[] chars = new char[BUF];
    private int nchars;
    /** UTF-8 of a full chars[] (3 bytes a char at most; a pair's 4 bytes are 2 chars) */
    private final byte[] bytes = new byte[BUF * 3];

    /** fd: 1 standard output, 2 standard error. */
    public PrintStream(int fd) {
        this.fd = fd;
    }

    private void put(char c) {
        if (nchars == BUF)
            flushChars(true);
        chars[nchars++] = c;
    }

    private void put(String s) {
        if (s == null)
            s = "null";
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (nchars == BUF)
                flushChars(true);
            int k = Math.min(n - i, BUF - nchars);
            s.getChars(i, i + k, chars, nchars);
            nchars += k;
            i += k;
        }
    }

    /** Writes the gathered chars. Mid-text, a high surrogate at the end waits for its pair. */
    private void flushChars(boolean more) {
        int n = nchars;
        if (n == 0)
            return;
        boolean keep = more && Character.isHighSurrogate(chars[n - 1]);
        if (keep)
            n--;
        if (n > 0) {
            int len = VM.utf8Encode(chars, 0, n, bytes, 0);
            VM.write(fd, bytes, 0, len);
        }
        if (keep) {
            chars[0] = chars[n];
            nchars = 1;
        } else {
            nchars = 0;
        }
    }

    private void end() {
        flushChars(true);
    }

    public void flush() {
        flushChars(false);
    }

    public void close() {
        flush();
    }

    /** One raw byte. */
    public void write(int b) {
        flushChars(false);
        byte[] one = { (byte) b };
        VM.write(fd, one, 0, 1);
    }

    public void write(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            // java copies into its buffer here: the same check gives arraycopy's own message
            System.arraycopy(buf, off, buf, 0, len);
        }
        flushChars(false);
        VM.write(fd, buf, off, len);
    }

    public void write(byte[] buf) {
        write(buf, 0, buf.length);
    }

    public void print(String s) {
        put(s);
        end();
    }

    public void print(Object obj) {
        put(String.valueOf(obj));
        end();
    }

    public void print(char c) {
        put(c);
        end();
    }

    public void print(boolean b) {
        put(b ? "true" : "false");
        end();
    }

    public void print(int i) {
        put(Integer.toString(i));
        end();
    }

    public void print(long l) {
        put(Long.toString(l));
        end();
    }

    public void print(char[] s) {
        for (int i = 0; i < s.length; i++)
            put(s[i]);
        end();
    }

    public void println() {
        put('\n');
        end();
    }

    public void println(String s) {
        put(s);
        put('\n');
        end();
    }

    public void println(Object x) {
        put(String.valueOf(x));
        put('\n');
        end();
    }

    public void println(char c) {
        put(c);
        put('\n');
        end();
    }

    public void println(boolean b) {
        put(b ? "true" : "false");
        put('\n');
        end();
    }

    public void println(int i) {
        put(Integer.toString(i));
        put('\n');
        end();
    }

    public void println(long l) {
        put(Long.toString(l));
        put('\n');
        end();
    }

    public void println(char[] s) {
        for (int i = 0; i < s.length; i++)
            put(s[i]);
        put('\n');
        end();
    }

    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    public PrintStream append(char c) {
        print(c);
        return this;
    }
}
