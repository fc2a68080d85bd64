/* main.c -- the SSEM (Manchester Baby) interpreter firmware.
 *
 * The host (sim/harness.c) writes the host block (hostif.h) before reset: magic, flags,
 * limits and the guest store. main() points the guest window at hostif->store, interprets
 * the guest, writes the results back and prints a report; start.S writes main's return
 * value (hostif->status) to MMIO_EXIT.
 *
 * Semantics, exact: each step CI = CI + 1; PI = store[CI & 31]; op = (PI >> 13) & 7;
 * s = PI & 31; then 0 JMP CI = store[s]; 1 JRP CI += store[s]; 2 LDN A = -store[s];
 * 3 STO store[s] = A; 4, 5 SUB A -= store[s]; 6 CMP if A < 0: CI += 1; 7 STP halt (a step).
 * 32-bit wrapping; start A = 0, CI = 0.
 *
 * Limits: HOSTIF_F_STOP_AFTER stops after exactly stop_after guest instructions (0 allowed).
 * HOSTIF_F_MAX_CYCLES is checked before each chunk of at most CHUNK_STEPS guest
 * instructions, so a run may overshoot max_cycles by up to one chunk.
 *
 * The hot loop keeps A, CI, the store pointer and the chunk's remaining count in registers;
 * the 64-bit step count is updated once per chunk. See build/fw/ssem.dis (ssem_run): 14
 * instructions fetch, count and dispatch (jump table in DMEM), then 5 to 7 per operation
 * including the loop test: 19 (CMP) to 21 (LDN, JRP), 20 for SUB/STO/JMP (docs/firmware.md;
 * the measured cycles per guest instruction are in docs/bench.md).
 */
#include "fw.h"
#ifdef CMS_MORPH
#include "morph.h"
#include "ssem_tx.h"
#endif

#define CHUNK_STEPS CMS_CHUNK_STEPS /* guest instructions between limit checks (spec/chip.tbl) */

/* SSEM instruction word: function bits 13..15, line bits 0..4 */
#define SSEM_OP_SHIFT 13
#define SSEM_OP_MASK 7u
#define SSEM_LINE_MASK (HOSTIF_STORE_WORDS - 1u)
_Static_assert((HOSTIF_STORE_WORDS & (HOSTIF_STORE_WORDS - 1)) == 0, "store size: power of 2");
enum { OP_JMP, OP_JRP, OP_LDN, OP_STO, OP_SUB, OP_SUB5, OP_CMP, OP_STP };

/* profile[line] is addressed from &store[line]: one load base for both on the hot path */
#define PROFILE_DELTA HOSTIF_STORE_WORDS
_Static_assert(offsetof(hostif_t, profile) == offsetof(hostif_t, store) + PROFILE_DELTA * sizeof(uint32_t),
               "hostif_t.profile must follow hostif_t.store");

typedef struct {
    uint32_t status, a, ci;
    uint64_t steps;
} run_result_t;

/* Interrupts on (mstatus.MIE). Forward progress under an interrupt storm: trap.c returns from an
 * external interrupt with interrupts off, and the interpreter turns them on again only at the
 * start of a chunk and after a JMP or JRP (every loop has one), so at least one guest
 * instruction completes for every two interrupts however often the line is raised. (Turning
 * them on before every guest instruction would cost a cycle per step, 5%.) Without this, an
 * interrupt raised again within the handler's ~90 cycles is taken straight after the mret,
 * for ever: a livelock. */
static inline void irq_enable(void)
{
    __asm__ volatile("csrsi " CMS_STR(CMS_CSR_MSTATUS) ", %0" : : "i"(MSTATUS_MIE));
}

/* Run the guest in hostif->store until STP or a limit. t_start: mcycle at the start. Written
 * once, specialised twice by the constant `morph`: the interpreter alone (morph = 0; the code of
 * the interpret-only firmware build/fw/ssem.elf and of --interpret-only), and the translating
 * loop (morph = 1, -DCMS_MORPH): the same interpreter, plus before each step the entry into the
 * translation of the line about to run (morph.c) or its translation when the line has become
 * hot, both found by one test of the line's profile count. A translation runs with a budget of
 * min(steps left to the stop point, morph_budget) guest instructions (morph_budget:
 * CMS_TX_BUDGET_MAX, or CMS_TX_BUDGET with a cycle limit, shorter after aborts: morph.c); after
 * it the chunk ends (the limits are checked again). Interrupts are on at each entry (an interrupt aborts it, rolling back to its last commit),
 * except the entry right after an interrupt abort: it runs with mie.MEIE clear and so progresses
 * (forward progress: at least one guest instruction for every two interrupts; the latency is
 * then one entry's run, which morph_budget shortens). After any other abort, or an entry that
 * made no progress, one instruction is interpreted before entering again. */
