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
 * Exit status: the firmware's MMIO_EXIT code (HOSTIF_ST_*: 0 halted, 2 limit, 4 fault);
 * HOSTIF_ST_LOAD_ERROR when a file cannot be loaded; HOSTIF_ST_USAGE for a bad command line;
 * HOSTIF_ST_FAULT when the firmware has not exited HARD_STOP_MARGIN cycles after max-cycles.
 *
 * C11 (mk/chip.mk builds it with the host flags into a library). It is also valid C++, since
 * a Verilator --exe build compiles every source it is given, .c files included, as C++.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif
#include <assert.h>
#include <ctype.h>
#include <elf.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cms_defs.h"
#include "harness.h"
#include "hostif.h"
#include "ssem_load.h"
#include "ssem_ref.h"

/* The default firmware: CMS_DEFAULT_FIRMWARE as a string literal, or CMS_DEFAULT_FIRMWARE_PATH
 * as bare text (mk/sim.mk: it survives the quoting layers of a Verilator build). */
#define HARNESS_STR_(x) #x
#define HARNESS_STR(x) HARNESS_STR_(x)
#if defined(CMS_DEFAULT_FIRMWARE_PATH)
#define CMS_DEFAULT_FIRMWARE HARNESS_STR(CMS_DEFAULT_FIRMWARE_PATH)
#elif !defined(CMS_DEFAULT_FIRMWARE)
#define CMS_DEFAULT_FIRMWARE "build/fw/ssem.elf"
#endif

static_assert(sizeof(hostif_t) == HOSTIF_BYTES, "HOSTIF_BYTES disagrees with hostif_t");
static_assert(sizeof(((hostif_t *)0)->store) == sizeof(((ssem_image_t *)0)->store),
              "host block store and ssem_image_t differ");

#define DEFAULT_MAX_CYCLES 1000000000ull /* firmware-checked limit when --max-cycles is absent */
#define HARD_STOP_MARGIN 20000000ull     /* the harness stops this many cycles later */
#define EXIT_STATUS_MAX 255              /* larger MMIO_EXIT values exit with this */

typedef struct {
    const char *firmware, *program, *state_json, *trace, *boot_image;
    int index;       /* program within a multi-program file; -1: the only/first */
    int answer_line; /* -1: none */
    int have_max_cycles, have_stop_after, stats, crt, quiet;
    uint64_t max_cycles, stop_after;
    uint64_t *irq_at; /* sorted */
    size_t n_irq;
} options_t;

typedef struct {
    options_t opt;
    uint8_t imem[CMS_IMEM_BYTES];
    uint8_t dmem[CMS_DMEM_BYTES];
    int hostblk_loaded; /* an ELF segment covers the host block */
    uint32_t imem_end, dmem_end; /* bytes of IMEM and DMEM the images use (from 0) */
    FILE *con;          /* console output */
} harness_t;

/* ---------------------------------------------------------------- command line */

static const char usage_text[] =
    "usage: cms-sim [options] PROGRAM\n"
    "       cms-sim --firmware ELF [options]          (a bare program, no guest)\n"
    "Run an SSEM (Manchester Baby) program on the simulated chip.\n"
    "  --firmware ELF     firmware to run (default " CMS_DEFAULT_FIRMWARE ")\n"
    "  --index N          program N of a multi-program file (.coe: 0..3)\n"
    "  --max-cycles N     stop after about N native cycles (firmware-checked; default 1000000000)\n"
    "  --stop-after N     stop after exactly N guest instructions\n"
    "  --state-json FILE  write the final guest state as JSON ('-': stdout; the console then\n"
    "                     goes to stderr)\n"
    "  --answer LINE      the firmware ends its report with store line LINE's value\n"
    "  --crt              show the final store as the Baby's CRT did\n"
    "  --stats            print the chip's counters and the simulation speed\n"
    "  --trace FILE       write a VCD waveform\n"
    "  --irq-at CYCLE     raise irq_i at CYCLE until the chip acknowledges it (repeatable)\n"
    "  --quiet            the firmware prints nothing\n"
    "  --boot-image FILE  do not run: write the boards' boot image (firmware, data and host block\n"
    "                     for PROGRAM and these options; docs/fpga.md) to FILE, then exit\n"
    "  --help             this text\n"
    "Exit status: 0 halted, 2 limit reached, 3 load error, 4 fault or time-out, 64 usage;\n"
    "a bare program exits with the value it wrote to MMIO_EXIT.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("cms-sim: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'cms-sim --help'.\n", stderr);
    return HOSTIF_ST_USAGE;
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

