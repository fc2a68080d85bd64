/* harness.c -- cms-sim: run a guest program on the simulated chip.
 *
 *   cms-sim [options] PROGRAM      an SSEM program (any format sim/ssem_load.c reads) run by
 *                                  the firmware (default CMS_DEFAULT_FIRMWARE)
 *   cms-sim --firmware ELF         a bare program (RTL tests): no guest, exit status = MMIO_EXIT
 *
 * Steps: parse the command line; load the firmware ELF (PT_LOAD segments into IMEM/DMEM images)
 * and the guest; fill the host block (firmware/hostif.h) in the DMEM image; copy the images into
 * the model (main.cpp), reset, run until the firmware writes MMIO_EXIT (console bytes go to
 * stdout, or stderr with --state-json -); read the host block back; report.
 *
 * The command line is sim/cms_opts.c's (shared with ssem-ref and cms-bootimg); the images and
 * the host block are sim/hostblk.c's (shared with cms-bootimg); output files are written through
 * sim/outfile.c (a temporary file renamed into place, checked before the run).
 *
 * Exit status (spec/chip.tbl CMS_EXIT_*): the firmware's MMIO_EXIT code (0 halted, 2 limit,
 * 4 fault); 3 when a file cannot be loaded; 64 for a bad command line or output path; 4 when
 * the firmware has not exited by the hard stop, or an output could not be written.
 *
 * C11 (mk/chip.mk builds it with the host flags into a library). It is also valid C++, since
 * a Verilator --exe build compiles every source it is given, .c files included, as C++.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cms_defs.h"
#include "cms_opts.h"
#include "harness.h"
#include "hostblk.h"
#include "hostif.h"
#include "jvm_guest.h"
#include "outfile.h"
#include "ssem_load.h"
#include "ssem_ref.h"

/* The default firmware: CMS_DEFAULT_FIRMWARE as a string literal, or CMS_DEFAULT_FIRMWARE_PATH
 * as bare text (mk/sim.mk: it survives the quoting layers of a Verilator build). */
#define HARNESS_STR_(x) #x
#define HARNESS_STR(x) HARNESS_STR_(x)
#if defined(CMS_DEFAULT_FIRMWARE_PATH)
#define CMS_DEFAULT_FIRMWARE HARNESS_STR(CMS_DEFAULT_FIRMWARE_PATH)
#elif !defined(CMS_DEFAULT_FIRMWARE)
#define CMS_DEFAULT_FIRMWARE "build/fw/ssem-tx.elf"
#endif
/* The JVM firmware, the default for a Java program (CMS_DEFAULT_JVM_FIRMWARE_PATH likewise). */
#if defined(CMS_DEFAULT_JVM_FIRMWARE_PATH)
#define CMS_DEFAULT_JVM_FIRMWARE HARNESS_STR(CMS_DEFAULT_JVM_FIRMWARE_PATH)
#elif !defined(CMS_DEFAULT_JVM_FIRMWARE)
#define CMS_DEFAULT_JVM_FIRMWARE "build/fw/jvm.elf"
#endif

#define TOOL "cms-sim"
#define BARE_MAX_CYCLES 1000000000ull /* bare mode without --max-cycles: the hard stop's base */
#define EXIT_STATUS_MAX 255           /* larger MMIO_EXIT values exit with this */
#define TRACE_CHECK_CYCLES 65536u     /* while tracing, look for a write error this often */

typedef struct {
    cms_opts_t opt;
    const char *firmware;
    mem_images_t mem;
    FILE *con;          /* console output */
    outfile_t trace;    /* the VCD's temporary file (Verilator writes it by name) */
    int tracing_open;
    uint64_t *prof;     /* --profile: firmware-mode cycles by IMEM word (chip_profile) */
    elf_sym_t *syms;    /* --profile: the firmware's code symbols */
    size_t nsyms;
    jvm_image_buf jimg; /* a Java run: the linked image */
} harness_t;

/* ---------------------------------------------------------------- command line */

