/* Record.java -- the base of record classes (javac 16+). Their equals, hashCode and toString
 * are invokedynamic call sites (ObjectMethods), which the linker refuses; a record that
 * declares its own may run. */
package java.lang;

public abstract class Record {
    protected Record() {
    }

    public abstract boolean equals(Object obj);

    public abstract int hashCode();

    public abstract String toString();
}