enum {
    OPT_FIRMWARE = 256, OPT_INDEX, OPT_MAX_CYCLES, OPT_STOP_AFTER, OPT_STATE_JSON, OPT_STATS,
    OPT_CRT, OPT_ANSWER, OPT_TRACE, OPT_IRQ_AT, OPT_QUIET, OPT_BOOT_IMAGE, OPT_HELP
};

/* Returns -1 to go on, else an exit status. */
static int parse_args(options_t *o, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"firmware", required_argument, NULL, OPT_FIRMWARE},
        {"index", required_argument, NULL, OPT_INDEX},
        {"max-cycles", required_argument, NULL, OPT_MAX_CYCLES},
        {"stop-after", required_argument, NULL, OPT_STOP_AFTER},
        {"state-json", required_argument, NULL, OPT_STATE_JSON},
        {"stats", no_argument, NULL, OPT_STATS},
        {"crt", no_argument, NULL, OPT_CRT},
        {"answer", required_argument, NULL, OPT_ANSWER},
        {"trace", required_argument, NULL, OPT_TRACE},
        {"irq-at", required_argument, NULL, OPT_IRQ_AT},
        {"quiet", no_argument, NULL, OPT_QUIET},
        {"boot-image", required_argument, NULL, OPT_BOOT_IMAGE},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    const char *firmware = NULL;
    uint64_t v;

    memset(o, 0, sizeof *o);
    o->index = -1;
    o->answer_line = -1;
    o->max_cycles = DEFAULT_MAX_CYCLES;
    o->irq_at = (uint64_t *)calloc((size_t)argc + 1, sizeof *o->irq_at);
    if (!o->irq_at) {
        fputs("cms-sim: out of memory\n", stderr);
        return HOSTIF_ST_FAULT;
    }
    opterr = 0; /* our own messages */
    optind = 1;
    for (;;) {
        int c = getopt_long(argc, argv, ":", longopts, NULL);
        if (c == -1)
            break;
        switch (c) {
        case OPT_FIRMWARE:
            firmware = optarg;
            break;
        case OPT_INDEX:
            if (parse_u64(optarg, &v) || v > INT32_MAX)
                return usage_error("--index: bad number '%s'", optarg);
            o->index = (int)v;
            break;
        case OPT_MAX_CYCLES:
            if (parse_u64(optarg, &o->max_cycles))
                return usage_error("--max-cycles: bad number '%s'", optarg);
            o->have_max_cycles = 1;
            break;
        case OPT_STOP_AFTER:
            if (parse_u64(optarg, &o->stop_after))
                return usage_error("--stop-after: bad number '%s'", optarg);
            o->have_stop_after = 1;
            break;
        case OPT_STATE_JSON:
            if (optarg[0] == '\0')
                return usage_error("--state-json: empty file name%s", "");
            o->state_json = optarg;
            break;
        case OPT_STATS:
            o->stats = 1;
            break;
        case OPT_CRT:
            o->crt = 1;
            break;
        case OPT_ANSWER:
            if (parse_u64(optarg, &v) || v >= HOSTIF_STORE_WORDS)
                return usage_error("--answer: bad store line '%s' (0..31)", optarg);
            o->answer_line = (int)v;
            break;
        case OPT_TRACE:
            if (optarg[0] == '\0')
                return usage_error("--trace: empty file name%s", "");
            o->trace = optarg;
            break;
        case OPT_IRQ_AT:
            if (parse_u64(optarg, &v))
                return usage_error("--irq-at: bad number '%s'", optarg);
            o->irq_at[o->n_irq++] = v;
            break;
        case OPT_QUIET:
            o->quiet = 1;
            break;
        case OPT_BOOT_IMAGE:
            if (optarg[0] == '\0')
                return usage_error("--boot-image: empty file name%s", "");
            o->boot_image = optarg;
            break;
        case OPT_HELP:
            fputs(usage_text, stdout);
            return 0;
        case ':':
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        o->program = argv[optind++];
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    if (!o->program && !firmware)
        return usage_error("%s", "no PROGRAM (and no --firmware)");
    o->firmware = firmware ? firmware : CMS_DEFAULT_FIRMWARE;
    qsort(o->irq_at, o->n_irq, sizeof *o->irq_at, cmp_u64);
    return -1;
}

/* ---------------------------------------------------------------- ELF loading */

static int load_error(const char *path, const char *what)
{
    fprintf(stderr, "cms-sim: %s: %s\n", path, what);
    return -1;
}

/* [lo, hi) inside [base, base + bytes)? (lo <= hi) */
static int in_region(uint64_t lo, uint64_t hi, uint64_t base, uint64_t bytes)
{
    return lo - base < bytes && hi - base <= bytes;
}

/* Load the PT_LOAD segments of a RISC-V ELF32 into the IMEM/DMEM images. */
static int load_elf(harness_t *h, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cms-sim: %s: %s\n", path, strerror(errno));
        return -1;
    }
    uint8_t *buf = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = (uint8_t *)malloc((size_t)size + 1);
        if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size)
            size = -1;
    }
    fclose(f);
    int rc = -1;
    Elf32_Ehdr eh;
    if (!buf || size < 0) {
        rc = load_error(path, "cannot read the file");
        goto out;
    }
    if ((size_t)size < sizeof eh || memcmp(buf, ELFMAG, SELFMAG) != 0) {
        rc = load_error(path, "not an ELF file");
        goto out;
    }
    memcpy(&eh, buf, sizeof eh);
    if (eh.e_ident[EI_CLASS] != ELFCLASS32 || eh.e_ident[EI_DATA] != ELFDATA2LSB) {
        rc = load_error(path, "not a 32-bit little-endian ELF file");
        goto out;
    }
    if (eh.e_machine != EM_RISCV || eh.e_type != ET_EXEC) {
        rc = load_error(path, "not a RISC-V executable");
        goto out;
    }
    if (eh.e_phentsize != sizeof(Elf32_Phdr) ||
        (uint64_t)eh.e_phoff + (uint64_t)eh.e_phnum * sizeof(Elf32_Phdr) > (uint64_t)size) {
        rc = load_error(path, "bad program header table");
        goto out;
    }
    {
        int loaded = 0;
        for (unsigned i = 0; i < eh.e_phnum; i++) {
            Elf32_Phdr ph;
            memcpy(&ph, buf + eh.e_phoff + i * sizeof ph, sizeof ph);
            if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
                continue;
            uint64_t lo = ph.p_paddr, hi = lo + ph.p_memsz;
            uint8_t *dst;
            if (in_region(lo, hi, CMS_IMEM_BASE, CMS_IMEM_BYTES))
                dst = h->imem + (lo - CMS_IMEM_BASE);
            else if (in_region(lo, hi, CMS_DMEM_BASE, CMS_DMEM_BYTES))
                dst = h->dmem + (lo - CMS_DMEM_BASE);
            else {
                fprintf(stderr, "cms-sim: %s: segment %u at 0x%08" PRIx64 "..0x%08" PRIx64
                        " is not inside IMEM or DMEM\n", path, i, lo, hi);
                goto out;
            }
            if (ph.p_filesz > ph.p_memsz || (uint64_t)ph.p_offset + ph.p_filesz > (uint64_t)size) {
                rc = load_error(path, "truncated or malformed segment");
                goto out;
            }
            memcpy(dst, buf + ph.p_offset, ph.p_filesz);
            uint32_t *end = dst < h->dmem ? &h->imem_end : &h->dmem_end;
            uint32_t off = (uint32_t)(hi - (dst < h->dmem ? CMS_IMEM_BASE : CMS_DMEM_BASE));
            if (off > *end)
                *end = off;
            memset(dst + ph.p_filesz, 0, ph.p_memsz - ph.p_filesz);
            if (lo < (uint64_t)CMS_HOSTBLK_ADDR + HOSTIF_BYTES && hi > CMS_HOSTBLK_ADDR)
                h->hostblk_loaded = 1;
            loaded++;
        }
        if (!loaded) {
            rc = load_error(path, "no loadable segment");
            goto out;
        }
    }
    rc = 0;
