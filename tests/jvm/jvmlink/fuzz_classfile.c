/* fuzz_classfile.c -- build/jvmlink-fuzz: seeded mutations of real class files through the
 * class file reader and the linker; built with ASan and UBSan, so a crash, an overflow or a
 * leak ends the run. make test-jvmlink runs a fixed seed and count (mk/jvmlink.mk).
 *
 *   jvmlink-fuzz --seed N --count N --lib DIR --tmp DIR SEED.class...
 *
 * Each mutant (bit flips, bytes and 16-bit words set to edge values, truncation, a chunk
 * deleted or repeated) is parsed by cf_parse; every 4th one that parses is also linked as a
 * main class against the library (jvm_link), from DIR/link/. The mutant being tried is kept
 * in DIR/current.class, so a crash leaves it behind. Exit 0 when every mutant was handled. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "classfile.h"
#include "link.h"

typedef struct {
    uint8_t *b;
    size_t n;
} blob;

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *s = x;
    return x;
}

static int read_all(const char *path, blob *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16, n = 0;
    uint8_t *b = malloc(cap);
    for (;;) {
        if (!b) {
            fclose(f);
            return -1;
        }
        n += fread(b + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        uint8_t *nb = realloc(b, cap);
        if (!nb)
            free(b);
        b = nb;
    }
    fclose(f);
    out->b = b;
    out->n = n;
    return 0;
}

static int write_all(const char *path, const uint8_t *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(b, 1, n, f) == n;
    return (fclose(f) == 0 && ok) ? 0 : -1;
}

static void mutate(uint64_t *s, uint8_t *b, size_t *n, size_t cap)
{
    static const uint16_t edge16[] = {0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xfffe, 0xffff};
    static const uint8_t edge8[] = {0, 1, 0x7f, 0x80, 0xfe, 0xff};
    int k = 1 + (int)(rng_next(s) % 2);
    for (int i = 0; i < k && *n > 0; i++) {
        size_t at = rng_next(s) % *n;
        switch (rng_next(s) % 7) {
        case 0: case 1:
            b[at] ^= (uint8_t)(1u << (rng_next(s) % 8));
            break;
        case 2:
            b[at] = edge8[rng_next(s) % sizeof edge8];
            break;
        case 3:
            if (at + 1 < *n) {
                uint16_t v = edge16[rng_next(s) % (sizeof edge16 / sizeof edge16[0])];
                b[at] = (uint8_t)(v >> 8);
                b[at + 1] = (uint8_t)v;
            }
            break;
        case 4: /* truncate, now and then (most mutants should still parse) */
            if (rng_next(s) % 4 == 0)
                *n = at;
            else
                b[at] = (uint8_t)rng_next(s);
            break;
        case 5: { /* delete a chunk */
            size_t len = 1 + rng_next(s) % 16;
            if (at + len > *n)
                len = *n - at;
            memmove(b + at, b + at + len, *n - at - len);
            *n -= len;
            break;
        }
        default: { /* repeat a chunk */
            size_t len = 1 + rng_next(s) % 16;
            if (at + len > *n)
                len = *n - at;
            if (*n + len <= cap) {
                memmove(b + at + len, b + at, *n - at);
                *n += len;
            }
            break;
        }
        }
    }
}

/* a main class name the fuzzer can write a file for: letters, digits, _ $ and / between them */
static int safe_name(const char *s)
{
    if (!*s || *s == '/' || strlen(s) > 200)
        return 0;
    for (const char *p = s; *p; p++) {
        int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                 *p == '_' || *p == '$' || (*p == '/' && p[1] && p[1] != '/');
        if (!ok)
            return 0;
    }
    return 1;
}

