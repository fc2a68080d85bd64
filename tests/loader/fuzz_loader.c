/* fuzz_loader.c -- build/ssem-load-fuzz: feed the SSEM loader random and mutated files.
 *
 * usage: ssem-load-fuzz [--seed N] [--iterations N] --tmp PATH [SEEDFILE...]
 *
 * Each iteration takes a seed file (or random bytes), mutates it, writes it to PATH plus one
 * of the extensions the loader treats specially, and loads it with a random program index and
 * error-buffer size. The loader must return 0 or -1; on -1 the message must read
 * "PATH:LINE: reason" and the image must be all zero. Built with ASan/UBSan, any memory error
 * stops the run. Deterministic for a given seed and seed-file list.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ssem_load.h"

#define MAX_SEEDS 256
#define MAX_INPUT 65536

typedef struct {
    unsigned char *data;
    size_t len;
} blob_t;

static uint64_t rng_state;

static uint64_t rnd(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

static size_t below(size_t n) { return n ? (size_t)(rnd() % n) : 0; }

static const char alphabet[] = "0123456789abcdefxX01010101:;--\n\n\n   \t\r,=-+._$"
                               "NUMLDNSTOSUBCMPJMPJRPSTPHLTSKNEJABINmemory_initialization_";
static const char *snippets[] = {
    "LDN 31", "NUM -2147483648", "NUM 4294967295", "NUM 4294967296", "JMP 32", "31:", "32:",
    "00000000000000000000000000000001", "0x", "0xFFFFFFFF", "0x100000000", "lbl:", "EJA lbl",
    "memory_initialization_radix=2;", "memory_initialization_vector=", "radix=16;", ";", "--",
    "99999999999999999999999999", "STOP", "BNUM 0101", "\n00: ", "\r\n", "\x00", "\xff\xfe",
};

static int load_blob(const char *path, blob_t *b)
{
    FILE *f = fopen(path, "rb");
    long n;
    if (!f)
        return -1;
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || n > MAX_INPUT / 2 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return -1;
    }
    b->data = malloc((size_t)n + 1);
    if (!b->data) {
        fclose(f);
        return -1;
    }
    b->len = fread(b->data, 1, (size_t)n, f);
    if (ferror(f)) {
        fclose(f);
        free(b->data);
        return -1;
    }
    fclose(f);
    return 0;
}

static void insert(unsigned char *buf, size_t *len, size_t at, const void *src, size_t n)
{
    if (*len + n > MAX_INPUT)
        return;
    memmove(buf + at + n, buf + at, *len - at);
    memcpy(buf + at, src, n);
    *len += n;
}

static void mutate(unsigned char *buf, size_t *len)
{
    size_t at = below(*len + 1), n;
    switch (below(8)) {
    case 0: /* overwrite a byte with anything */
        if (*len)
            buf[below(*len)] = (unsigned char)rnd();
        break;
    case 1: /* overwrite a byte with a likely character */
        if (*len)
            buf[below(*len)] = (unsigned char)alphabet[below(sizeof alphabet - 1)];
        break;
    case 2: { /* insert a likely character */
        unsigned char ch = (unsigned char)alphabet[below(sizeof alphabet - 1)];
        insert(buf, len, at, &ch, 1);
        break;
    }
    case 3: { /* insert a snippet */
        const char *s = snippets[below(sizeof snippets / sizeof snippets[0])];
        insert(buf, len, at, s, strlen(s) ? strlen(s) : 1);
        break;
    }
    case 4: /* delete a range */
        n = below(*len - at + 1);
        if (n > 64)
            n = below(64);
        memmove(buf + at, buf + at + n, *len - at - n);
        *len -= n;
        break;
    case 5: /* duplicate a range */
        n = below(*len - at + 1);
        if (n > 200)
            n = 200;
        if (*len + n <= MAX_INPUT) {
            memmove(buf + at + n, buf + at, *len - at);
            *len += n;
        }
        break;
    case 6: /* truncate */
        *len = at;
        break;
    default: { /* a long line */
        size_t k = 1 + below(5000);
        unsigned char ch = (unsigned char)alphabet[below(sizeof alphabet - 1)];
        if (*len + k <= MAX_INPUT) {
            memmove(buf + at + k, buf + at, *len - at);
            memset(buf + at, ch, k);
            *len += k;
        }
        break;
    }
    }
}

