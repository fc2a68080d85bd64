/* cms_tx.c -- build/cms-tx: show what the SSEM translator (translator/ssem_tx.h) makes of a
 * program: the regions it chooses, their IR before and after optimization, their bundles,
 * metadata and statistics. The profile comes from the reference interpreter.
 *
 *   build/cms-tx PROGRAM [--slots N] [--entry LINE] [--profile-steps N | --profile FILE]
 *
 * Exit status: 0, 3 unloadable program (or profile file), 64 bad command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ssem_load.h"
#include "ssem_ref.h"
#include "ssem_tx.h"

static const char *prog = "cms-tx";

static int usage(FILE *f, int st)
{
    fprintf(f, "usage: %s PROGRAM [--slots N] [--entry LINE] [--profile-steps N | --profile FILE]\n"
               "Show the regions the SSEM translator chooses for PROGRAM, their IR (before and\n"
               "after optimization), bundles, metadata and statistics.\n"
               "  --slots N          2 or 4 (default 4)\n"
               "  --entry LINE       translate only the region entered at LINE (0..31); default:\n"
               "                     the hottest line, then the hottest line outside it, ...\n"
               "  --profile-steps N  profile by running the reference N steps (default 100000)\n"
               "  --profile FILE     32 numbers: times each line executed\n"
               "exit status: 0 ok, 3 unloadable program or profile, 64 usage\n", prog);
    return st;
}

static int bad(const char *msg, const char *arg)
{
    fprintf(stderr, "%s: %s%s%s\nTry '%s --help'.\n", prog, msg, arg ? " " : "", arg ? arg : "", prog);
    return 64;
}

static int num(const char *s, unsigned long max, unsigned long *v)
{
    char *e;
    if (!s || !*s || *s == '-') return -1;
    *v = strtoul(s, &e, 10);
    return (*e || *v > max) ? -1 : 0;
}

static stx_work work;
static char text[1 << 18];
static uint32_t words[4096];

int main(int argc, char **argv)
{
    const char *path = NULL, *pfile = NULL;
    unsigned long slots = 4, entry = 99, psteps = 100000;
    uint32_t profile[32] = {0}, done = 0;
    ssem_image_t img;
    ssem_state_t st;
    char err[4608];
    int nreg = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) return usage(stdout, 0);
        if (!strcmp(a, "--slots") || !strcmp(a, "--entry") || !strcmp(a, "--profile-steps") ||
            !strcmp(a, "--profile")) {
            if (i + 1 >= argc) return bad("option needs a value:", a);
            const char *v = argv[++i];
            if (!strcmp(a, "--slots")) {
                if (num(v, 8, &slots) || (slots != 2 && slots != 4)) return bad("--slots takes 2 or 4, not", v);
            } else if (!strcmp(a, "--entry")) {
                if (num(v, 31, &entry)) return bad("--entry takes a line 0..31, not", v);
            } else if (!strcmp(a, "--profile-steps")) {
                if (num(v, 4000000000ul, &psteps)) return bad("--profile-steps takes a number, not", v);
            } else {
                pfile = v;
            }
            continue;
        }
        if (a[0] == '-' && a[1]) return bad("unknown option", a);
        if (path) return bad("more than one PROGRAM:", a);
        path = a;
    }
    if (!path) return bad("no PROGRAM given", NULL);
    if (ssem_load_file(path, -1, &img, err, sizeof err)) {
        fprintf(stderr, "%s: %s\n", prog, err);
        return 3;
    }
    if (pfile) {
        FILE *f = fopen(pfile, "r");
        if (!f) { fprintf(stderr, "%s: %s: cannot open\n", prog, pfile); return 3; }
        for (int i = 0; i < 32; i++) {
            unsigned long v;
            if (fscanf(f, "%lu", &v) != 1) { fprintf(stderr, "%s: %s: needs 32 numbers\n", prog, pfile); fclose(f); return 3; }
            profile[i] = (uint32_t)v;
        }
        fclose(f);
    } else {
        ssem_ref_init(&st, &img);
        while (!st.halted && st.steps < psteps) {
            profile[(st.ci + 1u) & 31u]++;
            ssem_ref_run(&st, st.steps + 1);
        }
        printf("profile: %llu steps%s\n", (unsigned long long)st.steps, st.halted ? " (halted)" : "");
    }
    printf("profile by line:");
    for (int i = 0; i < 32; i++) printf(" %u", profile[i]);
    printf("\n");
    for (;;) {
        unsigned e = 99;
        uint32_t best = 0;
        stx_err r;
        if (entry != 99) {
            if (nreg) break;
            e = (unsigned)entry;
        } else {
            for (unsigned l = 0; l < 32; l++)
                if (!(done >> l & 1u) && profile[l] > best) { best = profile[l]; e = l; }
            if (e == 99) break;
        }
        nreg++;
        printf("\n==== region %d (entry line %u, SLOTS=%lu)\n", nreg, e, slots);
        r = stx_region(&work, img.store, profile, e, (unsigned)slots);
        if (!r) { stx_print_region(&work, text, sizeof text); fputs(text, stdout); }
        if (!r) r = stx_build_ir(&work);
        if (!r) { printf("\n-- IR before optimization\n"); stx_print_naive(&work, text, sizeof text); fputs(text, stdout); }
        if (!r) r = stx_optimize(&work);
        if (!r) { printf("\n-- IR after optimization\n"); stx_print_opt(&work, text, sizeof text); fputs(text, stdout); }
        if (!r) r = stx_schedule(&work);
        if (!r) r = stx_link(&work, 0x20000);
        if (r) {
            printf("translation failed: %s\n", stx_err_str(r));
            done |= 1u << e;
            continue;
        }
        printf("\n-- bundles\n");
        stx_print_bundles(&work, text, sizeof text);
        fputs(text, stdout);
        stx_print_meta(&work.meta, text, sizeof text);
        fputs(text, stdout);
        printf("statistics: %u operations in %u bundles: %.2f operations per bundle\n",
               work.meta.nops, work.meta.nbundles,
               work.meta.nbundles ? (double)work.meta.nops / work.meta.nbundles : 0.0);
        done |= work.region;
        (void)words;
    }
    return 0;
}
