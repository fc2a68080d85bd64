/* Retention.java -- for javac. */
package java.lang.annotation;

@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface Retention {
    RetentionPolicy value();
}
