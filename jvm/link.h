/* link.h -- the JVM guest's host linker (the "romizer"): class files in, one image out.
 *
 * jvm_link loads the main class and, on demand, every class its reachable code names, from the
 * program's class path and the class library's directory (the library first, as java's boot
 * class path); resolves and links them (JVMS chapter 5); keeps only the methods reachable from
 * main, the <clinit>s of classes that get initialized and the firmware's entry points; rewrites
 * their bytecode to the quick forms of jvm/image.h; computes GC maps; and lays everything out
 * as the image of jvm/image.h (docs/jvm.md, "The linker").
 *
 * Host C (C11, malloc). No globals: every call is independent.
 */
#ifndef JVM_LINK_H
#define JVM_LINK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    const char *const *classpath; int ncp;  /* directories or .jar files (a name ending in
                                             * ".jar") for program classes */
    const char *libdir;                     /* the class library's classes */
    const char *main_class;                 /* "pkg.Main" or "pkg/Main" */
    const char *const *args; int nargs;     /* main's String[] */
    uint32_t window_bytes;                  /* refuse an image that leaves no heap (0: no limit) */
} jvm_link_opts;

typedef struct { uint8_t *bytes; uint32_t size; } jvm_image_buf; /* little-endian */

/* exit statuses */
#define JVM_LINK_REFUSED 3 /* a program the VM refuses or cannot load */

/* 0 on success; else fills err (one line, no newline) and returns the exit status to use: 3 for
 * a program the VM refuses or cannot load */
int jvm_link(const jvm_link_opts *o, jvm_image_buf *out, char *err, size_t errlen);
void jvm_image_free(jvm_image_buf *img);

/* The image's bytes by kind (jvm_link_sized fills them; cms-jvmlink --dump prints them). */
#define JVM_SIZE_LIST(X) \
    X(HEADER, "header and class list") X(CLASSES, "classes and vtables") \
    X(ITABLES, "interface tables") X(METHODS, "method records") X(CODE, "quick bytecode") \
    X(TABLES, "handlers, lines, loops") X(GCMAPS, "GC maps") X(RCP, "resolved constants") \
    X(RECORDS, "field and interface records") X(STRINGS, "strings") X(STATICS, "statics") \
    X(ARGS, "main's String[]")
#define JVM_SIZE_ENUM(id, text) JVM_SIZE_##id,
enum { JVM_SIZE_LIST(JVM_SIZE_ENUM) JVM_SIZE_COUNT };
#undef JVM_SIZE_ENUM
/* jvm_link, and sizes[JVM_SIZE_COUNT] (may be NULL) filled on success */
int jvm_link_sized(const jvm_link_opts *o, jvm_image_buf *out, char *err, size_t errlen,
                   uint32_t *sizes);

/* for "cms-sim Foo.class": the class path and main class a class file implies (the folder that
 * holds the package's root; the name from this_class); for "cms-sim app.jar": the jar itself
 * and its manifest's Main-Class. 0 on success, else 3 with err. */
int jvm_main_from_file(const char *path, char *cpdir, size_t cplen, char *main, size_t mlen,
                       char *err, size_t errlen);

/* Prints an image (its header, classes, methods with their quick bytecode one instruction a
 * line, GC maps, loop headers, sizes) as cms-jvmlink --dump does. Reads only the image: 0 on
 * success, -1 (with a message on out) if the image is inconsistent. */
int jvm_image_dump(const uint8_t *img, uint32_t size, FILE *out);

#ifdef __cplusplus
}
#endif

#endif
