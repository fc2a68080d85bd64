/* cms_opts.h -- the one command-line parser of cms-sim, cms-bootimg and ssem-ref.
 *
 * Every tool parses the same option table with the same rules (GNU long options, unambiguous
 * prefixes, --opt=VALUE, -h = --help, -- ends the options, options may follow PROGRAM; numbers
 * decimal or 0x hex, unsigned 64-bit, no sign or junk) and the same messages; each tool accepts a
 * subset (CMS_OPT_* groups) and refuses the others with a message saying whose option it is.
 * The limits have the same meaning everywhere: --max-steps (default CMS_DEFAULT_MAX_STEPS) always
 * applies, --stop-after N stops after exactly N steps; the effective step limit is the smaller.
 */
#ifndef CMS_OPTS_H
#define CMS_OPTS_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* option groups: which tool takes which options */
#define CMS_OPT_GUEST 0x01u /* --index --stop-after --max-steps --crt --answer --quiet (all) */
#define CMS_OPT_STATE 0x02u /* --state-json (cms-sim, ssem-ref) */
#define CMS_OPT_FW    0x04u /* --firmware --max-cycles --stats --threshold --interpret-only
                             (cms-sim, cms-bootimg) */
#define CMS_OPT_SIM   0x08u /* --trace --trace-from --trace-cycles --irq-at --irq-every --irq-random
                             --irq-max-gap --boot-image --profile (cms-sim) */
#define CMS_OPT_BOOT  0x10u /* --slots --output --dmem-bytes (cms-bootimg) */
#define CMS_OPT_JAVA  0x20u /* -cp/--class-path --jvm-lib, and Java programs (cms-sim, cms-bootimg) */

typedef struct {
    const char *firmware;   /* NULL: the tool's default */
    const char *program, *state_json, *trace, *boot_image, *output;
    const char *profile;    /* --profile FILE (cms-sim): firmware cycles by function */
    int index;              /* program within a multi-program file; -1: the only/first */
    int answer_line;        /* -1: none */
    int have_max_cycles, have_stop_after, have_max_steps, have_trace_cycles, stats, crt, quiet;
    int interpret_only;     /* --interpret-only: host block HOSTIF_F_INTERPRET_ONLY */
    unsigned slots;         /* --slots (cms-bootimg); 0: not given */
    uint32_t dmem_bytes;    /* --dmem-bytes (cms-bootimg): the board's DMEM; 0: not given */
    unsigned threshold;     /* --threshold: the translating firmware's hot-line threshold, host
                               block flags[31:16]; 0: the firmware's default */
    uint64_t max_cycles, stop_after, max_steps, trace_from, trace_cycles;
    uint64_t *irq_at;       /* sorted; free with cms_opts_free */
    size_t n_irq;
    uint64_t irq_every;     /* --irq-every N: raise irq_i at every multiple of N cycles; 0: not given */
    int have_irq_random;    /* --irq-random SEED given */
    uint64_t irq_seed;      /* its SEED */
    uint64_t irq_max_gap;   /* --irq-max-gap N (default CMS_IRQ_MAX_GAP_DEFAULT, spec/chip.tbl): random gaps 1..N */
    /* The JVM guest (CMS_OPT_JAVA): a run is a Java one when -cp is given or PROGRAM names a
     * .class or .jar file; PROGRAM is then the main class (or that file), and every argument
     * after it is the Java program's (main's String[]), as with `java -cp DIR MAIN ARGS...`. */
    int java;
    const char *classpath;  /* -cp, -classpath, --class-path: ':'-separated; NULL: not given */
    const char *jvm_lib;    /* --jvm-lib DIR: the class library's classes; NULL: the default */
    char **java_args;       /* main's arguments (pointers into argv) */
    int njava_args;
} cms_opts_t;

/* Parse argv for the tool named tool, which accepts the option groups in accept. usage_text is
 * printed on stdout for --help. Returns -1 to go on, else the exit status (0 after --help,
 * CMS_EXIT_USAGE after a message on stderr, CMS_EXIT_FAULT when out of memory). */
int cms_opts_parse(cms_opts_t *o, const char *tool, unsigned accept, const char *usage_text,
                   int argc, char **argv);
void cms_opts_free(cms_opts_t *o);

/* The step limit the guest runs under: min(--stop-after, --max-steps). */
uint64_t cms_opts_step_limit(const cms_opts_t *o);

/* "tool: " + message + "\nTry 'tool --help'.\n" on stderr; returns CMS_EXIT_USAGE. */
int cms_usage_error(const char *tool, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#ifdef __cplusplus
}
#endif
#endif
