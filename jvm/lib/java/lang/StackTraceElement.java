/* StackTraceElement.java -- one frame of a Throwable's trace, written as java writes it. The
 * library's classes (java.*) play java.base's part, so their frames say "java.base/" as java's. */
package java.lang;

public final class StackTraceElement implements java.io.Serializable {
    private final String declaringClass;
    private final String methodName;
    private final String fileName;
    private final int lineNumber;

    public StackTraceElement(String declaringClass, String methodName, String fileName, int lineNumber) {
        this.declaringClass = declaringClass;
        this.methodName = methodName;
        this.fileName = fileName;
        this.lineNumber = lineNumber;
    }

    public String getClassName() {
        return declaringClass;
    }

    public String getMethodName() {
        return methodName;
    }

    public String getFileName() {
        return fileName;
    }

    /** -1 without line numbers, -2 for a native method */
    public int getLineNumber() {
        return lineNumber;
    }

    public boolean isNativeMethod() {
        return lineNumber == -2;
    }

    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (declaringClass.startsWith("java."))
            sb.append("java.base/");
        sb.append(declaringClass).append('.').append(methodName).append('(');
        if (lineNumber == -2)
            sb.append("Native Method");
        else if (fileName == null)
            sb.append("Unknown Source");
        else if (lineNumber >= 0)
            sb.append(fileName).append(':').append(lineNumber);
        else
            sb.append(fileName);
        return sb.append(')').toString();
    }

    public boolean equals(Object obj) {
        if (obj == this)
            return true;
        if (!(obj instanceof StackTraceElement))
            return false;
        StackTraceElement e = (StackTraceElement) obj;
        return declaringClass.equals(e.declaringClass) && lineNumber == e.lineNumber
                && eq(methodName, e.methodName) && eq(fileName, e.fileName);
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    public int hashCode() {
        int result = 31 * declaringClass.hashCode() + methodName.hashCode();
        result = 31 * result + (fileName == null ? 0 : fileName.hashCode());
        return 31 * result + lineNumber;
    }
}