int main(int argc, char **argv)
{
    static blob_t seeds[MAX_SEEDS];
    static unsigned char buf[MAX_INPUT];
    static const char *exts[] = {"", ".hex", ".coe", ".snp", ".ssem"};
    static const int indexes[] = {-1, 0, 0, 1, 3, 4, 100, -5};
    static const size_t errlens[] = {512, 512, 512, 0, 1, 9, 40};
    unsigned long long seed = 1, iterations = 10000, loaded = 0, rejected = 0;
    const char *tmp = NULL;
    size_t nseeds = 0;
    char path[4096];

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--iterations") && i + 1 < argc)
            iterations = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--tmp") && i + 1 < argc)
            tmp = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: ssem-load-fuzz [--seed N] [--iterations N] --tmp PATH "
                            "[SEEDFILE...]\n");
            return 64;
        } else if (nseeds < MAX_SEEDS && load_blob(argv[i], &seeds[nseeds]) == 0)
            nseeds++;
    }
    if (!tmp || strlen(tmp) > sizeof path - 16) {
        fprintf(stderr, "ssem-load-fuzz: --tmp PATH is required\n");
        return 64;
    }
    rng_state = seed * 0x9E3779B97F4A7C15ull + 1;

    for (unsigned long long it = 0; it < iterations; it++) {
        size_t len = 0, nmut;
        int index = indexes[below(sizeof indexes / sizeof indexes[0])];
        size_t errlen = errlens[below(sizeof errlens / sizeof errlens[0])];
        char err[512];
        ssem_image_t img;
        FILE *f;
        int rc;

        if (nseeds == 0 || below(10) == 0) {
            len = below(400);
            for (size_t k = 0; k < len; k++)
                buf[k] = below(2) ? (unsigned char)alphabet[below(sizeof alphabet - 1)]
                                  : (unsigned char)rnd();
        } else {
            const blob_t *b = &seeds[below(nseeds)];
            len = b->len;
            memcpy(buf, b->data, len);
        }
        nmut = below(2) ? below(3) : below(9);
        for (size_t k = 0; k < nmut; k++)
            mutate(buf, &len);

        snprintf(path, sizeof path, "%s%s", tmp, exts[below(sizeof exts / sizeof exts[0])]);
        f = fopen(path, "wb");
        if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
            fprintf(stderr, "ssem-load-fuzz: cannot write %s\n", path);
            return 1;
        }
        memset(err, 'X', sizeof err);
        memset(&img, 0x5a, sizeof img);
        rc = ssem_load_file(path, index, &img, errlen ? err : NULL, errlen);
        if (rc == 0) {
            loaded++;
            continue;
        }
        rejected++;
        {
            const char *problem = NULL;
            size_t pl = strlen(path);
            ssem_image_t zero;
            memset(&zero, 0, sizeof zero);
            if (rc != -1)
                problem = "return value is neither 0 nor -1";
            else if (memcmp(&img, &zero, sizeof img) != 0)
                problem = "image not cleared on failure";
            else if (errlen > 0 && memchr(err, 0, errlen) == NULL)
                problem = "error message not terminated";
            else if (errlen == sizeof err) {
                const char *p = err + pl;
                if (strncmp(err, path, pl) != 0 || *p != ':')
                    problem = "error message does not start with the file name";
                else {
                    p++;
                    if (*p < '0' || *p > '9')
                        problem = "error message has no line number";
                    while (*p >= '0' && *p <= '9')
                        p++;
                    if (!problem && (p[0] != ':' || p[1] != ' ' || p[2] == 0))
                        problem = "error message has no reason";
                }
            }
            if (problem) {
                char failpath[4200];
                snprintf(failpath, sizeof failpath, "%s.fail", path);
                fprintf(stderr, "ssem-load-fuzz: iteration %llu: %s (index %d): %.200s\n", it,
                        problem, index, errlen ? err : "");
                f = fopen(failpath, "wb");
                if (f) {
                    fwrite(buf, 1, len, f);
                    fclose(f);
                    fprintf(stderr, "ssem-load-fuzz: input saved as %s\n", failpath);
                }
                return 1;
            }
        }
    }
    for (size_t k = 0; k < nseeds; k++)
        free(seeds[k].data);
    for (size_t k = 0; k < sizeof exts / sizeof exts[0]; k++) {
        snprintf(path, sizeof path, "%s%s", tmp, exts[k]);
        remove(path);
    }
    printf("fuzz: %llu inputs from %zu seed files, %llu loaded, %llu rejected cleanly, "
           "0 problems\n",
           iterations, nseeds, loaded, rejected);
    return 0;
}
