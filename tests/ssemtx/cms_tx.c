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
#include "nm_model.h"
#include "ssem_tx.h"

static const char *prog = "cms-tx";

static int usage(FILE *f, int st)
{
    fprintf(f, "usage: %s PROGRAM [--slots N] [--entry LINE] [--profile-steps N | --profile FILE]\n"
               "       [--measure-steps N]\n"
               "Show the regions the SSEM translator chooses for PROGRAM, their IR (before and\n"
               "after optimization), bundles, metadata and statistics.\n"
               "  --slots N          2 or 4 (default 4)\n"
               "  --entry LINE       translate only the region entered at LINE (0..31); default:\n"
               "                     the hottest line, then the hottest line outside it, ...\n"
               "  --profile-steps N  profile by running the reference N steps (default 100000)\n"
               "  --profile FILE     32 numbers: times each line executed\n"
               "  --measure-steps N  then run N more steps with the translations on the C model of\n"
               "                     translation mode (default 200000; 0: none; not with --profile)\n"
               "                     and print bundles per guest instruction translated\n"
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
static nm_state model;
static stx_meta metas[32];
static bool have[32];
#define GW_PHYS (CMS_DMEM_BASE + 0x4000u)

/* run the translations on the C model of translation mode from the state after the profile,
 * interpreting where there is none, and count bundles per guest instruction translated */
static void measure(ssem_state_t *st, uint64_t steps)
{
    uint64_t end = st->steps + steps, txi = 0, bundles = 0, interp = 0, entries = 0;
    uint32_t prot = 0;
    for (int i = 0; i < 32; i++)
        if (have[i]) prot |= metas[i].protect;
    nm_set_window(&model, GW_PHYS, 128);
    while (!st->halted && st->steps < end) {
        unsigned l = (st->ci + 1u) & 31u;
        uint32_t B = (uint32_t)(end - st->steps < 1000000u ? end - st->steps : 1000000u), rem;
        nm_result r;
        if (!have[l]) {
            uint32_t pi = (uint32_t)st->store[l];
            if (((pi >> 13) & 7u) == 3u && (prot >> (pi & 31u) & 1u)) break;   /* self-modifying */
            ssem_ref_run(st, st->steps + 1);
            interp++;
            continue;
        }
        for (unsigned i = 0; i < 32; i++) {
            nm_mem_write(&model, GW_PHYS + 4u * i, (uint32_t)st->store[i]);
            nm_fw_prot(&model, 4u * i, (int)(prot >> i & 1u));
        }
        nm_fw_wr(&model, STX_TR_A, st->a);
        nm_fw_wr(&model, STX_TR_CI, st->ci);
        nm_fw_wr(&model, STX_TR_BUDGET, B);
        r = nm_run(&model, metas[l].tc_addr, B * 8u + 64u);
        if (r.status != NM_RUN_EXIT) {
            printf("model run: %s at 0x%x (cause %d)\n", r.status == NM_RUN_ABORT ? "abort" : "stopped",
                   r.abort_pc, r.cause);
            return;
        }
        rem = nm_fw_rd(&model, STX_TR_BUDGET);
        st->a = nm_fw_rd(&model, STX_TR_A);
        st->ci = nm_fw_rd(&model, STX_TR_CI);
        st->steps += B - rem;
        for (unsigned i = 0; i < 32; i++)
            st->store[i] = (int32_t)nm_mem_read(&model, GW_PHYS + 4u * i);
        if (r.rd_value == STX_EXIT_STP) st->halted = 1;
        txi += B - rem;
        bundles += r.bundles;
        entries++;
        if (B == rem) {                      /* no progress: one step interpreted */
            ssem_ref_run(st, st->steps + 1);
            interp++;
        }
    }
    printf("\nmodel run (the translations above on the C model of translation mode, %llu more steps"
           " from the profile's end):\n  %llu guest instructions in translations (%llu entries), "
           "%llu interpreted; %llu bundles: %.3f bundles per guest instruction, %.2f per 16\n",
           (unsigned long long)steps, (unsigned long long)txi, (unsigned long long)entries,
           (unsigned long long)interp, (unsigned long long)bundles,
           txi ? (double)bundles / (double)txi : 0.0, txi ? 16.0 * (double)bundles / (double)txi : 0.0);
}
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
    uint32_t next_tc = CMS_TC_BASE;
    unsigned long msteps = 200000;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) return usage(stdout, 0);
        if (!strcmp(a, "--slots") || !strcmp(a, "--entry") || !strcmp(a, "--profile-steps") ||
            !strcmp(a, "--profile") || !strcmp(a, "--measure-steps")) {
            if (i + 1 >= argc) return bad("option needs a value:", a);
            const char *v = argv[++i];
            if (!strcmp(a, "--slots")) {
                if (num(v, 8, &slots) || (slots != 2 && slots != 4)) return bad("--slots takes 2 or 4, not", v);
            } else if (!strcmp(a, "--entry")) {
                if (num(v, 31, &entry)) return bad("--entry takes a line 0..31, not", v);
            } else if (!strcmp(a, "--profile-steps")) {
                if (num(v, 4000000000ul, &psteps)) return bad("--profile-steps takes a number, not", v);
            } else if (!strcmp(a, "--measure-steps")) {
                if (num(v, 4000000000ul, &msteps)) return bad("--measure-steps takes a number, not", v);
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
    nm_init(&model, (int)slots, 4);
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
        if (!r) r = stx_link(&work, next_tc);
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
        if (next_tc + work.meta.nwords * 4u <= CMS_TC_BASE + CMS_TC_BYTES && !have[e]) {
            for (uint32_t i = 0; i < work.meta.nwords; i++)
                nm_tc_write(&model, next_tc + 4u * i, work.words[i]);
            metas[e] = work.meta;
            have[e] = true;
            next_tc += work.meta.nwords * 4u;
        }
        (void)words;
    }
    if (!pfile && msteps)
        measure(&st, msteps);
    return 0;
}
