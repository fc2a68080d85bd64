/* Class.java -- a class of the image is itself an object of this class (jvm/image.h,
 * jvm_class): the firmware answers the questions the header holds the answer to. */
package java.lang;

public final class Class<T> {
    private Class() {
    }

    /** "java.lang.String", "Outer$Inner", "[I", "[Ljava.lang.String;" */
    public native String getName();

    public native boolean isInstance(Object obj);

    public native boolean isInterface();

    public native boolean isArray();

    public native Class<? super T> getSuperclass();

    /** The name after the package and after the last '$' of a nested class; "int[]" style for
     * arrays. (java reads the InnerClasses attribute; this is the same for the named nested
     * classes a program declares, and anonymous classes keep their number.) */
    public String getSimpleName() {
        String name = getName();
        if (isArray()) {
            int dims = 0;
            while (name.charAt(dims) == '[')
                dims++;
            String elem;
            switch (name.charAt(dims)) {
            case 'Z': elem = "boolean"; break;
            case 'B': elem = "byte"; break;
            case 'C': elem = "char"; break;
            case 'S': elem = "short"; break;
            case 'I': elem = "int"; break;
            case 'J': elem = "long"; break;
            case 'F': elem = "float"; break;
            case 'D': elem = "double"; break;
            default:
                elem = simple(name.substring(dims + 1, name.length() - 1));
            }
            StringBuilder sb = new StringBuilder(elem);
            for (int i = 0; i < dims; i++)
                sb.append("[]");
            return sb.toString();
        }
        return simple(name);
    }

    private static String simple(String name) {
        int cut = name.lastIndexOf('.');
        int dollar = name.lastIndexOf('$');
        if (dollar > cut) {
            cut = dollar;
            // an anonymous class ("Outer$1") has the empty simple name in java
            boolean digits = dollar + 1 < name.length();
            for (int i = dollar + 1; i < name.length(); i++)
                if (!Character.isDigit(name.charAt(i)))
                    digits = false;
            if (digits)
                return "";
        }
        return name.substring(cut + 1);
    }

    /** The name with '$' of nested classes written '.', as Class.getCanonicalName gives it for
     * named member classes (what Enum.valueOf's message shows). */
    String dottedName() {
        return getName().replace('$', '.');
    }

    public String toString() {
        return (isInterface() ? "interface " : "class ") + getName();
    }

    /** javac's assert statement asks this; assertions are disabled, as java's default. */
    public boolean desiredAssertionStatus() {
        return false;
    }

    /** The enum constants, a copy, or null when this is not an enum class. */
    @SuppressWarnings("unchecked")
    public T[] getEnumConstants() {
        Object[] values = VM.enumValues(this);
        return values == null ? null : (T[]) values.clone();
    }

    public boolean isEnum() {
        return getSuperclass() == Enum.class && VM.enumValues(this) != null;
    }

    @SuppressWarnings("unchecked")
    public T cast(Object obj) {
        if (obj != null && !isInstance(obj))
            throw new ClassCastException("Cannot cast " + obj.getClass().getName() + " to " + getName());
        return (T) obj;
    }
}