static const char usage_text[] =
    "usage: cms-sim [options] PROGRAM\n"
    "       cms-sim [options] -cp CLASSPATH MAIN [ARGS...]   (a Java program)\n"
    "       cms-sim [options] FILE.class [ARGS...]            (the same; its folder is the class path)\n"
    "       cms-sim --firmware ELF [options]          (a bare program, no guest)\n"
    "Run an SSEM (Manchester Baby) program, or a Java program compiled by javac, on the\n"
    "simulated chip.\n"
    "Java options (before MAIN: what follows MAIN is the program's):\n"
    "  -cp, -classpath, --class-path PATH  where the program's classes are (':'-separated)\n"
    "  --jvm-lib DIR      the class library's classes (default %s)\n"
    "  Java runs take --firmware (default %s), --stats, --quiet and the chip options; their\n"
    "  exit status is the program's, as java's (3 when the linker refuses the program).\n"
    "Guest options (the same in ssem-ref and cms-bootimg):\n"
    "  --index N          program N of a multi-program file (.coe: 0..3)\n"
    "  --stop-after N     stop after exactly N guest instructions\n"
    "  --max-steps N      step limit, always applied (default %u); the run stops at\n"
    "                     min(--stop-after, --max-steps), exactly\n"
    "  --state-json FILE  write the final guest state as JSON ('-': stdout; the console then\n"
    "                     goes to stderr)\n"
    "  --answer LINE      the firmware ends its report with store line LINE's value\n"
    "  --crt              show the final store as the Baby's CRT did\n"
    "  --quiet            the firmware prints nothing\n"
    "Chip options:\n"
    "  --firmware ELF     firmware to run (default %s)\n"
    "  --max-cycles N     also stop after about N native cycles (firmware-checked every %u\n"
    "                     interpreted or %u translated guest instructions; default: no limit)\n"
    "  --stats            print the chip's counters and the simulation speed\n"
    "  --trace FILE       write a VCD waveform of cycles [--trace-from, + --trace-cycles)\n"
    "  --trace-from C     first traced cycle (default 0: from reset)\n"
    "  --trace-cycles N   cycles traced (default %u, about 180 MB; the run goes on untraced)\n"
    "  --irq-at CYCLE     raise irq_i at CYCLE until the chip acknowledges it (repeatable)\n"
    "  --irq-every N      raise irq_i at every multiple of N cycles (an interrupt storm)\n"
    "  --irq-random SEED  raise irq_i at pseudo-random times, gaps of 1..--irq-max-gap cycles\n"
    "                     drawn from a fixed generator seeded with SEED\n"
    "  --irq-max-gap N    the largest gap of --irq-random (default %u)\n"
    "  --threshold N      the translating firmware's hot-line threshold: a line is translated\n"
    "                     after N executions (1..65535; default 50)\n"
    "  --interpret-only   the translating firmware only interprets, as build/fw/ssem.elf does\n"
    "  --profile FILE     write the firmware-mode cycles of the run by firmware function\n"
    "                     (the ELF's symbols), most first, with percentages\n"
    "  --boot-image FILE  do not run: write the boards' boot image (as build/cms-bootimg does)\n"
    "  --help, -h         this text\n"
    "Numbers: decimal or 0x hex. Output files are written to a temporary file beside them and\n"
    "renamed into place only when complete; they may not name an input or another output.\n"
    "Exit status: 0 halted, 2 limit reached, 3 load error, 4 fault, time-out or output error,\n"
    "64 usage; a bare program exits with the value it wrote to MMIO_EXIT.\n";

/* Output paths, checked before anything runs: not an input, not another output. */
static int check_outputs(const harness_t *h)
{
    const cms_opts_t *o = &h->opt;
    const struct { const char *opt, *path, *also; } outs[] = {
        {"--state-json", o->state_json, "also the --state-json file"},
        {"--trace", o->trace, "also the --trace file"},
        {"--boot-image", o->boot_image, "also the --boot-image file"},
        {"--profile", o->profile, "also the --profile file"}};
    for (int i = 0; i < 4; i++) {
        if (!outs[i].path)
            continue;
        outfile_other_t others[5] = {{"the program file", o->program},
                                     {"the --firmware file", h->firmware}};
        int n = 2;
        for (int j = 0; j < 4; j++)
            if (j != i && outs[j].path) {
                others[n].label = outs[j].also;
                others[n++].path = outs[j].path;
            }
        if (outfile_check(TOOL, outs[i].opt, outs[i].path, others, n) != 0)
            return -1;
    }
    return 0;
}

