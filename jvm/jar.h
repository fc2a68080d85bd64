/* jar.h -- reading class files (and the manifest) out of a .jar (a zip file) for the linker.
 *
 * The whole archive is read into memory and its central directory checked; entries are stored
 * or deflated (zlib's inflate). Built with JVM_LINK_ZLIB (mk/jvmlink.mk's JVM_LINK_CFLAGS and
 * JVM_LINK_LIBS); without it, opening a .jar fails with a message that says so.
 * Host C (C11, malloc). No globals.
 */
#ifndef JVM_JAR_H
#define JVM_JAR_H

#include <stddef.h>
#include <stdint.h>

typedef struct jvm_jar jvm_jar;

/* NULL with a one-line message in err when the file cannot be read or is not a valid zip */
jvm_jar *jvm_jar_open(const char *path, char *err, size_t errlen);
void jvm_jar_close(jvm_jar *j);
/* Entry `name` ("pkg/Main.class"): 1 and a malloc'd copy of its bytes in *out, *len; 0 when
 * there is no such entry; -1 with a message when it cannot be extracted. */
int jvm_jar_read(jvm_jar *j, const char *name, uint8_t **out, size_t *len, char *err,
                 size_t errlen);

#endif