out:
    free(buf);
    return rc;
}

/* ---------------------------------------------------------------- host block */

static uint32_t *hostblk_words(harness_t *h)
{
    return (uint32_t *)(void *)(h->dmem + (CMS_HOSTBLK_ADDR - CMS_DMEM_BASE));
}

/* The host block as the firmware reads it (the image is little-endian, like the host). */
static void fill_hostblk(harness_t *h, const ssem_image_t *img)
{
    const options_t *o = &h->opt;
    hostif_t hb;
    memset(&hb, 0, sizeof hb);
    hb.magic = HOSTIF_MAGIC;
    hb.flags = HOSTIF_F_MAX_CYCLES;
    hb.max_cycles_lo = (uint32_t)o->max_cycles;
    hb.max_cycles_hi = (uint32_t)(o->max_cycles >> 32);
    if (o->have_stop_after) {
        hb.flags |= HOSTIF_F_STOP_AFTER;
        hb.stop_after_lo = (uint32_t)o->stop_after;
        hb.stop_after_hi = (uint32_t)(o->stop_after >> 32);
    }
    if (o->crt)
        hb.flags |= HOSTIF_F_CRT;
    if (o->stats)
        hb.flags |= HOSTIF_F_STATS;
    if (o->quiet)
        hb.flags |= HOSTIF_F_QUIET;
    if (o->answer_line >= 0) {
        hb.flags |= HOSTIF_F_ANSWER;
        hb.answer_line = (uint32_t)o->answer_line;
    }
    memcpy(hb.store, img->store, sizeof hb.store);
    memcpy(hostblk_words(h), &hb, sizeof hb);
    if (h->dmem_end < CMS_HOSTBLK_ADDR - CMS_DMEM_BASE + HOSTIF_BYTES)
        h->dmem_end = CMS_HOSTBLK_ADDR - CMS_DMEM_BASE + HOSTIF_BYTES;
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

/* Run until the firmware writes MMIO_EXIT (returns 1, *code set) or the hard stop (0). */
static int run_chip(harness_t *h, uint64_t hard_stop, uint32_t *code)
{
    const options_t *o = &h->opt;
    size_t next_irq = 0;
    for (;;) {
        uint64_t now = chip_cycles();
        if (now >= hard_stop)
            return 0;
        while (next_irq < o->n_irq && o->irq_at[next_irq] <= now) {
            chip_set_irq(1);
            next_irq++;
        }
        uint64_t until = hard_stop;
        if (next_irq < o->n_irq && o->irq_at[next_irq] < until)
            until = o->irq_at[next_irq];
        chip_out_t out;
        unsigned ev = chip_run(until - now, &out);
        if (ev & CHIP_EV_CON)
            fputc(out.con_byte, h->con);
        if (ev & CHIP_EV_IRQ_ACK)
            chip_set_irq(0);
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
    int to_stdout = strcmp(path, "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(path, "w");
    if (!f) {
        fprintf(stderr, "cms-sim: %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = ssem_state_write_json(f, &st);
    if (to_stdout ? fflush(f) != 0 : fclose(f) != 0)
        rc = -1;
    if (rc)
        fprintf(stderr, "cms-sim: %s: cannot write the state\n", path);
    return rc;
}

/* After the run: messages, JSON; returns the exit status. */
static int report(harness_t *h, int exited, uint32_t code, uint64_t cycles)
{
    const options_t *o = &h->opt;
    if (!exited) {
        fputs("cms-sim: internal fault: no exit after ", stderr);
        print_u64_sep(stderr, cycles);
        fputs(" cycles\n", stderr);
        return HOSTIF_ST_FAULT;
    }
    if (code > EXIT_STATUS_MAX)
        fprintf(stderr, "cms-sim: exit code 0x%08" PRIx32 " (exit status %d)\n", code, EXIT_STATUS_MAX);
    int status = code > EXIT_STATUS_MAX ? EXIT_STATUS_MAX : (int)code;
    if (!o->program)
        return status;

    hostif_t hb;
    read_hostblk(&hb);
    if (code == HOSTIF_ST_FAULT) {
        fprintf(stderr, "cms-sim: firmware fault: mcause 0x%08" PRIx32 ", mepc 0x%08" PRIx32
                ", mtval 0x%08" PRIx32 "\n", hb.trap_cause, hb.trap_pc, hb.trap_tval);
        return status;
    }
    if (code != HOSTIF_ST_HALTED && code != HOSTIF_ST_LIMIT) {
        fprintf(stderr, "cms-sim: unexpected firmware exit code %" PRIu32 "\n", code);
        return HOSTIF_ST_FAULT;
    }
    if (o->state_json && write_state_json(o->state_json, &hb) != 0)
        return HOSTIF_ST_FAULT;
    return status;
}

/* ---------------------------------------------------------------- boot image */

/* The translation cache's contents at configuration on the boards (rtl/cms_chip.v, BOOT_IMAGE):
 * word 0 = {DMEM words [31:16], IMEM words [15:0]}, the IMEM words, the DMEM words, zeros.
 * $readmemh text, one TC row of chip_slots() words per line, the last bank leftmost. */
static int write_boot_image(const harness_t *h, const char *path)
{
    const uint32_t ni = (h->imem_end + 3) / 4, nd = (h->dmem_end + 3) / 4;
    const uint32_t words = CMS_TC_BYTES / 4, slots = chip_slots();
    if (1 + ni + nd > words) {
        fprintf(stderr, "cms-sim: %s: the boot image needs %" PRIu32 " words (%" PRIu32
                " IMEM, %" PRIu32 " DMEM, 1 header) but the translation cache holds %" PRIu32 "\n",
                path, 1 + ni + nd, ni, nd, words);
        return HOSTIF_ST_LOAD_ERROR;
    }
    uint32_t *tc = (uint32_t *)calloc(words, sizeof *tc);
    if (!tc) {
        fputs("cms-sim: out of memory\n", stderr);
        return HOSTIF_ST_FAULT;
    }
    tc[0] = nd << 16 | ni;
    memcpy(tc + 1, h->imem, 4 * (size_t)ni);
    memcpy(tc + 1 + ni, h->dmem, 4 * (size_t)nd);
    FILE *f = fopen(path, "w");
    int ok = f != NULL;
    for (uint32_t r = 0; ok && r < words / slots; r++) {
        for (uint32_t b = slots; b-- > 0;)
            fprintf(f, "%08" PRIx32, tc[r * slots + b]);
        fputc('\n', f);
    }
    if (f && (ferror(f) | fclose(f)))
        ok = 0;
    free(tc);
    if (!ok) {
        fprintf(stderr, "cms-sim: %s: %s\n", path, strerror(errno));
        remove(path);
        return HOSTIF_ST_FAULT;
    }
    fprintf(stderr, "cms-sim: %s: boot image: %" PRIu32 " IMEM + %" PRIu32 " DMEM words of %" PRIu32
            " in the TC\n", path, ni, nd, words - 1);
    return 0;
}

static int harness_run(harness_t *h)
{
    const options_t *o = &h->opt;
    ssem_image_t img;
    char err[512];

    h->con = o->state_json && strcmp(o->state_json, "-") == 0 ? stderr : stdout;
    if (o->program && ssem_load_file(o->program, o->index, &img, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err); /* "FILE:LINE: reason", as ssem-ref prints it */
        return HOSTIF_ST_LOAD_ERROR;
    }
    if (load_elf(h, o->firmware) != 0)
        return HOSTIF_ST_LOAD_ERROR;
    if (o->program) {
        if (h->hostblk_loaded) {
            load_error(o->firmware, "a segment overlaps the host block");
            return HOSTIF_ST_LOAD_ERROR;
        }
        fill_hostblk(h, &img);
    } else if (!h->hostblk_loaded) {
        uint32_t magic = HOSTIF_MAGIC; /* bare programs may look for it; nothing else */
        memcpy(hostblk_words(h), &magic, sizeof magic);
        if (h->dmem_end < CMS_HOSTBLK_ADDR - CMS_DMEM_BASE + 4)
            h->dmem_end = CMS_HOSTBLK_ADDR - CMS_DMEM_BASE + 4;
    }
    if (o->boot_image)
        return write_boot_image(h, o->boot_image);

    for (uint32_t i = 0; i < CMS_IMEM_BYTES / 4; i++) {
        uint32_t w;
        memcpy(&w, h->imem + 4 * i, sizeof w);
        chip_mem_write(CHIP_IMEM, i, w);
    }
    for (uint32_t i = 0; i < CMS_DMEM_BYTES / 4; i++) {
        uint32_t w;
        memcpy(&w, h->dmem + 4 * i, sizeof w);
        chip_mem_write(CHIP_DMEM, i, w);
    }
    if (o->trace && chip_trace_open(o->trace) != 0)
        return HOSTIF_ST_USAGE;

    chip_reset();
    uint64_t hard_stop = o->max_cycles + HARD_STOP_MARGIN;
    if (hard_stop < o->max_cycles)
        hard_stop = UINT64_MAX;
    uint32_t code = 0;
    double t0 = now_seconds();
    int exited = run_chip(h, hard_stop, &code);
    double secs = now_seconds() - t0;
    uint64_t cycles = chip_cycles();
    fflush(h->con);

    int rc = report(h, exited, code, cycles);
    if (o->stats) {
        fputs("sim: ", stderr);
        print_u64_sep(stderr, cycles);
        fprintf(stderr, " cycles in %.2f s host time: ", secs);
        print_u64_sep(stderr, secs > 0 ? (uint64_t)((double)cycles / secs) : 0);
        fputs(" simulated cycles per host second\n", stderr);
    }
    return rc;
}

int harness_main(int argc, char **argv)
{
    harness_t *h = (harness_t *)calloc(1, sizeof *h);
    if (!h) {
        fputs("cms-sim: out of memory\n", stderr);
        return HOSTIF_ST_FAULT;
    }
    int rc = parse_args(&h->opt, argc, argv);
    if (rc < 0)
        rc = harness_run(h);
    free(h->opt.irq_at);
    free(h);
    return rc;
}
