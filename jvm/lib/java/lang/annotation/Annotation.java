/* Annotation.java -- every annotation type extends it (javac needs it to compile the library's
 * annotation types; nothing reads annotations at run time here). */
package java.lang.annotation;

public interface Annotation {
    boolean equals(Object obj);

    int hashCode();

    String toString();

    Class<? extends Annotation> annotationType();
}