static inline __attribute__((always_inline)) void ssem_loop(hostif_t *h, uint64_t t_start, run_result_t *res,
                                                            const int morph)
{
    uint32_t *const mem = (uint32_t *)h->store;
    const uint32_t flags = h->flags;
    const uint64_t stop_after = (uint64_t)h->stop_after_hi << 32 | h->stop_after_lo;
    const uint64_t max_cycles = (uint64_t)h->max_cycles_hi << 32 | h->max_cycles_lo;
    uint64_t steps = 0;
    uint32_t a = 0, ci = 0, status, no_tx = 0, irq_off = 0;

    for (;;) {
        uint32_t n = CHUNK_STEPS;
        if (flags & HOSTIF_F_STOP_AFTER) {
            uint64_t left = stop_after - steps;
            if (left == 0) {
                status = HOSTIF_ST_LIMIT;
                break;
            }
            if (left < n)
                n = (uint32_t)left;
        }
        if ((flags & HOSTIF_F_MAX_CYCLES) && read_mcycle64() - t_start >= max_cycles) {
            status = HOSTIF_ST_LIMIT;
            break;
        }

        if (!irq_off)
            irq_enable();
        uint32_t k = n; /* steps left in this chunk (n >= 1) */
        do {
            const uint32_t l = (ci + 1) & SSEM_LINE_MASK;
            uint32_t *const word = &mem[l];
            const uint32_t count = ++word[PROFILE_DELTA]; /* hostif->profile[line] */
#ifdef CMS_MORPH
            /* one test per step: morph_trig[l] is 0 for a line with a translation, else the
             * count at which the line is hot */
            if (morph && count >= morph_trig[l]) {
                /* translate it (or set when to try again), unless the stop point is so near
                 * that a translation could not be entered (its entry check wants up to
                 * STX_NLINES steps left) */
                if (!(morph_valid >> l & 1u) &&
                    (!(flags & HOSTIF_F_STOP_AFTER) || stop_after - steps - (n - k) >= STX_NLINES))
                    morph_hot(h, l);
                if ((morph_valid >> l & 1u) && !no_tx) {
                    word[PROFILE_DELTA] = count - 1; /* not interpreted */
                    steps += n - k;                  /* the chunk ends here */
                    uint32_t budget = morph_budget, done;
                    if ((flags & HOSTIF_F_STOP_AFTER) && stop_after - steps < budget)
                        budget = (uint32_t)(stop_after - steps);
                    /* progress since the last interrupt: interrupts on, and one aborts the
                     * entry (a pending interrupt aborts a translation whenever mie.MEIE is set,
                     * mstatus.MIE or not: docs/isa.md section 7); the entry right after an
                     * interrupt abort runs with mie.MEIE clear, so it progresses */
                    if (!irq_off)
                        irq_enable();
                    else
                        csr_clear(CMS_CSR_MIE, MIE_MEIE);
                    uint32_t ta = a, tci = ci; /* A and CI stay in registers (not address-taken) */
                    int r = morph_enter(h, &ta, &tci, budget, &done);
                    if (irq_off)
                        csr_set(CMS_CSR_MIE, MIE_MEIE);
                    a = ta;
                    ci = tci;
                    steps += done;
                    if (r == MORPH_HALT) {
                        status = HOSTIF_ST_HALTED;
                        goto out;
                    }
                    no_tx = r == MORPH_NOPROGRESS;
                    irq_off = r == MORPH_IRQ;
                    n = 0;
                    break;
                }
                no_tx = 0;
            }
#else
            (void)count;
#endif
            ci++;
            const uint32_t pi = word[0];
            const uint32_t s = pi & SSEM_LINE_MASK;
            switch ((pi >> SSEM_OP_SHIFT) & SSEM_OP_MASK) {
            case OP_JMP:
                ci = mem[s];
                irq_enable();
                break;
            case OP_JRP:
                ci += mem[s];
                irq_enable();
                break;
            case OP_LDN:
                a = -mem[s];
                break;
            case OP_STO:
                mem[s] = a; /* may trap (CAUSE_TX_PROT): trap.c invalidates, the store is retried */
                break;
            case OP_SUB:
            case OP_SUB5:
                a -= mem[s];
                break;
            case OP_CMP:
                ci += a >> 31; /* skip the next line if A < 0 */
                break;
            case OP_STP:
                steps += n - k + 1;
                status = HOSTIF_ST_HALTED;
                goto out;
            }
        } while (--k);
        steps += n;
    }
out:
    res->status = status;
    res->a = a;
    res->ci = ci;
    res->steps = steps;
    (void)no_tx;
    (void)irq_off;
    (void)morph;
}

