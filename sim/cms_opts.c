/* cms_opts.c -- the shared command-line parser (cms_opts.h). C11, also valid C++. */
#include "cms_opts.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cms_defs.h"

#define INDEX_MAX 1000000u /* a program index (the loader reads at most 1 MiB) */

enum {
    O_FIRMWARE = 256, O_INDEX, O_MAX_CYCLES, O_STOP_AFTER, O_MAX_STEPS, O_STATE_JSON, O_STATS,
    O_CRT, O_ANSWER, O_TRACE, O_TRACE_FROM, O_TRACE_CYCLES, O_IRQ_AT, O_QUIET, O_BOOT_IMAGE,
    O_SLOTS, O_OUTPUT, O_IRQ_EVERY, O_IRQ_RANDOM, O_IRQ_MAX_GAP, O_THRESHOLD, O_INTERPRET_ONLY, O_PROFILE,
    O_CLASSPATH, O_JVM_LIB, O_DMEM_BYTES, O_HELP
};

static const struct option longopts[] = {
    {"firmware", required_argument, NULL, O_FIRMWARE},
    {"index", required_argument, NULL, O_INDEX},
    {"max-cycles", required_argument, NULL, O_MAX_CYCLES},
    {"stop-after", required_argument, NULL, O_STOP_AFTER},
    {"max-steps", required_argument, NULL, O_MAX_STEPS},
    {"state-json", required_argument, NULL, O_STATE_JSON},
    {"stats", no_argument, NULL, O_STATS},
    {"crt", no_argument, NULL, O_CRT},
    {"answer", required_argument, NULL, O_ANSWER},
    {"trace", required_argument, NULL, O_TRACE},
    {"trace-from", required_argument, NULL, O_TRACE_FROM},
    {"trace-cycles", required_argument, NULL, O_TRACE_CYCLES},
    {"irq-at", required_argument, NULL, O_IRQ_AT},
    {"irq-every", required_argument, NULL, O_IRQ_EVERY},
    {"irq-random", required_argument, NULL, O_IRQ_RANDOM},
    {"irq-max-gap", required_argument, NULL, O_IRQ_MAX_GAP},
    {"quiet", no_argument, NULL, O_QUIET},
    {"boot-image", required_argument, NULL, O_BOOT_IMAGE},
    {"slots", required_argument, NULL, O_SLOTS},
    {"output", required_argument, NULL, O_OUTPUT},
    {"dmem-bytes", required_argument, NULL, O_DMEM_BYTES},
    {"threshold", required_argument, NULL, O_THRESHOLD},
    {"interpret-only", no_argument, NULL, O_INTERPRET_ONLY},
    {"profile", required_argument, NULL, O_PROFILE},
    {"class-path", required_argument, NULL, O_CLASSPATH},
    {"jvm-lib", required_argument, NULL, O_JVM_LIB},
    {"help", no_argument, NULL, O_HELP},
    {NULL, 0, NULL, 0},
};

/* the group of each option (indexed by val - O_FIRMWARE) */
static unsigned group_of(int val)
{
    switch (val) {
    case O_STATE_JSON:
        return CMS_OPT_STATE;
    case O_FIRMWARE: case O_MAX_CYCLES: case O_STATS: case O_THRESHOLD: case O_INTERPRET_ONLY:
        return CMS_OPT_FW;
    case O_TRACE: case O_TRACE_FROM: case O_TRACE_CYCLES: case O_IRQ_AT: case O_BOOT_IMAGE:
    case O_IRQ_EVERY: case O_IRQ_RANDOM: case O_IRQ_MAX_GAP: case O_PROFILE:
        return CMS_OPT_SIM;
    case O_SLOTS: case O_OUTPUT: case O_DMEM_BYTES:
        return CMS_OPT_BOOT;
    case O_CLASSPATH: case O_JVM_LIB:
        return CMS_OPT_JAVA;
    default:
        return CMS_OPT_GUEST;
    }
}

