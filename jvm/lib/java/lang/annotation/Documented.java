/* Documented.java -- for javac. */
package java.lang.annotation;

@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface Documented {
}