static __attribute__((noinline)) void ssem_run(hostif_t *h, uint64_t t_start, run_result_t *res)
{
    ssem_loop(h, t_start, res, 0);
}

#ifdef CMS_MORPH
static __attribute__((noinline)) void ssem_run_morph(hostif_t *h, uint64_t t_start, run_result_t *res)
{
    morph_init(h);
    ssem_loop(h, t_start, res, 1);
}
#endif

/* ---- the hardware counters: one table, names and CSR numbers ---- */
#define RB_CSR(cause) (CMS_CSR_CNT_RB_BASE + (CMS_CAUSE_##cause - CMS_CAUSE_TX_FIRST))
#define COUNTERS(X)                                                  \
    X(CMS_CSR_CNT_FWCYC, "firmware-mode cycles")                     \
    X(CMS_CSR_CNT_TXCYC, "translation-mode cycles")                  \
    X(CMS_CSR_CNT_BUNDLES, "bundles")                                \
    X(CMS_CSR_CNT_OPS_A, "ops: ALU")                                 \
    X(CMS_CSR_CNT_OPS_M, "ops: memory")                              \
    X(CMS_CSR_CNT_OPS_X, "ops: multiply/divide")                     \
    X(CMS_CSR_CNT_OPS_B, "ops: branch/exit")                         \
    X(CMS_CSR_CNT_COMMITS, "commits")                                \
    X(RB_CSR(TX_BOUNDS), "rollbacks: bounds")                        \
    X(RB_CSR(TX_PROT), "rollbacks: protected store")                 \
    X(RB_CSR(TX_SBFULL), "rollbacks: store buffer full")             \
    X(RB_CSR(TX_ASSERT), "rollbacks: assertion")                     \
    X(RB_CSR(TX_DIVZERO), "rollbacks: divide by zero")               \
    X(RB_CSR(TX_ILLEGAL), "rollbacks: illegal bundle")               \
    X(RB_CSR(TX_IRQ), "rollbacks: interrupt")                        \
    X(CMS_CSR_CNT_SBHWM, "store buffer high-water mark")             \
    X(CMS_CSR_CNT_SBSTORES, "store buffer stores")                   \
    X(CMS_CSR_CFG_SLOTS, "config: slots")                            \
    X(CMS_CSR_CFG_SBDEPTH, "config: store buffer depth")             \
    X(CMS_CSR_CFG_TCBYTES, "config: TC bytes")

#define CNT_INDEX(csr) ((csr) - CMS_CSR_CNT_FWCYC)
#define CHECK_INDEX(csr, name) \
    _Static_assert(CNT_INDEX(csr) < HOSTIF_NCOUNTERS, "counter outside hostif counters[]: " name);
COUNTERS(CHECK_INDEX)

static const struct {
    uint16_t index;
    const char *name;
} counter_names[] = {
#define NAME_ENTRY(csr, name) {CNT_INDEX(csr), name},
    COUNTERS(NAME_ENTRY)
};

/* counters[i] = CSR 0xFC0 + i for every counter docs/isa.md section 8 defines (the others
 * are not implemented CSRs: reading them would trap); the rest stay 0. */
static void read_counters(hostif_t *h)
{
    for (unsigned i = 0; i < HOSTIF_NCOUNTERS; i++)
        h->counters[i] = 0;
#define READ_ENTRY(csr, name) h->counters[CNT_INDEX(csr)] = csr_read_c(csr);
    COUNTERS(READ_ENTRY)
}

/* ---- the report ---- */
#define LABEL_WIDTH 31

static void print_store_crt(const hostif_t *h)
{
    for (unsigned line = 0; line < HOSTIF_STORE_WORDS; line++) {
        uint32_t w = (uint32_t)h->store[line];
        if (line < 10)
            con_putc(' ');
        con_u64(line);
        con_putc(' ');
        for (unsigned bit = 0; bit < HOSTIF_STORE_WORDS; bit++) /* bit 0 on the left */
            con_putc((w >> bit) & 1 ? '#' : '.');
        con_putc(' ');
        con_i32((int32_t)w);
        con_putc('\n');
    }
}