static void mkdirs(char *path) /* every folder of path (a file's path) */
{
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(path, 0777);
            *p = '/';
        }
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    long count = 1000;
    const char *lib = NULL, *tmp = NULL;
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (!strcmp(argv[i], "--seed"))
            seed = strtoull(argv[i + 1], NULL, 0);
        else if (!strcmp(argv[i], "--count"))
            count = strtol(argv[i + 1], NULL, 0);
        else if (!strcmp(argv[i], "--lib"))
            lib = argv[i + 1];
        else if (!strcmp(argv[i], "--tmp"))
            tmp = argv[i + 1];
        else
            break;
    }
    if (i >= argc || !lib || !tmp) {
        fprintf(stderr, "usage: jvmlink-fuzz --seed N --count N --lib DIR --tmp DIR SEED.class...\n");
        return 64;
    }
    int nseeds = argc - i;
    static blob seeds[1024]; /* static: a failing run's early return leaks nothing */
    if (nseeds > 1024) {
        fprintf(stderr, "jvmlink-fuzz: more than 1024 seed files\n");
        return 64;
    }
    size_t maxn = 0;
    for (int k = 0; k < nseeds; k++) {
        if (read_all(argv[i + k], &seeds[k]) != 0) {
            fprintf(stderr, "jvmlink-fuzz: %s: %s\n", argv[i + k], strerror(errno));
            return 64;
        }
        if (seeds[k].n > maxn)
            maxn = seeds[k].n;
    }
    mkdir(tmp, 0777);
    char cur[4096], linkdir[4096];
    snprintf(cur, sizeof cur, "%s/current.class", tmp);
    snprintf(linkdir, sizeof linkdir, "%s/link", tmp);
    mkdir(linkdir, 0777);
    size_t cap = maxn + 64;
    static uint8_t b[1 << 20];
    if (cap > sizeof b) {
        fprintf(stderr, "jvmlink-fuzz: a seed file larger than 1 MiB\n");
        return 64;
    }
    uint64_t s = seed * 0x9e3779b97f4a7c15ull + 1;
    long parsed = 0, linked = 0, link_ok = 0;
    FILE *devnull = fopen("/dev/null", "w");
    if (!devnull) {
        fprintf(stderr, "jvmlink-fuzz: cannot open /dev/null or out of memory\n");
        return 4;
    }
    char err[1024];
    for (long it = 0; it < count; it++) {
        blob *sd = &seeds[rng_next(&s) % (uint64_t)nseeds];
        size_t n = sd->n;
        memcpy(b, sd->b, n);
        mutate(&s, b, &n, cap);
        if (write_all(cur, b, n) != 0) {
            fprintf(stderr, "jvmlink-fuzz: %s: cannot write\n", cur);
            return 4;
        }
        cf_class *c = cf_parse(b, n, "mutant.class", err, sizeof err);
        if (!c) {
            if (!err[0] || strchr(err, '\n')) {
                fprintf(stderr, "jvmlink-fuzz: iteration %ld: a refusal without a one-line message\n", it);
                return 1;
            }
            continue;
        }
        parsed++;
        char name[256];
        snprintf(name, sizeof name, "%s", c->this_name);
        cf_free(c);
        if (it % 4 || !safe_name(name))
            continue;
        char path[4096 + 300];
        snprintf(path, sizeof path, "%s/%s.class", linkdir, name);
        mkdirs(path);
        if (write_all(path, b, n) != 0)
            continue;
        const char *cp[1] = {linkdir};
        jvm_link_opts o = {cp, 1, lib, name, NULL, 0, 0};
        jvm_image_buf img;
        linked++;
        int rc = jvm_link(&o, &img, err, sizeof err);
        if (rc == 0) {
            link_ok++;
            if (jvm_image_dump(img.bytes, img.size, devnull) < 0) {
                fprintf(stderr, "jvmlink-fuzz: iteration %ld: the image does not read back\n", it);
                return 1;
            }
            jvm_image_free(&img);
        } else if (rc != 3 || !err[0] || strchr(err, '\n')) {
            fprintf(stderr, "jvmlink-fuzz: iteration %ld: status %d, message %s\n", it, rc, err);
            return 1;
        }
        remove(path);
    }
    remove(cur);
    fclose(devnull);
    printf("jvmlink-fuzz: seed %llu: %ld mutants, %ld parsed, %ld linked (%ld images)\n",
           (unsigned long long)seed, count, parsed, linked, link_ok);
    for (int k = 0; k < nseeds; k++)
        free(seeds[k].b);
    return 0;
}
