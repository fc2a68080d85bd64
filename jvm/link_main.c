/* link_main.c -- build/cms-jvmlink: link a Java program into a JVM guest image (jvm/link.h).
 *
 *   cms-jvmlink [-cp PATH] [--lib DIR] [-o IMAGE] [--dump] [--window BYTES] MAIN [ARGS...]
 *   cms-jvmlink [options] path/to/pkg/Main.class [ARGS...]
 *   cms-jvmlink [options] app.jar [ARGS...]
 *
 * Exit status: 0 linked, 3 the program is refused or cannot be loaded, 4 the image could not
 * be written, 64 bad command line. The image is written to a temporary file beside IMAGE and
 * renamed into place: never a partial file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "link.h"

#ifndef JVM_DEFAULT_LIB
#define JVM_DEFAULT_LIB "build/jvm/lib"
#endif

static void usage(FILE *f)
{
    fprintf(f,
            "usage: cms-jvmlink [-cp PATH] [--lib DIR] [-o IMAGE] [--dump] [--window BYTES] "
            "MAIN [ARGS...]\n"
            "  -cp PATH        the program's class path: folders and .jar files separated by\n"
            "                  ':' (default .)\n"
            "  --lib DIR       the class library's classes (default " JVM_DEFAULT_LIB ")\n"
            "  -o IMAGE        write the image there (little-endian, jvm/image.h)\n"
            "  --dump          print the classes, methods, quick bytecode, GC maps and sizes\n"
            "  --window BYTES  refuse an image that leaves no heap in a window of this size\n"
            "  MAIN            the main class (pkg.Main or pkg/Main), or its class file (the\n"
            "                  class path is then the folder of its package's root), or a\n"
            "                  .jar (the class path; the main class its manifest's\n"
            "                  Main-Class); ARGS: main's String[]\n"
            "exit status: 0 linked, 3 refused or not loadable, 4 output not written, 64 usage\n");
}

static int write_file(const char *path, const uint8_t *b, uint32_t n)
{
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 32);
    if (!tmp)
        return -1;
    snprintf(tmp, pl + 32, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(b, 1, n, f) == n;
    if (f && fclose(f) != 0)
        ok = 0;
    if (ok && rename(tmp, path) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "cms-jvmlink: %s: %s\n", path, strerror(errno));
        remove(tmp);
    }
    free(tmp);
    return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    const char *cp = ".", *lib = JVM_DEFAULT_LIB, *outp = NULL;
    int dump = 0;
    unsigned long window = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if ((!strcmp(a, "-cp") || !strcmp(a, "-classpath") || !strcmp(a, "--lib") ||
             !strcmp(a, "-o") || !strcmp(a, "--window")) && i + 1 >= argc) {
            fprintf(stderr, "cms-jvmlink: %s needs a value\n", a);
            return 64;
        }
        if (!strcmp(a, "-cp") || !strcmp(a, "-classpath")) {
            cp = argv[++i];
        } else if (!strcmp(a, "--lib")) {
            lib = argv[++i];
        } else if (!strcmp(a, "-o")) {
            outp = argv[++i];
        } else if (!strcmp(a, "--window")) {
            char *end;
            errno = 0;
            window = strtoul(argv[++i], &end, 0);
            if (errno || *end || !*argv[i] || window > 0xffffffffu) {
                fprintf(stderr, "cms-jvmlink: --window %s: not a byte count\n", argv[i]);
                return 64;
            }
        } else if (!strcmp(a, "--dump")) {
            dump = 1;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "cms-jvmlink: unknown option %s\n", a);
            usage(stderr);
            return 64;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return 64;
    }
    const char *main_class = argv[i++];
    /* MAIN.class: its folder (the package's root) is the class path, its class the main one;
     * APP.jar: the jar is the class path, its manifest's Main-Class the main class */
    static char cpdir[4096], mainbuf[1024];
    size_t ml = strlen(main_class);
    if ((ml > 6 && !strcmp(main_class + ml - 6, ".class")) ||
        (ml > 4 && !strcmp(main_class + ml - 4, ".jar"))) {
        char err[1024];
        int rc = jvm_main_from_file(main_class, cpdir, sizeof cpdir, mainbuf, sizeof mainbuf, err,
                                    sizeof err);
        if (rc) {
            fprintf(stderr, "cms-jvmlink: %s\n", err);
            return rc;
        }
        cp = cpdir;
        main_class = mainbuf;
    }
    /* the class path, split at ':' */
    char *cpbuf = malloc(strlen(cp) + 1);
    const char **dirs = malloc(sizeof(char *) * (strlen(cp) + 1));
    if (!cpbuf || !dirs) {
        fprintf(stderr, "cms-jvmlink: out of memory\n");
        return 4;
    }
    strcpy(cpbuf, cp);
    int ndirs = 0;
    for (char *s = cpbuf;;) {
        char *e = strchr(s, ':');
        if (e)
            *e = 0;
        if (*s)
            dirs[ndirs++] = s;
        if (!e)
            break;
        s = e + 1;
    }
    jvm_link_opts o = {dirs, ndirs, lib, main_class, (const char *const *)argv + i, argc - i,
                       (uint32_t)window};
    jvm_image_buf img;
    char err[1024];
    uint32_t sizes[JVM_SIZE_COUNT];
    int rc = jvm_link_sized(&o, &img, err, sizeof err, sizes);
    free(cpbuf);
    free(dirs);
    if (rc) {
        fprintf(stderr, "cms-jvmlink: %s\n", err);
        return rc;
    }
    int status = 0;
    if (dump && jvm_image_dump(img.bytes, img.size, stdout) != 0)
        status = 4;
    if (dump) {
        static const char *const names[] = {
#define JVM_SIZE_NAME(id, text) text,
            JVM_SIZE_LIST(JVM_SIZE_NAME)
#undef JVM_SIZE_NAME
        };
        for (int k = 0; k < JVM_SIZE_COUNT; k++)
            printf("  %-30s %7u bytes\n", names[k], sizes[k]);
    }
    if (outp && write_file(outp, img.bytes, img.size) != 0)
        status = 4;
    jvm_image_free(&img);
    return status;
}
