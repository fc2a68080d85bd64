/* String.java -- immutable UTF-16 text. The linker builds string literals with exactly these two
 * fields (jvm_image_hdr.string_value_off): value holds exactly the characters, no offset. */
package java.lang;

public final class String implements java.io.Serializable, Comparable<String>, CharSequence {
    private final char[] value;
    /** java's hashCode, cached; 0 until computed (a string whose hash is 0 recomputes it) */
    private int hash;

    public String() {
        value = new char[0];
    }

    public String(String original) {
        value = original.value;
        hash = original.hash;
    }

    public String(char[] value) {
        this.value = copy(value, 0, value.length);
    }

    public String(char[] value, int offset, int count) {
        checkOffsetCount(offset, count, value.length);
        this.value = copy(value, offset, count);
    }

    /** Decodes UTF-8 (java's default charset here); a malformed sequence gives U+FFFD. */
    public String(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public String(byte[] bytes, int offset, int length) {
        checkOffsetCount(offset, length, bytes.length);
        value = VM.utf8Decode(bytes, offset, length);
    }

    public String(StringBuilder builder) {
        value = copy(builder.value, 0, builder.count);
    }

    public String(StringBuffer buffer) {
        value = copy(buffer.value, 0, buffer.count);
    }

    /** Takes the array itself: the caller must not change it afterwards. */
    String(char[] value, boolean share) {
        this.value = value;
    }

    private static char[] copy(char[] src, int off, int len) {
        char[] v = new char[len];
        System.arraycopy(src, off, v, 0, len);
        return v;
    }

    static void checkOffsetCount(int offset, int count, int length) {
        if (offset < 0 || count < 0 || offset > length - count)
            throw new StringIndexOutOfBoundsException("offset " + offset + ", count " + count + ", length " + length);
    }

    static void checkBoundsBeginEnd(int begin, int end, int length) {
        if (begin < 0 || begin > end || end > length)
            throw new StringIndexOutOfBoundsException("begin " + begin + ", end " + end + ", length " + length);
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public char charAt(int index) {
        if (index < 0 || index >= value.length)
            throw new StringIndexOutOfBoundsException("String index out of range: " + index);
        return value[index];
    }

    public int codePointAt(int index) {
        char c = charAt(index);
        if (Character.isHighSurrogate(c) && index + 1 < value.length && Character.isLowSurrogate(value[index + 1]))
            return Character.toCodePoint(c, value[index + 1]);
        return c;
    }

    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        checkBoundsBeginEnd(srcBegin, srcEnd, value.length);
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }

    /** UTF-8, java's default charset here. */
    public byte[] getBytes() {
        byte[] b = new byte[VM.utf8Length(value, 0, value.length)];
        VM.utf8Encode(value, 0, value.length, b, 0);
        return b;
    }

    public boolean equals(Object anObject) {
        if (this == anObject)
            return true;
        if (!(anObject instanceof String))
            return false;
        char[] v = value;
        char[] w = ((String) anObject).value;
        int n = v.length;
        if (n != w.length)
            return false;
        for (int i = 0; i < n; i++)
            if (v[i] != w[i])
                return false;
        return true;
    }

    public boolean contentEquals(CharSequence cs) {
        int n = value.length;
        if (n != cs.length())
            return false;
        for (int i = 0; i < n; i++)
            if (value[i] != cs.charAt(i))
                return false;
        return true;
    }

    public boolean equalsIgnoreCase(String anotherString) {
        if (this == anotherString)
            return true;
        return anotherString != null && anotherString.value.length == value.length
                && regionMatches(true, 0, anotherString, 0, value.length);
    }

    public int compareTo(String anotherString) {
        char[] v = value;
        char[] w = anotherString.value;
        int n = Math.min(v.length, w.length);
        for (int i = 0; i < n; i++)
            if (v[i] != w[i])
                return v[i] - w[i];
        return v.length - w.length;
    }

    public int compareToIgnoreCase(String str) {
        char[] v = value;
        char[] w = str.value;
        int n = Math.min(v.length, w.length);
        for (int i = 0; i < n; i++) {
            char a = v[i];
            char b = w[i];
            if (a != b) {
                a = Character.toLowerCase(Character.toUpperCase(a));
                b = Character.toLowerCase(Character.toUpperCase(b));
                if (a != b)
                    return a - b;
            }
        }
        return v.length - w.length;
    }

    public boolean regionMatches(int toffset, String other, int ooffset, int len) {
        return regionMatches(false, toffset, other, ooffset, len);
    }

    public boolean regionMatches(boolean ignoreCase, int toffset, String other, int ooffset, int len) {
        char[] v = value;
        char[] w = other.value;
        if (ooffset < 0 || toffset < 0 || toffset > (long) v.length - len || ooffset > (long) w.length - len)
            return false;
        while (len-- > 0) {
            char a = v[toffset++];
            char b = w[ooffset++];
            if (a == b)
                continue;
            if (ignoreCase) {
                char ua = Character.toUpperCase(a);
                char ub = Character.toUpperCase(b);
                if (ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub))
                    continue;
            }
            return false;
        }
        return true;
    }

