/* Object.java -- the root of every class. getClass, hashCode and clone are the firmware's
 * (jvm/natives.def); the rest is Java. Single-threaded: there is no wait/notify. */
package java.lang;

public class Object {
    public Object() {
    }

    public final native Class<?> getClass();

    /** The identity hash (the object's header word 1, made non-zero on first use). */
    public native int hashCode();

    public boolean equals(Object obj) {
        return this == obj;
    }

    /** Arrays: a shallow copy. Objects: CloneNotSupportedException unless the class implements
     * Cloneable, else a shallow copy. */
    protected native Object clone() throws CloneNotSupportedException;

    public String toString() {
        return getClass().getName() + "@" + Integer.toHexString(hashCode());
    }
}
