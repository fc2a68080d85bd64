/* host_main.c -- build/jvm-host: link a Java program with the host linker (jvm/link.h) and run
 * it with the firmware's interpreter and collector (jvm/interp.c), natively, for fast tests.
 *
 *   jvm-host [-cp DIR] [--lib DIR] [--heap BYTES] [--window BYTES] [--stats] MAIN [ARGS...]
 *
 * Standard output and error and the exit status are the program's, as java's: System.exit's
 * argument (its low 8 bits), 1 after an uncaught exception, 0 when main returns. 3: the program
 * could not be linked (the linker's message); 4: the VM stopped on a fatal error; 64: bad
 * command line.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cms_defs.h"
#include "interp.h"
#include "link.h"

#ifndef JVM_DEFAULT_LIB /* the build gives the class library's absolute path */
#define JVM_DEFAULT_LIB "build/jvm/lib"
#endif

/* the window the simulator gives the guest with 512 KiB of DMEM (docs/jvm.md) */
#define HOST_DMEM_BYTES 0x80000u
#define HOST_WINDOW_BYTES (HOST_DMEM_BYTES - CMS_JVM_WINDOW_OFF - CMS_JVM_FW_STACK_BYTES)

typedef struct {
    struct timespec t0;
} host_clock;

static void host_write(void *ctx, int fd, const uint8_t *p, uint32_t n)
{
    (void)ctx;
    FILE *f = fd == 2 ? stderr : stdout;
    if (fd == 2)
        fflush(stdout);
    fwrite(p, 1, n, f);
    if (fd == 2)
        fflush(stderr);
}

static uint64_t host_nanos(void *ctx)
{
    host_clock *c = ctx;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)(t.tv_sec - c->t0.tv_sec) * 1000000000u + (uint64_t)t.tv_nsec -
           (uint64_t)c->t0.tv_nsec;
}

static int usage(const char *msg)
{
    if (msg)
        fprintf(stderr, "jvm-host: %s\n", msg);
    fprintf(stderr, "usage: jvm-host [-cp DIR] [--lib DIR] [--heap BYTES] [--window BYTES] [--stats]"
                    " MAIN [ARGS...]\n");
    return CMS_EXIT_USAGE;
}

static int parse_size(const char *s, uint32_t *v)
{
    char *end;
    unsigned long long x = strtoull(s, &end, 0);
    if (!*s || *end || x == 0 || x > 0x7fffffffull)
        return 0;
    *v = (uint32_t)x;
    return 1;
}

int main(int argc, char **argv)
{
    const char *cp = ".", *lib = JVM_DEFAULT_LIB;
    uint32_t heap = 0, window = HOST_WINDOW_BYTES;
    int stats = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--stats")) {
            stats = 1;
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(NULL);
            return 0;
        }
        if (i + 1 >= argc)
            return usage("an option lacks its value");
        if (!strcmp(a, "-cp") || !strcmp(a, "-classpath") || !strcmp(a, "--class-path"))
            cp = argv[++i];
        else if (!strcmp(a, "--lib"))
            lib = argv[++i];
        else if (!strcmp(a, "--heap")) {
            if (!parse_size(argv[++i], &heap))
                return usage("--heap: a positive byte count");
        } else if (!strcmp(a, "--window")) {
            if (!parse_size(argv[++i], &window))
                return usage("--window: a positive byte count");
        } else
            return usage("unknown option");
    }
    if (i >= argc)
        return usage("no main class");

    const char *cps[1] = {cp};
    jvm_link_opts o = {cps, 1, lib, argv[i], (const char *const *)argv + i + 1, argc - i - 1, 0};
    jvm_image_buf img = {0, 0};
    char err[1024];
    int st = jvm_link(&o, &img, err, sizeof err);
    if (st) {
        fprintf(stderr, "%s\n", err);
        return st;
    }
    if (heap) /* the image, two semispaces and a stack of the default policy's largest size */
        window = ((img.size + 7) & ~7u) + 2 * ((heap + 7) & ~7u) + 256 * 1024;
    if (window < img.size) {
        fprintf(stderr, "jvm-host: the image (%u bytes) does not fit in the window (%u bytes)\n",
                img.size, window);
        jvm_image_free(&img);
        return CMS_EXIT_LOAD_ERROR;
    }
    uint8_t *win = aligned_alloc(8, (window + 7) & ~7u);
    if (!win) {
        fprintf(stderr, "jvm-host: out of memory for a %u-byte window\n", window);
        jvm_image_free(&img);
        return CMS_EXIT_FAULT;
    }
    memset(win, 0, window);
    memcpy(win, img.bytes, img.size);
    uint32_t image_bytes = img.size;
    jvm_image_free(&img);

    host_clock clk;
    clock_gettime(CLOCK_MONOTONIC, &clk.t0);
    jvm_platform plat = {&clk, host_write, host_nanos, NULL, NULL};
    jvm_vm vm;
    const char *why = jvm_init(&vm, &plat, win, window, image_bytes, heap);
    if (why) {
        fprintf(stderr, "jvm-host: %s\n", why);
        free(win);
        return CMS_EXIT_LOAD_ERROR;
    }
    st = jvm_run(&vm);
    fflush(stdout);
    if (stats) {
        fprintf(stderr, "bytecodes executed        %llu\n", (unsigned long long)vm.bytecodes);
        fprintf(stderr, "invocations               %llu\n", (unsigned long long)vm.invocations);
        fprintf(stderr, "allocations               %u\n", vm.allocations);
        fprintf(stderr, "allocated bytes           %llu\n", (unsigned long long)vm.alloc_bytes);
        fprintf(stderr, "collections               %u\n", vm.gcs);
        fprintf(stderr, "heap high-water mark      %u\n", vm.heap_hwm);
        fprintf(stderr, "heap (one semispace)      %u\n", vm.semi_bytes);
    }
    free(win);
    if (vm.fatal) {
        fprintf(stderr, "jvm-host: fatal: %s (%u)\n", vm.fatal, vm.fatal_detail);
        return CMS_EXIT_FAULT;
    }
    return st & 0xff;
}