static void print_report(const hostif_t *h, const run_result_t *r, uint64_t cycles, uint64_t instret)
{
    if (r->status == HOSTIF_ST_HALTED) {
        con_puts("halted at line ");
        con_u64(r->ci & SSEM_LINE_MASK);
    } else if ((h->flags & HOSTIF_F_STOP_AFTER) && r->steps == ((uint64_t)h->stop_after_hi << 32 | h->stop_after_lo)) {
        con_puts("stopped after ");
        con_u64(r->steps);
        con_puts(" instructions");
    } else {
        con_puts("cycle limit reached");
    }
    con_putc('\n');
    con_pad("guest instructions:", LABEL_WIDTH);
    con_u64(r->steps);
    con_putc('\n');
    con_pad("native cycles:", LABEL_WIDTH);
    con_u64(cycles);
    con_putc('\n');
    con_pad("cycles per guest instruction:", LABEL_WIDTH);
    con_ratio(cycles, r->steps);
    con_putc('\n');
    con_pad("firmware CPI:", LABEL_WIDTH);
    con_ratio(cycles, instret);
    con_putc('\n');
    con_pad("A:", LABEL_WIDTH);
    con_i32((int32_t)r->a);
    con_putc('\n');
    if (h->irqs) {
        con_pad("interrupts taken:", LABEL_WIDTH);
        con_u64(h->irqs);
        con_putc('\n');
    }
    con_pad("CI:", LABEL_WIDTH);
    con_u64(r->ci);
    con_puts(" (line ");
    con_u64(r->ci & SSEM_LINE_MASK);
    con_puts(")\n");

    if (h->flags & HOSTIF_F_CRT)
        print_store_crt(h);
    if (h->flags & HOSTIF_F_STATS) {
        for (unsigned i = 0; i < sizeof counter_names / sizeof counter_names[0]; i++) {
            con_pad(counter_names[i].name, LABEL_WIDTH);
            con_u64(h->counters[counter_names[i].index]);
            con_putc('\n');
        }
    }
#ifdef CMS_MORPH
    if ((h->flags & HOSTIF_F_STATS) && !(h->flags & HOSTIF_F_INTERPRET_ONLY))
        morph_report(r->steps, cycles, h->counters[CNT_INDEX(CMS_CSR_CNT_TXCYC)]);
#endif
    if (h->flags & HOSTIF_F_ANSWER) {
        unsigned line = h->answer_line & SSEM_LINE_MASK;
        con_puts("answer: store line ");
        con_u64(line);
        con_puts(" = ");
        con_i32(h->store[line]);
        con_putc('\n');
    }
}

int main(void)
{
    hostif_t *const h = hostif;

    if (h->magic != HOSTIF_MAGIC) {
        h->status = HOSTIF_ST_FAULT;
        con_puts("firmware: no host block (magic ");
        con_hex(h->magic);
        con_puts(")\n");
        return HOSTIF_ST_FAULT;
    }
    if (h->guest != HOSTIF_GUEST_SSEM) {
        h->status = HOSTIF_ST_FAULT;
        con_puts("firmware: this is the SSEM firmware; the host block's guest is ");
        con_u64(h->guest);
        con_puts(h->guest == HOSTIF_GUEST_JVM ? " (JVM: run build/fw/jvm.elf)\n" : " (unknown)\n");
        return HOSTIF_ST_FAULT;
    }

    csr_write(CMS_CSR_GWBASE, (uint32_t)(uintptr_t)h->store);
    csr_write(CMS_CSR_GWLIMIT, sizeof h->store);
    for (unsigned i = 0; i < HOSTIF_STORE_WORDS; i++)
        h->profile[i] = 0;
    h->irqs = 0;

    /* take external interrupts while the guest runs (trap.c acknowledges and counts them) */
    csr_set(CMS_CSR_MIE, MIE_MEIE);
    csr_set(CMS_CSR_MSTATUS, MSTATUS_MIE);

    /* the cycle window encloses the instret window: both cover the guest run only */
    run_result_t r;
    uint64_t c0 = read_mcycle64();
    uint64_t i0 = read_minstret64();
#ifdef CMS_MORPH
    if (!(h->flags & HOSTIF_F_INTERPRET_ONLY))
        ssem_run_morph(h, c0, &r);
    else
#endif
        ssem_run(h, c0, &r);
    uint64_t instret = read_minstret64() - i0;
    uint64_t cycles = read_mcycle64() - c0;
    csr_clear(CMS_CSR_MSTATUS, MSTATUS_MIE);

    h->status = r.status;
    h->a = r.a;
    h->ci = r.ci;
    h->steps_lo = (uint32_t)r.steps;
    h->steps_hi = (uint32_t)(r.steps >> 32);
    h->cycles_lo = (uint32_t)cycles;
    h->cycles_hi = (uint32_t)(cycles >> 32);
    h->instret_lo = (uint32_t)instret;
    h->instret_hi = (uint32_t)(instret >> 32);
    read_counters(h);

    if (!(h->flags & HOSTIF_F_QUIET))
        print_report(h, &r, cycles, instret);
    fw_barrier(); /* the host block is complete before start.S writes MMIO_EXIT */
    return (int)h->status;
}