    public boolean startsWith(String prefix, int toffset) {
        char[] v = value;
        char[] p = prefix.value;
        if (toffset < 0 || toffset > v.length - p.length)
            return false;
        for (int i = 0; i < p.length; i++)
            if (v[toffset + i] != p[i])
                return false;
        return true;
    }

    public boolean startsWith(String prefix) {
        return startsWith(prefix, 0);
    }

    public boolean endsWith(String suffix) {
        return startsWith(suffix, value.length - suffix.value.length);
    }

    /** java's formula: s[0]*31^(n-1) + ... + s[n-1], cached. */
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            char[] v = value;
            for (int i = 0; i < v.length; i++)
                h = 31 * h + v[i];
            hash = h;
        }
        return h;
    }

    public int indexOf(int ch) {
        return indexOf(ch, 0);
    }

    public int indexOf(int ch, int fromIndex) {
        char[] v = value;
        if (fromIndex < 0)
            fromIndex = 0;
        if (ch >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            if (ch > Character.MAX_CODE_POINT)
                return -1;
            char hi = Character.highSurrogate(ch);
            char lo = Character.lowSurrogate(ch);
            for (int i = fromIndex; i < v.length - 1; i++)
                if (v[i] == hi && v[i + 1] == lo)
                    return i;
            return -1;
        }
        for (int i = fromIndex; i < v.length; i++)
            if (v[i] == ch)
                return i;
        return -1;
    }

    public int lastIndexOf(int ch) {
        return lastIndexOf(ch, value.length - 1);
    }

    public int lastIndexOf(int ch, int fromIndex) {
        char[] v = value;
        if (ch >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            if (ch > Character.MAX_CODE_POINT)
                return -1;
            char hi = Character.highSurrogate(ch);
            char lo = Character.lowSurrogate(ch);
            for (int i = Math.min(fromIndex, v.length - 2); i >= 0; i--)
                if (v[i] == hi && v[i + 1] == lo)
                    return i;
            return -1;
        }
        for (int i = Math.min(fromIndex, v.length - 1); i >= 0; i--)
            if (v[i] == ch)
                return i;
        return -1;
    }

    public int indexOf(String str) {
        return indexOf(value, value.length, str.value, 0);
    }

    public int indexOf(String str, int fromIndex) {
        return indexOf(value, value.length, str.value, fromIndex);
    }

    /** The first i >= from with src[i, i + target.length) equal to target (src holds n chars). */
    static int indexOf(char[] src, int n, char[] target, int from) {
        int tn = target.length;
        if (from < 0)
            from = 0;
        if (from >= n)
            return tn == 0 ? n : -1;
        if (tn == 0)
            return from;
        char first = target[0];
        int max = n - tn;
        for (int i = from; i <= max; i++) {
            if (src[i] != first)
                continue;
            int j = 1;
            while (j < tn && src[i + j] == target[j])
                j++;
            if (j == tn)
                return i;
        }
        return -1;
    }

    public int lastIndexOf(String str) {
        return lastIndexOf(value, value.length, str.value, value.length);
    }

    public int lastIndexOf(String str, int fromIndex) {
        return lastIndexOf(value, value.length, str.value, fromIndex);
    }

    /** The last i <= from with src[i, i + target.length) equal to target (src holds n chars). */
    static int lastIndexOf(char[] src, int n, char[] target, int from) {
        int tn = target.length;
        int i = n - tn;
        if (from < i)
            i = from;
        for (; i >= 0; i--) {
            int j = 0;
            while (j < tn && src[i + j] == target[j])
                j++;
            if (j == tn)
                return i;
        }
        return -1;
    }

    public boolean contains(CharSequence s) {
        return indexOf(s.toString()) >= 0;
    }

    public String substring(int beginIndex) {
        return substring(beginIndex, value.length);
    }

    public String substring(int beginIndex, int endIndex) {
        checkBoundsBeginEnd(beginIndex, endIndex, value.length);
        if (beginIndex == 0 && endIndex == value.length)
            return this;
        return new String(copy(value, beginIndex, endIndex - beginIndex), true);
    }

    public CharSequence subSequence(int beginIndex, int endIndex) {
        return substring(beginIndex, endIndex);
    }

    public String concat(String str) {
        if (str.value.length == 0)
            return this;
        char[] v = new char[value.length + str.value.length];
        System.arraycopy(value, 0, v, 0, value.length);
        System.arraycopy(str.value, 0, v, value.length, str.value.length);
        return new String(v, true);
    }

    public String replace(char oldChar, char newChar) {
        char[] v = value;
        int i = indexOf(oldChar);
        if (oldChar == newChar || i < 0)
            return this;
        char[] w = copy(v, 0, v.length);
        for (; i < w.length; i++)
            if (w[i] == oldChar)
                w[i] = newChar;
        return new String(w, true);
    }

    public String replace(CharSequence target, CharSequence replacement) {
        String t = target.toString();
        String r = replacement.toString();
        int j = indexOf(t);
        if (j < 0)
            return this;
        StringBuilder sb = new StringBuilder(value.length + 16);
        int i = 0;
        int step = t.value.length == 0 ? 1 : t.value.length;
        if (t.value.length == 0) {
            // java puts the replacement before every char and at the end
            for (; i < value.length; i++)
                sb.append(r).append(value[i]);
            return sb.append(r).toString();
        }
        do {
            sb.append(value, i, j - i).append(r);
            i = j + step;
            j = indexOf(t, i);
        } while (j >= 0);
        return sb.append(value, i, value.length - i).toString();
    }

    public String toLowerCase() {
        char[] v = value;
        for (int i = 0; i < v.length; i++) {
            if (Character.toLowerCase(v[i]) != v[i]) {
                char[] w = copy(v, 0, v.length);
                for (; i < w.length; i++)
                    w[i] = Character.toLowerCase(w[i]);
                return new String(w, true);
            }
        }
        return this;
    }

    /** Latin-1's two characters that become two (ß -> "SS") and java's char mapping for the
     * rest; characters above U+00FF are left as they are. */
    public String toUpperCase() {
        char[] v = value;
        int extra = 0;
        boolean change = false;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == '\u00df')
                extra++;
            else if (Character.toUpperCase(v[i]) != v[i])
                change = true;
        }
        if (!change && extra == 0)
            return this;
        char[] w = new char[v.length + extra];
        int j = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == '\u00df') {
                w[j++] = 'S';
                w[j++] = 'S';
            } else {
                w[j++] = Character.toUpperCase(v[i]);
            }
        }
        return new String(w, true);
    }

    public String trim() {
        char[] v = value;
        int begin = 0;
        int end = v.length;
        while (begin < end && v[begin] <= ' ')
            begin++;
        while (end > begin && v[end - 1] <= ' ')
            end--;
        return substring(begin, end);
    }

    public String strip() {
        char[] v = value;
        int begin = 0;
        int end = v.length;
        while (begin < end && Character.isWhitespace(v[begin]))
            begin++;
        while (end > begin && Character.isWhitespace(v[end - 1]))
            end--;
        return substring(begin, end);
    }

    public boolean isBlank() {
        for (int i = 0; i < value.length; i++)
            if (!Character.isWhitespace(value[i]))
                return false;
        return true;
    }

    public String repeat(int count) {
        if (count < 0)
            throw new IllegalArgumentException("count is negative: " + count);
        if (count == 1)
            return this;
        int n = value.length;
        if (n == 0 || count == 0)
            return "";
        if (Integer.MAX_VALUE / count < n)
            throw new OutOfMemoryError("Required length exceeds implementation limit");
        char[] w = new char[n * count];
        for (int i = 0; i < count; i++)
            System.arraycopy(value, 0, w, i * n, n);
        return new String(w, true);
    }

    public char[] toCharArray() {
        return copy(value, 0, value.length);
    }

    public String toString() {
        return this;
    }

    /** java returns one canonical object per content, the literals included. Here equal
     * literals are one object (the linker shares them) and intern returns this: a string built
     * at run time does not become identical to the literal of the same text. */
    public String intern() {
        return this;
    }

    public static String valueOf(Object obj) {
        return obj == null ? "null" : obj.toString();
    }

    public static String valueOf(char[] data) {
        return new String(data);
    }

    public static String valueOf(char[] data, int offset, int count) {
        return new String(data, offset, count);
    }

    public static String copyValueOf(char[] data) {
        return new String(data);
    }

    public static String copyValueOf(char[] data, int offset, int count) {
        return new String(data, offset, count);
    }

    public static String valueOf(boolean b) {
        return b ? "true" : "false";
    }

    public static String valueOf(char c) {
        char[] v = { c };
        return new String(v, true);
    }

    public static String valueOf(int i) {
        return Integer.toString(i);
    }

    public static String valueOf(long l) {
        return Long.toString(l);
    }

    public static String join(CharSequence delimiter, CharSequence... elements) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < elements.length; i++) {
            if (i > 0)
                sb.append(delimiter);
            sb.append(elements[i]);
        }
        return sb.toString();
    }
}
