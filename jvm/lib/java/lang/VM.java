/* VM.java -- the library's own door to the firmware: the natives of jvm/natives.def's VM part,
 * the report of an uncaught exception, and UTF-8 (the encoding of the output and of
 * String.getBytes). Not a class of java: public only so that java.io.PrintStream can use it. */
package java.lang;

public final class VM {
    private VM() {
    }

    /** Writes bytes[off, off + len) to fd 1 (standard output) or 2 (standard error). */
    public static native void write(int fd, byte[] bytes, int off, int len);

    /** Ends the run with this exit status. */
    public static native void exit(int status);

    public static native void gc();

    public static native long freeMemory();

    public static native long totalMemory();

    /** Frame i of t's backtrace, innermost first: its class name ("pkg.Outer$Inner"), or null
     * when i is past the last frame. */
    public static native String frameClass(Throwable t, int i);

    public static native String frameMethod(Throwable t, int i);

    /** The SourceFile attribute, or null. */
    public static native String frameFile(Throwable t, int i);

    /** The line, -1 without a LineNumberTable, -2 for a native method. */
    public static native int frameLine(Throwable t, int i);

    /** The enum class's $VALUES array itself (never to be changed), or null. */
    public static native Object[] enumValues(Class<?> c);

    /** The firmware calls this, in a fresh frame, when an exception leaves main: java's report
     * on standard error, then exit status 1. */
    static void uncaught(Throwable t) {
        System.out.flush();
        try {
            System.err.print("Exception in thread \"main\" ");
            t.printStackTrace();
        } catch (Throwable e) {
            // what java prints when the report itself throws (a toString that throws, say)
            System.err.print("\nException: " + e.getClass().getName()
                    + " thrown from the UncaughtExceptionHandler in thread \"main\"\n");
        }
        System.err.flush();
        exit(1);
    }

    // ---- UTF-8: a surrogate pair is one 4-byte sequence; a lone surrogate is written '?', as
    // java's encoder does

    /** The bytes src[off, off + len) takes in UTF-8. */
    public static int utf8Length(char[] src, int off, int len) {
        int n = 0;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = src[i];
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(src[i + 1])) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Encodes src[off, off + len) into dst from pos (room: utf8Length); returns the end. */
    public static int utf8Encode(char[] src, int off, int len, byte[] dst, int pos) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = src[i];
            if (c < 0x80) {
                dst[pos++] = (byte) c;
            } else if (c < 0x800) {
                dst[pos++] = (byte) (0xc0 | (c >> 6));
                dst[pos++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(src[i + 1])) {
                int cp = Character.toCodePoint(c, src[++i]);
                dst[pos++] = (byte) (0xf0 | (cp >> 18));
                dst[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                dst[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                dst[pos++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                dst[pos++] = (byte) '?';
            } else {
                dst[pos++] = (byte) (0xe0 | (c >> 12));
                dst[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                dst[pos++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return pos;
    }

    /** Decodes UTF-8; a malformed or truncated sequence gives U+FFFD per bad byte (java gives one
     * per maximal bad subpart: the same for the common cases). */
    static char[] utf8Decode(byte[] b, int off, int len) {
        char[] out = new char[len];
        int n = 0;
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xff;
            int need;
            int cp;
            int min;
            if (c < 0x80) {
                out[n++] = (char) c;
                i++;
                continue;
            } else if (c >= 0xc2 && c <= 0xdf) {
                need = 1;
                cp = c & 0x1f;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                need = 2;
                cp = c & 0x0f;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                need = 3;
                cp = c & 0x07;
                min = 0x10000;
            } else {
                out[n++] = '\ufffd';
                i++;
                continue;
            }
            int j = i + 1;
            while (j < end && j <= i + need && (b[j] & 0xc0) == 0x80) {
                cp = (cp << 6) | (b[j] & 0x3f);
                j++;
            }
            if (j != i + need + 1 || cp < min || cp > Character.MAX_CODE_POINT
                    || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                out[n++] = '\ufffd';
                i++;
                continue;
            }
            if (cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
            } else {
                out[n++] = (char) cp;
            }
            i = j;
        }
        if (n == out.length)
            return out;
        char[] v = new char[n];
        System.arraycopy(out, 0, v, 0, n);
        return v;
    }
}
