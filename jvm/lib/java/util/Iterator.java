/* Iterator.java -- what Iterable gives the enhanced for statement (the one java.util type a
 * program needs for it; the rest of java.util is not provided). */
package java.util;

public interface Iterator<E> {
    boolean hasNext();

    E next();

    default void remove() {
        throw new UnsupportedOperationException("remove");
    }
}
