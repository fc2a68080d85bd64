/* ssem_ref_main.c -- build/ssem-ref: run an SSEM program on the reference interpreter.
 *
 * Takes the chip harness's guest options, so that a test runner can swap one for the other.
 * Exit status (firmware/hostif.h): 0 halted, 2 step limit reached, 3 load error, 4 output error,
 * 64 bad command line.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hostif.h"
#include "ssem_load.h"
#include "ssem_ref.h"

#define DEFAULT_MAX_STEPS 1000000000ull

static const char *prog = "ssem-ref";

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s [options] PROGRAM\n"
            "Run a Manchester Baby (SSEM) program on the reference interpreter.\n"
            "PROGRAM: .snp, assembly (.ssem/.asm, babyutils dialect too), raw binary rows,\n"
            "         a 32-line .hex image, or a Xilinx .coe holding several programs.\n"
            "options:\n"
            "  --stop-after N     stop after exactly N instructions (N >= 0)\n"
            "  --max-steps N      give up after N instructions (default %llu, or none\n"
            "                     when --stop-after is given)\n"
            "  --state-json FILE  write the final state as JSON to FILE ('-': stdout)\n"
            "  --index N          program N of a multi-program file (default 0)\n"
            "  --crt              print the store as the CRT shows it (bit 0 left, # = 1)\n"
            "  --answer L         print store line L (0..31) at the end\n"
            "  --quiet            no summary line (only what --crt/--answer/--state-json ask)\n"
            "Printed output goes to stdout, or to stderr when the JSON state goes to stdout.\n"
            "  --help             this text\n"
            "exit status: %u halted, %u limit reached, %u load error, %u output error,\n"
            "             %u usage error\n"
            "(--trace, --stats, --max-cycles, --irq-at and --firmware belong to the chip\n"
            " harness, build/cms-sim)\n",
            prog, DEFAULT_MAX_STEPS, HOSTIF_ST_HALTED, HOSTIF_ST_LIMIT, HOSTIF_ST_LOAD_ERROR,
            HOSTIF_ST_FAULT, HOSTIF_ST_USAGE);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", prog);
    return HOSTIF_ST_USAGE;
}

/* A decimal number 0..max, digits only. */
static int parse_u64(const char *s, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (!s || !*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        if (v > (max - (uint64_t)(*s - '0')) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return 0;
}

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
    const char *path = NULL, *json = NULL;
    uint64_t stop_after = 0, max_steps = DEFAULT_MAX_STEPS, index = 0, answer = 0, limit;
    int have_stop = 0, have_max = 0, crt = 0, quiet = 0, have_answer = 0, no_more_opts = 0;
    int32_t a_signed;
    ssem_image_t img;
    ssem_state_t st;
    FILE *con;
    char err[4608]; /* room for a long path */

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val = NULL, *eq;
        char name[32];
        size_t n;
        if (no_more_opts || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (path)
                return usage_error("more than one PROGRAM given ('%s')", arg);
            path = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            no_more_opts = 1;
            continue;
        }
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        /* --name or --name=value */
        eq = strchr(arg, '=');
        n = eq ? (size_t)(eq - arg) : strlen(arg);
        if (n >= sizeof name)
            return usage_error("unknown option '%s'", arg);
        memcpy(name, arg, n);
        name[n] = 0;
        if (eq)
            val = eq + 1;

        if (!strcmp(name, "--crt") || !strcmp(name, "--quiet")) {
            if (val)
                return usage_error("option '%s' takes no value", name);
            if (name[2] == 'c')
                crt = 1;
            else
                quiet = 1;
            continue;
        }
        if (!strcmp(name, "--trace") || !strcmp(name, "--stats") || !strcmp(name, "--max-cycles")) {
            return usage_error("option '%s' is for the chip harness (build/cms-sim); the "
                               "reference interpreter has no hardware to trace or count",
                               name);
        }
        if (strcmp(name, "--stop-after") && strcmp(name, "--max-steps") &&
            strcmp(name, "--state-json") && strcmp(name, "--index") && strcmp(name, "--answer"))
            return usage_error("unknown option '%s'", arg);
        if (!val) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", name);
            val = argv[++i];
        }
        if (!strcmp(name, "--state-json")) {
            if (!*val)
                return usage_error("option '%s' needs a file name", name);
            json = val;
        } else if (!strcmp(name, "--stop-after")) {
            if (parse_u64(val, UINT64_MAX, &stop_after) < 0)
                return usage_error("bad number for --stop-after: '%s' (want 0..2^64-1)", val);
            have_stop = 1;
        } else if (!strcmp(name, "--max-steps")) {
            if (parse_u64(val, UINT64_MAX, &max_steps) < 0)
                return usage_error("bad number for --max-steps: '%s' (want 0..2^64-1)", val);
            have_max = 1;
        } else if (!strcmp(name, "--index")) {
            if (parse_u64(val, 1000000, &index) < 0)
                return usage_error("bad program index for --index: '%s'", val);
        } else {
            if (parse_u64(val, 31, &answer) < 0)
                return usage_error("bad store line for --answer: '%s' (want 0..31)", val);
            have_answer = 1;
        }
    }
    if (!path)
        return usage_error("no PROGRAM given");

    if (ssem_load_file(path, (int)index, &img, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return HOSTIF_ST_LOAD_ERROR;
    }
    ssem_ref_init(&st, &img);
    /* --stop-after alone replaces the default --max-steps; given both, the smaller wins */
    limit = !have_stop ? max_steps : !have_max || stop_after < max_steps ? stop_after : max_steps;
    ssem_ref_run(&st, limit);

    /* what is printed goes to stdout, or to stderr when the JSON goes to stdout (as cms-sim) */
    con = json && strcmp(json, "-") == 0 ? stderr : stdout;
    if (crt)
        print_crt(con, &st);
    memcpy(&a_signed, &st.a, sizeof a_signed);
    if (!quiet) {
        if (st.halted)
            fprintf(con, "halted after %llu steps: A=%ld CI=%lu\n", (unsigned long long)st.steps,
                    (long)a_signed, (unsigned long)st.ci);
        else
            fprintf(con, "stopped after %llu steps (%s): A=%ld CI=%lu\n",
                    (unsigned long long)st.steps,
                    have_stop && st.steps == stop_after ? "--stop-after" : "--max-steps limit",
                    (long)a_signed, (unsigned long)st.ci);
    }
    if (have_answer)
        fprintf(con, "answer: store line %llu = %ld\n", (unsigned long long)answer,
                (long)st.store[answer]);
    if (fflush(con) != 0) {
        fprintf(stderr, "%s: cannot write the output: %s\n", prog, strerror(errno));
        return HOSTIF_ST_FAULT;
    }
    if (json) {
        int to_stdout = strcmp(json, "-") == 0;
        FILE *f = to_stdout ? stdout : fopen(json, "w");
        if (!f) {
            fprintf(stderr, "%s: cannot create %s: %s\n", prog, json, strerror(errno));
            return HOSTIF_ST_FAULT;
        }
        if (ssem_state_write_json(f, &st) < 0 || (!to_stdout && fclose(f) != 0)) {
            fprintf(stderr, "%s: cannot write %s\n", prog, json);
            return HOSTIF_ST_FAULT;
        }
    }
    return st.halted ? HOSTIF_ST_HALTED : HOSTIF_ST_LIMIT;
}
