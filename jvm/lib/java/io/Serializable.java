/* Serializable.java -- a marker (nothing is serialized here). */
package java.io;

public interface Serializable {
}
