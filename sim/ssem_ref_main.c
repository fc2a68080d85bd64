/* ssem_ref_main.c -- build/ssem-ref: run an SSEM program on the reference interpreter.
 *
 * Takes the chip harness's guest options through the same parser (sim/cms_opts.c), so that a
 * test runner can swap one for the other: same option names, number syntax, messages, default
 * step limit (--max-steps, CMS_DEFAULT_MAX_STEPS, always applied) and exit statuses
 * (spec/chip.tbl CMS_EXIT_*: 0 halted, 2 step limit reached, 3 load error, 4 output error,
 * 64 bad command line). --state-json is written as cms-sim writes it (sim/outfile.c).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cms_defs.h"
#include "cms_opts.h"
#include "outfile.h"
#include "ssem_load.h"
#include "ssem_ref.h"

#define TOOL "ssem-ref"

static const char usage_fmt[] =
    "usage: ssem-ref [options] PROGRAM\n"
    "Run a Manchester Baby (SSEM) program on the reference interpreter.\n"
    "PROGRAM: .snp, assembly (.ssem/.asm, babyutils dialect too), raw binary rows,\n"
    "         a 32-line .hex image, or a Xilinx .coe holding several programs.\n"
    "options (the guest options of build/cms-sim, parsed by the same code):\n"
    "  --stop-after N     stop after exactly N instructions (N >= 0)\n"
    "  --max-steps N      step limit, always applied (default %u); the run stops at\n"
    "                     min(--stop-after, --max-steps)\n"
    "  --state-json FILE  write the final state as JSON to FILE ('-': stdout)\n"
    "  --index N          program N of a multi-program file (default: the first)\n"
    "  --crt              print the store as the CRT shows it (bit 0 left, # = 1)\n"
    "  --answer L         print store line L (0..31) at the end\n"
    "  --quiet            no summary line (only what --crt/--answer/--state-json ask)\n"
    "  --help, -h         this text\n"
    "Numbers: decimal or 0x hex. Printed output goes to stdout, or to stderr when the JSON\n"
    "state goes to stdout. A JSON file is written to a temporary file and renamed into place.\n"
    "exit status: %u halted, %u limit reached, %u load error, %u output error,\n"
    "             %u usage error\n"
    "(--firmware, --max-cycles, --stats, --trace, --irq-at, --irq-every, --irq-random,\n"
    " --threshold, --profile belong to the chip harness, build/cms-sim)\n";

static void print_crt(FILE *f, const ssem_state_t *s)
{
    for (int i = 0; i < 32; i++) {
        char row[33];
        uint32_t w;
        memcpy(&w, &s->store[i], sizeof w);
        for (int b = 0; b < 32; b++)
            row[b] = (w >> b) & 1u ? '#' : '.';
        row[32] = 0;
        fprintf(f, "%s %ld\n", row, (long)s->store[i]);
    }
}

int main(int argc, char **argv)
{
    static char usage[sizeof usage_fmt + 64];
    cms_opts_t o;
    int32_t a_signed;
    ssem_image_t img;
    ssem_state_t st;
    FILE *con;
    char err[4608]; /* room for a long path */

    snprintf(usage, sizeof usage, usage_fmt, (unsigned)CMS_DEFAULT_MAX_STEPS, CMS_EXIT_HALTED,
             CMS_EXIT_LIMIT, CMS_EXIT_LOAD_ERROR, CMS_EXIT_FAULT, CMS_EXIT_USAGE);
    int rc = cms_opts_parse(&o, TOOL, CMS_OPT_GUEST | CMS_OPT_STATE, usage, argc, argv);
    cms_opts_free(&o);
    if (rc >= 0)
        return rc;
    if (o.state_json) {
        const outfile_other_t others[] = {{"the program file", o.program}};
        if (outfile_check(TOOL, "--state-json", o.state_json, others, 1) != 0)
            return CMS_EXIT_USAGE;
    }

    if (ssem_load_file(o.program, o.index, &img, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return CMS_EXIT_LOAD_ERROR;
    }
    ssem_ref_init(&st, &img);
    ssem_ref_run(&st, cms_opts_step_limit(&o));

    /* what is printed goes to stdout, or to stderr when the JSON goes to stdout (as cms-sim) */
    con = o.state_json && strcmp(o.state_json, "-") == 0 ? stderr : stdout;
    if (o.crt)
        print_crt(con, &st);
    memcpy(&a_signed, &st.a, sizeof a_signed);
    if (!o.quiet) {
        if (st.halted)
            fprintf(con, "halted after %llu steps: A=%ld CI=%lu\n", (unsigned long long)st.steps,
                    (long)a_signed, (unsigned long)st.ci);
        else
            fprintf(con, "stopped after %llu steps (%s): A=%ld CI=%lu\n",
                    (unsigned long long)st.steps,
                    o.have_stop_after && st.steps == o.stop_after ? "--stop-after" : "--max-steps limit",
                    (long)a_signed, (unsigned long)st.ci);
    }
    if (o.answer_line >= 0)
        fprintf(con, "answer: store line %d = %ld\n", o.answer_line, (long)st.store[o.answer_line]);
    if (fflush(con) != 0) {
        fprintf(stderr, "%s: cannot write the output: %s\n", TOOL, strerror(errno));
        return CMS_EXIT_FAULT;
    }
    if (o.state_json) {
        outfile_t of;
        if (outfile_open(&of, TOOL, "--state-json", o.state_json) != 0)
            return CMS_EXIT_FAULT;
        if (ssem_state_write_json(of.f, &st) < 0 && of.f == stdout) {
            fprintf(stderr, "%s: --state-json -: cannot write to stdout\n", TOOL);
            return CMS_EXIT_FAULT;
        }
        if (outfile_commit(&of) != 0)
            return CMS_EXIT_FAULT;
    }
    return st.halted ? CMS_EXIT_HALTED : CMS_EXIT_LIMIT;
}