static void read_hostblk(hostif_t *hb)
{
    uint32_t w[HOSTIF_BYTES / 4];
    for (uint32_t i = 0; i < HOSTIF_BYTES / 4; i++)
        w[i] = chip_mem_read(CHIP_DMEM, (CMS_HOSTBLK_ADDR - CMS_DMEM_BASE) / 4 + i);
    memcpy(hb, w, sizeof *hb);
}

/* ---------------------------------------------------------------- running */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void print_u64_sep(FILE *f, uint64_t v)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%" PRIu64, v);
    for (int i = 0; i < n; i++) {
        fputc(digits[i], f);
        if (i < n - 1 && (n - 1 - i) % 3 == 0)
            fputc(',', f);
    }
}

/* The generated interrupt times (--irq-every, --irq-random): the next time of each source. */
typedef struct {
    uint64_t every, next_every; /* every: 0 = off */
    int random;
    uint64_t rng, max_gap, next_random;
} irq_gen_t;

/* splitmix64: the --irq-random generator (a fixed algorithm, so a SEED gives the same times on
 * every host) */
static uint64_t irq_rng_next(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t irq_gap(irq_gen_t *g)
{
    return 1 + irq_rng_next(&g->rng) % g->max_gap;
}

static uint64_t sat_add(uint64_t a, uint64_t b)
{
    return a + b < a ? UINT64_MAX : a + b;
}

static void irq_gen_init(irq_gen_t *g, const cms_opts_t *o)
{
    memset(g, 0, sizeof *g);
    g->every = o->irq_every;
    g->next_every = g->every ? g->every : UINT64_MAX;
    g->random = o->have_irq_random;
    g->rng = o->irq_seed;
    g->max_gap = o->irq_max_gap ? o->irq_max_gap : 1;
    g->next_random = g->random ? irq_gap(g) : UINT64_MAX;
}

/* Consume every generated time <= now; 1 if there was one (raise irq_i). */
static int irq_gen_due(irq_gen_t *g, uint64_t now)
{
    int due = 0;
    if (g->next_every <= now) {
        due = 1;
        g->next_every = now / g->every >= UINT64_MAX / g->every - 1 ? UINT64_MAX
                                                                    : (now / g->every + 1) * g->every;
    }
    while (g->next_random <= now) {
        due = 1;
        g->next_random = sat_add(g->next_random, irq_gap(g));
    }
    return due;
}

static uint64_t irq_gen_next(const irq_gen_t *g)
{
    return g->next_every < g->next_random ? g->next_every : g->next_random;
}

/* Run until the firmware writes MMIO_EXIT (returns 1, *code set), the hard stop (0) or a trace
 * write error (-1). The trace window [trace_from, trace_from + trace_cycles) is dumped.
 * irq_i: raised at each --irq-at time and each generated time (--irq-every, --irq-random),
 * lowered when the chip acknowledges; a time reached while it is high adds nothing (so while
 * it is high the generated times are not stopped at, only consumed afterwards). */
static int run_chip(harness_t *h, uint64_t hard_stop, uint32_t *code)
{
    const cms_opts_t *o = &h->opt;
    size_t next_irq = 0;
    int irq_high = 0;
    irq_gen_t gen;
    irq_gen_init(&gen, o);
    uint64_t t_on = o->trace_from, t_off = o->trace_from + o->trace_cycles;
    if (t_off < t_on)
        t_off = UINT64_MAX;
    for (;;) {
        uint64_t now = chip_cycles();
        if (h->tracing_open && chip_trace_error())
            return -1;
        if (now >= hard_stop)
            return 0;
        while (next_irq < o->n_irq && o->irq_at[next_irq] <= now) {
            chip_set_irq(1);
            irq_high = 1;
            next_irq++;
        }
        if (irq_gen_due(&gen, now) && !irq_high) {
            chip_set_irq(1);
            irq_high = 1;
        }
        uint64_t until = hard_stop;
        if (next_irq < o->n_irq && o->irq_at[next_irq] < until)
            until = o->irq_at[next_irq];
        if (!irq_high && irq_gen_next(&gen) < until)
            until = irq_gen_next(&gen);
        if (h->tracing_open) {
            int on = now >= t_on && now < t_off;
            chip_trace_enable(on);
            uint64_t edge = now < t_on ? t_on : now < t_off ? t_off : UINT64_MAX;
            if (edge < until)
                until = edge;
            if (on && until - now > TRACE_CHECK_CYCLES)
                until = now + TRACE_CHECK_CYCLES;
        }
        chip_out_t out;
        unsigned ev = chip_run(until - now, &out);
        if (ev & CHIP_EV_CON)
            fputc(out.con_byte, out.con_err ? stderr : h->con);
        if (ev & CHIP_EV_IRQ_ACK) {
            (void)irq_gen_due(&gen, chip_cycles() - 1); /* the times passed while it was high */
            chip_set_irq(0);
            irq_high = 0;
        }
        if (ev & CHIP_EV_EXIT) {
            *code = out.exit_code;
            return 1;
        }
    }
}

static int write_state_json(const char *path, const hostif_t *hb)
{
    ssem_state_t st;
    memset(&st, 0, sizeof st);
    st.a = hb->a;
    st.ci = hb->ci;
    memcpy(st.store, hb->store, sizeof st.store);
    st.steps = (uint64_t)hb->steps_hi << 32 | hb->steps_lo;
    st.halted = hb->status == HOSTIF_ST_HALTED;
    outfile_t of;
    if (outfile_open(&of, TOOL, "--state-json", path) != 0)
        return -1;
    if (ssem_state_write_json(of.f, &st) != 0 && of.f == stdout) {
        fprintf(stderr, TOOL ": --state-json -: cannot write to stdout\n");
        return -1;
    }
    return outfile_commit(&of);
}

/* --profile: the firmware-mode cycles by function, most first. Each IMEM word's count goes to
 * the last symbol at or below it that covers it (a function's size, or a label's address). */
typedef struct { uint64_t n; const char *name; uint32_t addr; } prof_row_t;

static int prof_row_cmp(const void *a, const void *b)
{
    const prof_row_t *x = (const prof_row_t *)a, *y = (const prof_row_t *)b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static int write_profile(harness_t *h, uint64_t cycles)
{
    const cms_opts_t *o = &h->opt;
    const uint32_t nwords = CMS_IMEM_BYTES / 4;
    size_t nrows = h->nsyms + 2;      /* the symbols, "(no symbol)", "(outside IMEM)" */
    prof_row_t *rows = (prof_row_t *)calloc(nrows, sizeof *rows);
    if (!rows) {
        fprintf(stderr, TOOL ": --profile %s: out of memory\n", o->profile);
        return -1;
    }
    for (size_t i = 0; i < h->nsyms; i++) {
        rows[i].name = h->syms[i].name;
        rows[i].addr = h->syms[i].addr;
    }
    rows[h->nsyms].name = "(no symbol)";
    rows[h->nsyms].addr = UINT32_MAX - 1;
    rows[h->nsyms + 1].name = "(outside IMEM)";
    rows[h->nsyms + 1].addr = UINT32_MAX;
    uint64_t total = h->prof[nwords];
    rows[h->nsyms + 1].n = h->prof[nwords];
    size_t s = 0;                     /* symbols at or below pc: [0, s) */
    for (uint32_t i = 0; i < nwords; i++) {
        uint64_t n = h->prof[i];
        uint32_t pc = CMS_IMEM_BASE + 4u * i;
        while (s < h->nsyms && h->syms[s].addr <= pc)
            s++;
        if (!n)
            continue;
        total += n;
        size_t k = s;
        while (k > 0 && h->syms[k - 1].size && pc - h->syms[k - 1].addr >= h->syms[k - 1].size)
            k--;
        rows[k > 0 ? k - 1 : h->nsyms].n += n;
    }
    qsort(rows, nrows, sizeof *rows, prof_row_cmp);
    outfile_t of;
    if (outfile_open(&of, TOOL, "--profile", o->profile) != 0) {
        free(rows);
        return -1;
    }
    fprintf(of.f, "# cms-sim --profile: firmware-mode cycles by firmware function, most first\n");
    fprintf(of.f, "# firmware: %s\n", h->firmware);
    fprintf(of.f, "# program: %s\n", o->program ? o->program : "(none: a bare program)");
    fprintf(of.f, "# cycles: %" PRIu64 "\n", cycles);
    fprintf(of.f, "# firmware-mode cycles: %" PRIu64 " (the chip's CNT_FWCYC, 32 bits: %" PRIu32 ")\n",
            total, chip_fwcyc());
    fprintf(of.f, "# %14s %8s %10s  %s\n", "cycles", "percent", "address", "function");
    for (size_t i = 0; i < nrows && rows[i].n; i++) {
        char addr[16];
        if (rows[i].addr >= UINT32_MAX - 1)
            snprintf(addr, sizeof addr, "-");
        else
            snprintf(addr, sizeof addr, "0x%08" PRIx32, rows[i].addr);
        fprintf(of.f, "%16" PRIu64 " %7.2f%% %10s  %s\n", rows[i].n,
                total ? 100.0 * (double)rows[i].n / (double)total : 0.0, addr, rows[i].name);
    }
    /* the same cycles by IMEM word, in address order (for objdump -d -l's source lines) */
    fprintf(of.f, "# by IMEM word, in address order\n");
    fprintf(of.f, "# %14s %10s  %s\n", "cycles", "address", "function+offset");
    s = 0;
    for (uint32_t i = 0; i < nwords; i++) {
        uint32_t pc = CMS_IMEM_BASE + 4u * i;
        while (s < h->nsyms && h->syms[s].addr <= pc)
            s++;
        if (!h->prof[i])
            continue;
        size_t k = s;
        while (k > 0 && h->syms[k - 1].size && pc - h->syms[k - 1].addr >= h->syms[k - 1].size)
            k--;
        if (k > 0)
            fprintf(of.f, "%16" PRIu64 " 0x%08" PRIx32 "  %s+0x%" PRIx32 "\n", h->prof[i], pc,
                    h->syms[k - 1].name, pc - h->syms[k - 1].addr);
        else
            fprintf(of.f, "%16" PRIu64 " 0x%08" PRIx32 "  (no symbol)\n", h->prof[i], pc);
    }
    free(rows);
    return outfile_commit(&of);
}

/* After the run: messages, JSON; returns the exit status. */
static int report(harness_t *h, int exited, uint32_t code, uint64_t cycles)
{
    const cms_opts_t *o = &h->opt;
    if (exited < 0) {
        fprintf(stderr, TOOL ": --trace %s: write error after %" PRIu64 " cycles: %s; run stopped, "
                "the file is left as it was\n", o->trace, cycles, strerror(chip_trace_error()));
        return HOSTIF_ST_FAULT;
    }
    if (!exited) {
        fputs(TOOL ": internal fault: no exit after ", stderr);
        print_u64_sep(stderr, cycles);
        fputs(" cycles\n", stderr);
        return HOSTIF_ST_FAULT;
    }
    hostif_t hb;
    if (o->java) {
        /* the firmware's MMIO_EXIT value is the Java program's exit status, which a process
         * keeps the low 8 bits of (System.exit(-1): 255, as java's); the host block's status
         * tells a firmware fault from an exit */
        read_hostblk(&hb);
        if (hb.status == HOSTIF_ST_FAULT) {
            fprintf(stderr, TOOL ": firmware fault: mcause 0x%08" PRIx32 ", mepc 0x%08" PRIx32
                    ", mtval 0x%08" PRIx32 "\n", hb.trap_cause, hb.trap_pc, hb.trap_tval);
            return HOSTIF_ST_FAULT;
        }
        return (int)(code & 0xffu);
    }
    if (code > EXIT_STATUS_MAX)
        fprintf(stderr, TOOL ": exit code 0x%08" PRIx32 " (exit status %d)\n", code, EXIT_STATUS_MAX);
    int status = code > EXIT_STATUS_MAX ? EXIT_STATUS_MAX : (int)code;
    if (!o->program)
        return status;

    read_hostblk(&hb);
    if (code == HOSTIF_ST_FAULT) {
        fprintf(stderr, TOOL ": firmware fault: mcause 0x%08" PRIx32 ", mepc 0x%08" PRIx32
                ", mtval 0x%08" PRIx32 "\n", hb.trap_cause, hb.trap_pc, hb.trap_tval);
        return status;
    }
    if (code != HOSTIF_ST_HALTED && code != HOSTIF_ST_LIMIT) {
        fprintf(stderr, TOOL ": unexpected firmware exit code %" PRIu32 "\n", code);
        return HOSTIF_ST_FAULT;
    }
    if (o->state_json && write_state_json(o->state_json, &hb) != 0)
        return HOSTIF_ST_FAULT;
    return status;
}

/* The time-out: the firmware stops itself at its limits; the harness gives up this much later. */
static uint64_t hard_stop_cycles(const cms_opts_t *o)
{
    uint64_t base;
    if (o->have_max_cycles)
        base = o->max_cycles;
    else if (!o->program)
        base = BARE_MAX_CYCLES;
    else {
        uint64_t steps = cms_opts_step_limit(o);
        base = steps > UINT64_MAX / CMS_HARD_STOP_CYCLES_PER_STEP ? UINT64_MAX
                                                                  : steps * CMS_HARD_STOP_CYCLES_PER_STEP;
    }
    return base + CMS_HARD_STOP_MARGIN < base ? UINT64_MAX : base + CMS_HARD_STOP_MARGIN;
}

static int harness_run(harness_t *h)
{
    const cms_opts_t *o = &h->opt;
    ssem_image_t img;
    char err[4608];

    if (check_outputs(h) != 0)
        return HOSTIF_ST_USAGE;
    h->con = o->state_json && strcmp(o->state_json, "-") == 0 ? stderr : stdout;
    hostblk_set_dmem_bytes(&h->mem, chip_dmem_bytes());
    if (o->java) {
        int e = jvm_guest_link(o, TOOL, hostblk_jvm_window_bytes(&h->mem), &h->jimg);
        if (e != 0)
            return e;
    } else if (o->program && ssem_load_file(o->program, o->index, &img, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err); /* "FILE:LINE: reason", as ssem-ref prints it */
        return HOSTIF_ST_LOAD_ERROR;
    }
    if (hostblk_load_elf(&h->mem, TOOL, h->firmware) != 0 ||
        (o->java ? hostblk_setup_jvm(&h->mem, TOOL, h->firmware, o, h->jimg.bytes, h->jimg.size)
                 : hostblk_setup(&h->mem, TOOL, h->firmware, o, o->program ? &img : NULL)) != 0)
        return HOSTIF_ST_LOAD_ERROR;
    if (o->boot_image)
        return hostblk_write_boot_image(&h->mem, TOOL, "--boot-image", o->boot_image);
    if (o->profile) {
        if (hostblk_text_symbols(TOOL, h->firmware, &h->syms, &h->nsyms) != 0)
            return HOSTIF_ST_LOAD_ERROR;
        h->prof = (uint64_t *)calloc(CMS_IMEM_BYTES / 4 + 1, sizeof *h->prof);
        if (!h->prof) {
            fputs(TOOL ": out of memory\n", stderr);
            return HOSTIF_ST_FAULT;
        }
        chip_profile(h->prof, CMS_IMEM_BYTES / 4);
    }

    for (uint32_t i = 0; i < CMS_IMEM_BYTES / 4; i++) {
        uint32_t w;
        memcpy(&w, h->mem.imem + 4 * i, sizeof w);
        chip_mem_write(CHIP_IMEM, i, w);
    }
    for (uint32_t i = 0; i < hostblk_dmem_bytes(&h->mem) / 4; i++) {
        uint32_t w;
        memcpy(&w, h->mem.dmem + 4 * i, sizeof w);
        chip_mem_write(CHIP_DMEM, i, w);
    }
    if (o->trace) {
        if (outfile_open(&h->trace, TOOL, "--trace", o->trace) != 0 || outfile_close_tmp(&h->trace) != 0)
            return HOSTIF_ST_FAULT;
        if (chip_trace_open(h->trace.tmp) != 0) {
            outfile_abort(&h->trace);
            return HOSTIF_ST_FAULT;
        }
        h->tracing_open = 1;
        chip_trace_enable(o->trace_from == 0); /* reset is traced when the window starts at 0 */
    }

    chip_reset();
    uint32_t code = 0;
    double t0 = now_seconds();
    int exited = run_chip(h, hard_stop_cycles(o), &code);
    double secs = now_seconds() - t0;
    uint64_t cycles = chip_cycles();
    fflush(h->con);

    int rc = report(h, exited, code, cycles);
    if (o->profile) {
        chip_profile(NULL, 0);
        if (write_profile(h, cycles) != 0)
            rc = HOSTIF_ST_FAULT;
    }
    if (h->tracing_open) {
        int e = chip_trace_close();
        h->tracing_open = 0;
        if (e && exited >= 0) {
            fprintf(stderr, TOOL ": --trace %s: write error: %s; the file is left as it was\n",
                    o->trace, strerror(e));
            rc = HOSTIF_ST_FAULT;
        }
        if (e)
            outfile_abort(&h->trace);
        else if (outfile_commit(&h->trace) != 0)
            rc = HOSTIF_ST_FAULT;
        else {
            uint64_t last = o->trace_from + o->trace_cycles;
            if (last < o->trace_from || last > cycles)
                last = cycles;
            fprintf(stderr, TOOL ": --trace %s: cycles %" PRIu64 "..%" PRIu64 " of %" PRIu64 "%s\n",
                    o->trace, o->trace_from < cycles ? o->trace_from : cycles, last, cycles,
                    last < cycles ? " (--trace-cycles to trace more)" : "");
        }
    }
    if (o->stats) {
        fputs("sim: ", stderr);
        print_u64_sep(stderr, cycles);
        fprintf(stderr, " cycles in %.2f s host time: ", secs);
        print_u64_sep(stderr, secs > 0 ? (uint64_t)((double)cycles / secs) : 0);
        fputs(" simulated cycles per host second\n", stderr);
    }
    return rc;
}

static char usage_buf[sizeof usage_text + 4096];

int harness_main(int argc, char **argv)
{
    harness_t *h = (harness_t *)calloc(1, sizeof *h);
    if (!h) {
        fputs(TOOL ": out of memory\n", stderr);
        return HOSTIF_ST_FAULT;
    }
    snprintf(usage_buf, sizeof usage_buf, usage_text, jvm_guest_default_lib(),
             CMS_DEFAULT_JVM_FIRMWARE, (unsigned)CMS_DEFAULT_MAX_STEPS,
             CMS_DEFAULT_FIRMWARE, (unsigned)CMS_CHUNK_STEPS, (unsigned)CMS_TX_BUDGET,
             (unsigned)CMS_TRACE_CYCLES_DEFAULT,
             (unsigned)CMS_IRQ_MAX_GAP_DEFAULT);
    int rc = cms_opts_parse(&h->opt, TOOL,
                            CMS_OPT_GUEST | CMS_OPT_STATE | CMS_OPT_FW | CMS_OPT_SIM | CMS_OPT_JAVA,
                            usage_buf, argc, argv);
    if (rc < 0) {
        h->firmware = h->opt.firmware ? h->opt.firmware
                      : h->opt.java   ? CMS_DEFAULT_JVM_FIRMWARE
                                      : CMS_DEFAULT_FIRMWARE;
        rc = harness_run(h);
    }
    if (h->trace.tmp)
        outfile_abort(&h->trace);
    free(h->prof);
    hostblk_free_symbols(h->syms, h->nsyms);
    jvm_image_free(&h->jimg);
    cms_opts_free(&h->opt);
    free(h);
    return rc;
}