static const char *owner_of(unsigned group)
{
    switch (group) {
    case CMS_OPT_STATE:
        return "a run (cms-sim, ssem-ref): a boot image has no final state";
    case CMS_OPT_FW:
        return "the chip harness (build/cms-sim) and cms-bootimg: the reference interpreter has "
               "no firmware, cycles or hardware counters";
    case CMS_OPT_SIM:
        return "the chip harness (build/cms-sim): it needs the simulated chip";
    case CMS_OPT_JAVA:
        return "Java programs (cms-sim, cms-bootimg)";
    default:
        return "cms-bootimg";
    }
}

static const char *name_of(int val)
{
    for (const struct option *p = longopts; p->name; p++)
        if (p->val == val)
            return p->name;
    return "?";
}

int cms_usage_error(const char *tool, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", tool);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", tool);
    return CMS_EXIT_USAGE;
}

/* Decimal, or hex with 0x; no sign, no junk; fits in 64 bits. */
static int parse_u64(const char *s, uint64_t *v)
{
    int base = 10;
    char *end;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    if (!(base == 16 ? isxdigit((unsigned char)*s) : isdigit((unsigned char)*s)))
        return -1;
    errno = 0;
    unsigned long long x = strtoull(s, &end, base);
    if (errno || *end)
        return -1;
    *v = x;
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

void cms_opts_free(cms_opts_t *o)
{
    free(o->irq_at);
    o->irq_at = NULL;
}

uint64_t cms_opts_step_limit(const cms_opts_t *o)
{
    return o->have_stop_after && o->stop_after < o->max_steps ? o->stop_after : o->max_steps;
}

#define NUMBER_SYNTAX "decimal or 0x hex, 0..18446744073709551615"

/* One pass over argv: permute = 1 lets options follow PROGRAM (GNU getopt's order); 0 stops at
 * the first operand, which a Java run needs (the arguments after the main class are the Java
 * program's). Returns -1 to go on, else an exit status; *first_operand is getopt's optind. */
static int parse_pass(cms_opts_t *o, const char *tool, unsigned accept, const char *usage_text,
                      int argc, char **argv, int permute, int *first_operand)
{
    uint64_t v;
    int have_max_gap = 0;

    memset(o, 0, sizeof *o);
    o->index = -1;
    o->answer_line = -1;
    o->max_steps = CMS_DEFAULT_MAX_STEPS;
    o->trace_cycles = CMS_TRACE_CYCLES_DEFAULT;
    o->irq_max_gap = CMS_IRQ_MAX_GAP_DEFAULT;
    o->irq_at = (uint64_t *)calloc((size_t)argc + 1, sizeof *o->irq_at);
    if (!o->irq_at) {
        fprintf(stderr, "%s: out of memory\n", tool);
        return CMS_EXIT_FAULT;
    }
    opterr = 0; /* our own messages */
    optind = 0; /* 0, not 1: glibc re-initializes, and sees the ordering mode of this pass */
    for (;;) {
        int c = getopt_long(argc, argv, permute ? ":h" : "+:h", longopts, NULL);
        if (c == -1)
            break;
        if (c == 'h')
            c = O_HELP;
        if (c == ':')
            return cms_usage_error(tool, "option '--%s' needs a value", name_of(optopt));
        if (c == '?') {
            if (optopt >= O_FIRMWARE)
                return cms_usage_error(tool, "option '--%s' takes no value", name_of(optopt));
            return cms_usage_error(tool, "unknown option '%s'", argv[optind - 1]);
        }
        if (!(group_of(c) & accept))
            return cms_usage_error(tool, "option '--%s' is for %s", name_of(c), owner_of(group_of(c)));
        const char *name = name_of(c);
        switch (c) {
        case O_FIRMWARE:
        case O_STATE_JSON:
        case O_TRACE:
        case O_BOOT_IMAGE:
        case O_OUTPUT:
        case O_PROFILE:
            if (optarg[0] == '\0')
                return cms_usage_error(tool, "option '--%s' needs a file name", name);
            if (c == O_FIRMWARE)
                o->firmware = optarg;
            else if (c == O_STATE_JSON)
                o->state_json = optarg;
            else if (c == O_TRACE)
                o->trace = optarg;
            else if (c == O_BOOT_IMAGE)
                o->boot_image = optarg;
            else if (c == O_PROFILE)
                o->profile = optarg;
            else
                o->output = optarg;
            break;
        case O_INDEX:
            if (parse_u64(optarg, &v) || v > INDEX_MAX)
                return cms_usage_error(tool, "bad program index for --index: '%s' (0..%u)", optarg,
                                       INDEX_MAX);
            o->index = (int)v;
            break;
        case O_ANSWER:
            if (parse_u64(optarg, &v) || v >= 32)
                return cms_usage_error(tool, "bad store line for --answer: '%s' (want 0..31)", optarg);
            o->answer_line = (int)v;
            break;
        case O_THRESHOLD:
            if (parse_u64(optarg, &v) || v < 1 || v > 65535)
                return cms_usage_error(tool, "bad count for --threshold: '%s' (1..65535)", optarg);
            o->threshold = (unsigned)v;
            break;
        case O_CLASSPATH:
        case O_JVM_LIB:
            if (optarg[0] == '\0')
                return cms_usage_error(tool, "option '--%s' needs a %s", name,
                                       c == O_CLASSPATH ? "class path" : "directory");
            if (c == O_CLASSPATH)
                o->classpath = optarg;
            else
                o->jvm_lib = optarg;
            break;
        case O_SLOTS:
            if (parse_u64(optarg, &v) || (v != 1 && v != 2 && v != 4 && v != 8))
                return cms_usage_error(tool, "bad slot count for --slots: '%s' (1, 2, 4 or 8)", optarg);
            o->slots = (unsigned)v;
            break;
        case O_DMEM_BYTES:
            if (parse_u64(optarg, &v) || v < CMS_DMEM_BYTES_MIN || v > CMS_DMEM_BYTES || v % 4096u)
                return cms_usage_error(tool, "bad DMEM size for --dmem-bytes: '%s' (a multiple of 4096 "
                                       "from %u to %u)", optarg, (unsigned)CMS_DMEM_BYTES_MIN,
                                       (unsigned)CMS_DMEM_BYTES);
            o->dmem_bytes = (uint32_t)v;
            break;
        case O_MAX_CYCLES:
        case O_STOP_AFTER:
        case O_MAX_STEPS:
        case O_TRACE_FROM:
        case O_TRACE_CYCLES:
        case O_IRQ_AT:
        case O_IRQ_EVERY:
        case O_IRQ_RANDOM:
        case O_IRQ_MAX_GAP:
            if (parse_u64(optarg, &v))
                return cms_usage_error(tool, "bad number for --%s: '%s' (" NUMBER_SYNTAX ")", name, optarg);
            if (c == O_MAX_CYCLES) {
                o->max_cycles = v;
                o->have_max_cycles = 1;
            } else if (c == O_STOP_AFTER) {
                o->stop_after = v;
                o->have_stop_after = 1;
            } else if (c == O_MAX_STEPS) {
                o->max_steps = v;
                o->have_max_steps = 1;
            } else if (c == O_TRACE_FROM) {
                o->trace_from = v;
            } else if (c == O_TRACE_CYCLES) {
                if (v == 0)
                    return cms_usage_error(tool, "bad number for --trace-cycles: '%s' (at least 1)", optarg);
                o->trace_cycles = v;
                o->have_trace_cycles = 1;
            } else if (c == O_IRQ_EVERY || c == O_IRQ_MAX_GAP) {
                if (v == 0)
                    return cms_usage_error(tool, "bad number for --%s: '%s' (at least 1)", name, optarg);
                if (c == O_IRQ_EVERY)
                    o->irq_every = v;
                else {
                    o->irq_max_gap = v;
                    have_max_gap = 1;
                }
            } else if (c == O_IRQ_RANDOM) {
                o->irq_seed = v;
                o->have_irq_random = 1;
            } else {
                o->irq_at[o->n_irq++] = v;
            }
            break;
        case O_STATS:
            o->stats = 1;
            break;
        case O_INTERPRET_ONLY:
            o->interpret_only = 1;
            break;
        case O_CRT:
            o->crt = 1;
            break;
        case O_QUIET:
            o->quiet = 1;
            break;
        default: /* O_HELP */
            fputs(usage_text, stdout);
            return 0;
        }
    }
    *first_operand = optind;
    if (optind < argc)
        o->program = argv[optind++];
    if (!permute)
        return -1;
    if (optind < argc)
        return cms_usage_error(tool, "more than one PROGRAM given ('%s')", argv[optind]);
    if (!o->program && !(o->firmware && (accept & CMS_OPT_FW)))
        return cms_usage_error(tool, "no PROGRAM given");
    if (!o->trace && (o->trace_from || o->have_trace_cycles))
        return cms_usage_error(tool, "option '--%s' needs --trace", o->trace_from ? "trace-from" : "trace-cycles");
    if (have_max_gap && !o->have_irq_random)
        return cms_usage_error(tool, "option '--irq-max-gap' needs --irq-random");
    qsort(o->irq_at, o->n_irq, sizeof *o->irq_at, cmp_u64);
    return -1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* A Java run refuses the options that only mean something to the SSEM firmware. */
static int java_checks(const cms_opts_t *o, const char *tool)
{
    const char *bad = o->index >= 0 ? "index" : o->crt ? "crt" : o->answer_line >= 0 ? "answer"
                      : o->threshold ? "threshold" : o->interpret_only ? "interpret-only"
                      : o->state_json ? "state-json" : o->have_stop_after ? "stop-after"
                      : o->have_max_steps ? "max-steps" : NULL;
    if (bad)
        return cms_usage_error(tool, "option '--%s' is for SSEM programs, not Java ones", bad);
    return -1;
}

int cms_opts_parse(cms_opts_t *o, const char *tool, unsigned accept, const char *usage_text,
                   int argc, char **argv)
{
    int first = 0, rc;
    if (accept & CMS_OPT_JAVA) {
        /* java's single-dash -cp and -classpath, before the main class, mean --class-path */
        char **av = (char **)calloc((size_t)argc + 1, sizeof *av);
        if (!av) {
            fprintf(stderr, "%s: out of memory\n", tool);
            return CMS_EXIT_FAULT;
        }
        for (int i = 0; i < argc; i++)
            av[i] = strcmp(argv[i], "-cp") == 0 || strcmp(argv[i], "-classpath") == 0
                        ? (char *)"--class-path" : argv[i];
        rc = parse_pass(o, tool, accept, usage_text, argc, av, 0, &first);
        if (rc < 0 && o->program && (o->classpath || ends_with(o->program, ".class") ||
                                     ends_with(o->program, ".jar"))) {
            o->java = 1;
            o->java_args = argv + first + 1;
            o->njava_args = argc - first - 1;
            rc = java_checks(o, tool);
        } else if (rc < 0) {
            /* not a Java run: parse again letting options follow PROGRAM (-cp, if there, is
             * then refused as an option for Java programs) */
            cms_opts_free(o);
            rc = parse_pass(o, tool, accept, usage_text, argc, av, 1, &first);
            if (rc < 0 && (o->classpath || o->jvm_lib))
                rc = cms_usage_error(tool, "option '--%s' is for Java programs (PROGRAM is %s)",
                                     o->classpath ? "class-path" : "jvm-lib",
                                     o->program ? "an SSEM program" : "missing");
        }
        free(av);
        return rc;
    }
    rc = parse_pass(o, tool, accept, usage_text, argc, argv, 1, &first);
    return rc;
}
