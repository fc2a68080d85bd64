/* jvm_guest.c -- see jvm_guest.h. C11, also valid C++. */
#include "jvm_guest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cms_defs.h"

/* The class library's classes (mk/jvmlib.mk), as bare text like CMS_DEFAULT_FIRMWARE_PATH. */
#define JVM_GUEST_STR_(x) #x
#define JVM_GUEST_STR(x) JVM_GUEST_STR_(x)
#if defined(CMS_DEFAULT_JVM_LIB_PATH)
#define CMS_DEFAULT_JVM_LIB JVM_GUEST_STR(CMS_DEFAULT_JVM_LIB_PATH)
#else
#define CMS_DEFAULT_JVM_LIB "build/jvm/lib"
#endif

#define ERR_BYTES 1024
#define PATH_BYTES 4096

const char *jvm_guest_default_lib(void)
{
    return CMS_DEFAULT_JVM_LIB;
}

int jvm_guest_link(const cms_opts_t *o, const char *tool, uint32_t window_bytes, jvm_image_buf *img)
{
    char err[ERR_BYTES], cpdir[PATH_BYTES], main_class[PATH_BYTES];
    const char *cp = o->classpath, *main = o->program;
    int rc = CMS_EXIT_FAULT;

    memset(img, 0, sizeof *img);
    if (!cp) {
        /* "cms-sim Foo.class" (or a .jar): the file says which class and where its root is */
        int e = jvm_main_from_file(o->program, cpdir, sizeof cpdir, main_class, sizeof main_class,
                                   err, sizeof err);
        if (e != 0) {
            fprintf(stderr, "%s: %s\n", tool, err);
            return CMS_EXIT_LOAD_ERROR;
        }
        cp = cpdir;
        main = main_class;
    }
    /* the class path: ':'-separated, as java's; an empty element is the current directory */
    char *cpcopy = (char *)malloc(strlen(cp) + 1);
    const char **dirs = (const char **)calloc(strlen(cp) + 2, sizeof *dirs);
    if (!cpcopy || !dirs) {
        fprintf(stderr, "%s: out of memory\n", tool);
        goto out;
    }
    strcpy(cpcopy, cp);
    int ncp = 0;
    for (char *s = cpcopy;;) {
        char *colon = strchr(s, ':');
        if (colon)
            *colon = '\0';
        dirs[ncp++] = *s ? s : ".";
        if (!colon)
            break;
        s = colon + 1;
    }
    jvm_link_opts lo;
    memset(&lo, 0, sizeof lo);
    lo.classpath = dirs;
    lo.ncp = ncp;
    lo.libdir = o->jvm_lib ? o->jvm_lib : CMS_DEFAULT_JVM_LIB;
    lo.main_class = main;
    lo.args = (const char *const *)o->java_args;
    lo.nargs = o->njava_args;
    lo.window_bytes = window_bytes;
    rc = jvm_link(&lo, img, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", tool, err);
        jvm_image_free(img);
    }
out:
    free(dirs);
    free(cpcopy);
    return rc;
}
