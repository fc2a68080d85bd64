/* Comparable.java -- the natural order of a class. */
package java.lang;

public interface Comparable<T> {
    int compareTo(T o);
}
