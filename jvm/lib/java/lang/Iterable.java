/* Iterable.java -- what the enhanced for statement iterates over. */
package java.lang;

public interface Iterable<T> {
    java.util.Iterator<T> iterator();
}
