/* AbstractStringBuilder.java -- the growable char array StringBuilder and StringBuffer share
 * (as java's own: package-private). Messages as java 17 gives them. */
package java.lang;

abstract class AbstractStringBuilder implements CharSequence {
    char[] value;
    int count;

    AbstractStringBuilder(int capacity) {
        value = new char[capacity]; // a negative capacity: NegativeArraySizeException, as java
    }

    public int length() {
        return count;
    }

    public int capacity() {
        return value.length;
    }

    public void ensureCapacity(int minimumCapacity) {
        if (minimumCapacity > value.length)
            grow(minimumCapacity);
    }

    private void grow(int minimumCapacity) {
        int n = value.length * 2 + 2;
        if (n < minimumCapacity)
            n = minimumCapacity;
        char[] v = new char[n];
        System.arraycopy(value, 0, v, 0, count);
        value = v;
    }

    public void trimToSize() {
        if (count < value.length) {
            char[] v = new char[count];
            System.arraycopy(value, 0, v, 0, count);
            value = v;
        }
    }

    public void setLength(int newLength) {
        if (newLength < 0)
            throw new StringIndexOutOfBoundsException("String index out of range: " + newLength);
        if (newLength > value.length)
            grow(newLength);
        for (int i = count; i < newLength; i++)
            value[i] = '\0';
        count = newLength;
    }

    static void checkIndex(int index, int length) {
        if (index < 0 || index >= length)
            throw new StringIndexOutOfBoundsException("index " + index + ", length " + length);
    }

    static void checkOffset(int offset, int length) {
        if (offset < 0 || offset > length)
            throw new StringIndexOutOfBoundsException("offset " + offset + ", length " + length);
    }

    static void checkRange(int start, int end, int length, boolean stringIndex) {
        if (start < 0 || start > end || end > length) {
            String m = "start " + start + ", end " + end + ", length " + length;
            throw stringIndex ? new StringIndexOutOfBoundsException(m) : new IndexOutOfBoundsException(m);
        }
    }

    public char charAt(int index) {
        checkIndex(index, count);
        return value[index];
    }

    public void setCharAt(int index, char ch) {
        checkIndex(index, count);
        value[index] = ch;
    }

    public int codePointAt(int index) {
        checkIndex(index, count);
        char c = value[index];
        if (Character.isHighSurrogate(c) && index + 1 < count && Character.isLowSurrogate(value[index + 1]))
            return Character.toCodePoint(c, value[index + 1]);
        return c;
    }

    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        checkRange(srcBegin, srcEnd, count, true);
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }

    public int indexOf(String str) {
        return String.indexOf(value, count, str.toCharArray(), 0);
    }

    public int indexOf(String str, int fromIndex) {
        return String.indexOf(value, count, str.toCharArray(), fromIndex);
    }

    public int lastIndexOf(String str) {
        return String.lastIndexOf(value, count, str.toCharArray(), count);
    }

    public int lastIndexOf(String str, int fromIndex) {
        return String.lastIndexOf(value, count, str.toCharArray(), fromIndex);
    }

    public String substring(int start) {
        return substring(start, count);
    }

    public String substring(int start, int end) {
        checkRange(start, end, count, true);
        return new String(value, start, end - start);
    }

    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    public String toString() {
        return new String(value, 0, count);
    }

    // ---- the implementations StringBuilder's and StringBuffer's methods return through

    final void appendString(String str) {
        if (str == null)
            str = "null";
        int n = str.length();
        int c = count;
        if (c + n > value.length)
            grow(c + n);
        str.getChars(0, n, value, c);
        count = c + n;
    }

    final void appendChar(char c) {
        if (count == value.length)
            grow(count + 1);
        value[count++] = c;
    }

    final void appendChars(char[] str, int offset, int len) {
        if (offset < 0 || len < 0 || offset > str.length - len)
            throw new IndexOutOfBoundsException("start " + offset + ", end " + (offset + len) + ", length " + str.length);
        if (count + len > value.length)
            grow(count + len);
        System.arraycopy(str, offset, value, count, len);
        count += len;
    }

    final void appendSeq(CharSequence s, int start, int end) {
        if (s == null)
            s = "null";
        checkRange(start, end, s.length(), false);
        if (count + end - start > value.length)
            grow(count + end - start);
        for (int i = start; i < end; i++)
            value[count++] = s.charAt(i);
    }

    /** Digits of i at the end, without a temporary string. */
    final void appendInt(int i) {
        if (count + 11 > value.length)
            grow(count + 11);
        count = Integer.putChars(i, value, count);
    }

    final void appendLong(long l) {
        if (count + 20 > value.length)
            grow(count + 20);
        count = Long.putChars(l, value, count);
    }

    /** Opens a gap of len chars at offset (checked by the caller). */
    final void gap(int offset, int len) {
        if (count + len > value.length)
            grow(count + len);
        System.arraycopy(value, offset, value, offset + len, count - offset);
        count += len;
    }

    final void insertString(int offset, String str) {
        checkOffset(offset, count);
        if (str == null)
            str = "null";
        int n = str.length();
        gap(offset, n);
        str.getChars(0, n, value, offset);
    }

    final void insertChars(int index, char[] str, int offset, int len) {
        checkOffset(index, count);
        checkRange(offset, offset + len, str.length, true);
        gap(index, len);
        System.arraycopy(str, offset, value, index, len);
    }

    final void insertChar(int offset, char c) {
        checkOffset(offset, count);
        gap(offset, 1);
        value[offset] = c;
    }

    final void deleteRange(int start, int end) {
        if (end > count)
            end = count;
        checkRange(start, end, count, true);
        System.arraycopy(value, end, value, start, count - end);
        count -= end - start;
    }

    final void deleteAt(int index) {
        checkIndex(index, count);
        System.arraycopy(value, index + 1, value, index, count - index - 1);
        count--;
    }

    final void replaceRange(int start, int end, String str) {
        if (end > count)
            end = count;
        checkRange(start, end, count, true);
        int n = str.length();
        int newCount = count + n - (end - start);
        if (newCount > value.length)
            grow(newCount);
        System.arraycopy(value, end, value, start + n, count - end);
        str.getChars(0, n, value, start);
        count = newCount;
    }

    final void appendCodePointImpl(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            appendChar((char) codePoint);
        } else {
            char[] cs = Character.toChars(codePoint);
            appendChars(cs, 0, 2);
        }
    }

    final int compareChars(AbstractStringBuilder another) {
        int n = Math.min(count, another.count);
        for (int i = 0; i < n; i++)
            if (value[i] != another.value[i])
                return value[i] - another.value[i];
        return count - another.count;
    }

    /** java's reverse: surrogate pairs keep their order. */
    final void reverseChars() {
        char[] v = value;
        int n = count;
        boolean surrogates = false;
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            char a = v[i];
            char b = v[j];
            v[i] = b;
            v[j] = a;
            if (Character.isSurrogate(a) || Character.isSurrogate(b))
                surrogates = true;
        }
        if (surrogates) {
            for (int i = 0; i < n - 1; i++) {
                if (Character.isLowSurrogate(v[i]) && Character.isHighSurrogate(v[i + 1])) {
                    char t = v[i];
                    v[i] = v[i + 1];
                    v[i + 1] = t;
                    i++;
                }
            }
        }
    }
}
