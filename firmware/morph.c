/* morph.c -- code morphing: the translation cache and the run-time contract of
 * docs/translator.md around the SSEM translator (translator/ssem_tx.h), in the -DCMS_MORPH
 * firmware only (build/fw/ssem-tx.elf; docs/firmware.md, "Code morphing").
 *
 * - The cache: one translation per entry line (tc[L]), its TC words allocated upward from
 *   TC_BASE; when a new one does not fit, everything is flushed.
 * - Protection bits: the union of the live translations' meta.protect, kept in the hardware
 *   (tx.prot) at every change. An interpreted STO into a protected line traps (CAUSE_TX_PROT,
 *   trap.c -> morph_prot_trap): the translations protecting it are invalidated, the bit
 *   cleared, and the store retried.
 * - Entry: TR1 = A, TR2 = CI, TR3 = budget (the caller's: min(steps left to the stop point,
 *   steps left in the chunk)); steps done = budget - TR3 whatever happens.
 * - EXIT 0 budget, 1 STP, 2 + k left the region; aborts: write back the committed cached
 *   lines when TXPC >= tc_addr + wb_from, then TX_ASSERT drops the translation, TX_PROT (a
 *   stub's store into a line another translation protects) invalidates the translations that
 *   protect a line this one writes, TX_IRQ goes on. After an abort or an entry that made no
 *   progress the caller interprets one instruction before entering again (forward progress).
 * - Chaining: an exit that leaves the region to a line with a translation is rewritten into a
 *   j to it (its EXIT word otherwise); undone when that translation is dropped. TR1..TR3 are
 *   exact at every exit, so steps done = budget - TR3 across a chain; an abort is charged to the
 *   translation holding TXPC.
 */
#include "morph.h"
#include "ssem_tx.h"

typedef struct {
    uint16_t word;        /* index of the EXIT word from the translation's first word */
    uint8_t line, code;   /* the line it leaves to; its EXIT code (2 + k) */
} tc_exit;

typedef struct {
    uint32_t tc_addr, nwords, protect, written, wb_from;
    uint32_t ncached;
    uint8_t cached_line[STX_NCACHE];
    uint32_t nexits;      /* exits that leave the region (chainable) */
    uint32_t chained;     /* bit i: exits[i] is a j to the translation of exits[i].line */
    tc_exit exits[STX_MAX_EXITS];
} tc_entry;

static stx_work work;                 /* the translator's work area (sizes: mk/morph.mk) */
static tc_entry tce[32];
static uint32_t tc_next, prot_applied, threshold, slots, budget_cap;
static uint8_t ninval[32];            /* invalidations of line L's translation: the back-off */
static uint32_t in_abort;             /* morph_enter is handling an abort (its cycles are counted) */
uint32_t morph_valid;
uint32_t morph_trig[32];
uint32_t morph_budget;

static struct {
    uint64_t tx_steps, tx_cycles, enter_cycles, fault_cycles, covered;
    uint32_t translations, failed, entries, exits[3], aborts[8], invalidations, flushes;
    uint32_t chains, unchains;
} st;

#define TC_WORDS ((volatile uint32_t *)CMS_TC_BASE)

static void apply_prot(void)
{
    uint32_t want = 0;
    for (uint32_t v = morph_valid, l = 0; v; v >>= 1, l++)   /* up to the last valid line */
        if (v & 1u)
            want |= tce[l].protect;
    uint32_t diff = want ^ prot_applied;
    for (unsigned l = 0; diff; l++, diff >>= 1)
        if (diff & 1u)
            tx_prot(4u * l, want >> l & 1u);
    prot_applied = want;
}

/* chaining: rewrite exit i of the translation at line s into a j to the translation of its
 * line, or back into its EXIT word */
static void chain(unsigned s, unsigned i, int on)
{
    tc_entry *e = &tce[s];
    uint32_t at = e->tc_addr + 4u * e->exits[i].word;
    uint32_t w = on ? nm_j((int32_t)(tce[e->exits[i].line].tc_addr - at)) : nm_exit(e->exits[i].code);
    TC_WORDS[(at - CMS_TC_BASE) / 4u] = w;
    if (on) {
        e->chained |= 1u << i;
        st.chains++;
    } else {
        e->chained &= ~(1u << i);
        st.unchains++;
    }
}

/* the translation of line l became valid: chain every live exit to it, and its own exits */
static void link_in(unsigned l)
{
    for (uint32_t v = morph_valid, s = 0; v; v >>= 1, s++) {
        if (!(v & 1u))
            continue;
        for (unsigned i = 0; i < tce[s].nexits; i++)
            if (!(tce[s].chained >> i & 1u) &&
                (tce[s].exits[i].line == l || (s == l && (morph_valid >> tce[s].exits[i].line & 1u))))
                chain(s, i, 1);
    }
}

/* the translation of line l is about to be dropped: unchain the exits that go to it */
static void unlink_out(unsigned l)
{
    for (unsigned s = 0; s < 32; s++)
        if (s != l && (morph_valid >> s & 1u))
            for (unsigned i = 0; i < tce[s].nexits; i++)
                if ((tce[s].chained >> i & 1u) && tce[s].exits[i].line == l)
                    chain(s, i, 0);
}

static void drop(unsigned l)
{
    unlink_out(l);
    morph_valid &= ~(1u << l);
}

/* drop the translations whose protect set meets `lines` */
static void invalidate(const hostif_t *h, uint32_t lines)
{
    for (unsigned l = 0; l < 32; l++)
        if ((morph_valid >> l & 1u) && (tce[l].protect & lines)) {
            drop(l);
            /* not again at once: 8 x threshold executions, doubling with each invalidation (a
             * loop that rewrites its own code every pass is left to the interpreter) */
            morph_trig[l] = h->profile[l] + ((8u * threshold) << ninval[l]);
            if (ninval[l] < 12)
                ninval[l]++;
            st.invalidations++;
        }
    apply_prot();
}

void morph_init(hostif_t *h)
{
    threshold = h->flags >> HOSTIF_F_THRESHOLD_SHIFT;
    if (threshold == 0)
        threshold = MORPH_THRESHOLD_DEFAULT;
    slots = csr_read_c(CMS_CSR_CFG_SLOTS);
    tc_next = CMS_TC_BASE;
    morph_valid = 0;
    /* an entry runs until the stop point (--stop-after, --max-steps) unless the cycle limit
     * must be checked now and then; a budget exit lands inside the region, where the
     * interpreter goes on to the next entry, so budget exits should be rare */
    budget_cap = (h->flags & HOSTIF_F_MAX_CYCLES) ? CMS_TX_BUDGET : CMS_TX_BUDGET_MAX;
    morph_budget = budget_cap;
    prot_applied = 0;
    for (unsigned l = 0; l < 32; l++) {
        morph_trig[l] = threshold;
        ninval[l] = 0;
        tx_prot(4u * l, 0);
    }
}

void morph_hot(hostif_t *h, unsigned l)
{
    uint64_t c0 = read_mcycle64();
    stx_err r = stx_region(&work, h->store, h->profile, l, slots);
    if (!r)   /* (no stx_build_ir: the naive IR is only printed) */
        r = stx_optimize(&work);
    if (!r)
        r = stx_schedule(&work);
    if (!r && (uint32_t)work.nbundles * slots * 4u > CMS_TC_BASE + CMS_TC_BYTES - tc_next) {
        for (unsigned t = 0; t < 32; t++) /* full: flush; hot again after threshold more runs */
            if (morph_valid >> t & 1u)
                morph_trig[t] = h->profile[t] + threshold;
        morph_valid = 0;
        tc_next = CMS_TC_BASE;
        st.flushes++;
        apply_prot();
    }
    if (!r) {
        /* the words straight into the TC (past tc_next: a failed link leaves nothing in use) */
        work.out = (uint32_t *)(TC_WORDS + (tc_next - CMS_TC_BASE) / 4u);
        r = stx_link(&work, tc_next);
    }
    if (r) {
        st.failed++;
        morph_trig[l] = h->profile[l] + 1000u;
    } else {
        const stx_meta *m = &work.meta;
        tc_next += m->nwords * 4u;
        tc_entry *e = &tce[l];
        e->tc_addr = m->tc_addr;
        e->nwords = m->nwords;
        e->nexits = 0;
        e->chained = 0;
        for (unsigned i = 0; i < m->nexits; i++)
            if (m->exit[i].kind == STX_EXIT_FIRST) {
                tc_exit *x = &e->exits[e->nexits++];
                x->word = (uint16_t)m->exit[i].word;
                x->line = m->exit[i].line;
                x->code = (uint8_t)m->exit[i].code;
            }
        e->protect = m->protect;
        e->written = m->written_lines;
        e->wb_from = m->wb_from;
        e->ncached = m->ncached;
        for (unsigned i = 0; i < STX_NCACHE; i++)
            e->cached_line[i] = m->cached_line[i];
        morph_valid |= 1u << l;
        morph_trig[l] = 0; /* every run of line l enters it */
        st.translations++;
        st.covered += m->guest_insns;
        link_in(l);
        apply_prot();
    }
    st.tx_cycles += read_mcycle64() - c0;
}

static uint32_t read_cached(unsigned i)
{
    switch (i) {
    case 0: return tx_rd(4);
    case 1: return tx_rd(5);
    case 2: return tx_rd(6);
    default: return tx_rd(7);
    }
}

int morph_enter(hostif_t *h, uint32_t *a, uint32_t *ci, uint32_t budget, uint32_t *done)
{
    unsigned l = (*ci + 1u) & (HOSTIF_STORE_WORDS - 1u);
    const tc_entry *e = &tce[l];
    const uint64_t c0 = read_mcycle64();
    st.entries++;
    tx_wr(1, *a);
    tx_wr(2, *ci);
    tx_wr(3, budget);
    uint32_t code = tx_enter(e->tc_addr);
    uint32_t rem = tx_rd(3);
    *a = tx_rd(1);
    *ci = tx_rd(2);
    *done = budget - rem;
    st.tx_steps += *done;
    const uint64_t c1 = read_mcycle64();
    st.enter_cycles += c1 - c0;
    if (!(code & CMS_TX_ABORT_BIT)) {
        if (morph_budget < budget_cap)
            morph_budget = morph_budget << 1 > budget_cap ? budget_cap : morph_budget << 1;
        if (code == STX_EXIT_STP) {
            st.exits[1]++;
            return MORPH_HALT;
        }
        st.exits[code == STX_EXIT_BUDGET ? 0 : 2]++;
        return *done ? MORPH_GO : MORPH_NOPROGRESS;
    }
    uint32_t cause = code & 0xffu;
    st.aborts[(cause - CMS_CAUSE_TX_FIRST) & 7u]++;
    /* a translation commits at its entry and its exits only (not inside its loops), so an abort
     * loses what the entry did: the next entries run at most half as many steps (then double
     * again while they end without an abort), so that a loop whose only way out is a failed
     * assertion, or one that interrupts keep aborting, progresses in entries that end before
     * the abort (down to 1 step: then the entry check fails and the guest is interpreted) */
    morph_budget = budget > 2u ? budget / 2u : 1u;
    /* with chaining the abort may be in another translation than the one entered */
    uint32_t txpc = csr_read(CMS_CSR_TXPC);
    for (unsigned t = 0; t < 32; t++)
        if ((morph_valid >> t & 1u) && txpc - tce[t].tc_addr < 4u * tce[t].nwords) {
            l = t;
            e = &tce[t];
            break;
        }
    in_abort = 1;
    if (txpc >= e->tc_addr + e->wb_from)
        for (unsigned i = 0; i < e->ncached; i++)
            h->store[e->cached_line[i]] = (int32_t)read_cached(i); /* may trap: TX_PROT, retried */
    if (cause == CMS_CAUSE_TX_ASSERT) {
        drop(l);
        morph_trig[l] = h->profile[l] + threshold;
        apply_prot();
    } else if (cause == CMS_CAUSE_TX_PROT) {
        invalidate(h, e->written);
    } else if (cause == CMS_CAUSE_TX_IRQ) {
        /* the next entry runs with mie.MEIE clear (main.c): keep the latency that costs to
         * about what the interpreter allows (a chunk) */
        if (morph_budget > CMS_CHUNK_STEPS)
            morph_budget = CMS_CHUNK_STEPS;
        /* the interrupt is still pending if interrupts were off (trap.c returns with them off
         * until the guest has made progress): take it now, so that the next entry does not
         * abort on the same interrupt */
        csr_set(CMS_CSR_MSTATUS, MSTATUS_MIE);
        in_abort = 0;
        st.fault_cycles += read_mcycle64() - c1;
        return MORPH_IRQ;
    } else {
        drop(l); /* cannot happen (docs/translator.md): drop it, go on exactly */
        morph_trig[l] = ~0u;
        apply_prot();
    }
    in_abort = 0;
    st.fault_cycles += read_mcycle64() - c1;
    return MORPH_NOPROGRESS;
}

void morph_prot_trap(uint32_t pa)
{
    const uint64_t c0 = read_mcycle64();
    hostif_t *const h = hostif;
    uint32_t line = (pa - (uint32_t)(uintptr_t)h->store) / 4u;
    invalidate(h, 1u << (line & 31u));
    if (!in_abort)
        st.fault_cycles += read_mcycle64() - c0;
}

static void row(const char *name, uint64_t v)
{
    con_pad(name, 31);
    con_u64(v);
    con_putc('\n');
}

/* steps, cycles: the run's; tx_mode: translation-mode cycles (the hardware counter) */
void morph_report(uint64_t steps, uint64_t cycles, uint64_t tx_mode)
{
    row("morph: threshold", threshold);
    row("morph: translations", st.translations);
    row("morph: translations failed", st.failed);
    row("morph: entries", st.entries);
    row("morph: guest insns translated", st.tx_steps);
    row("morph: guest insns interpreted", steps - st.tx_steps);
    row("morph: exits: budget", st.exits[0]);
    row("morph: exits: STP", st.exits[1]);
    row("morph: exits: left region", st.exits[2]);
    row("morph: aborts: protected store", st.aborts[CMS_CAUSE_TX_PROT - CMS_CAUSE_TX_FIRST]);
    row("morph: aborts: assertion", st.aborts[CMS_CAUSE_TX_ASSERT - CMS_CAUSE_TX_FIRST]);
    row("morph: aborts: interrupt", st.aborts[CMS_CAUSE_TX_IRQ - CMS_CAUSE_TX_FIRST]);
    uint32_t other = 0;
    for (unsigned i = 0; i < 8; i++)
        other += st.aborts[i];
    other -= st.aborts[CMS_CAUSE_TX_PROT - CMS_CAUSE_TX_FIRST] + st.aborts[CMS_CAUSE_TX_ASSERT - CMS_CAUSE_TX_FIRST] +
             st.aborts[CMS_CAUSE_TX_IRQ - CMS_CAUSE_TX_FIRST];
    row("morph: aborts: other", other);
    row("morph: invalidations", st.invalidations);
    row("morph: flushes", st.flushes);
    row("morph: exits chained", st.chains);
    row("morph: exits unchained", st.unchains);
    row("morph: TC bytes in use", tc_next - CMS_TC_BASE);
    row("morph: guest insns covered", st.covered);
    /* where the cycles went: translation mode (the hardware counter) and the firmware's parts */
    row("morph: cycles in translations", tx_mode);
    row("morph: cycles translating", st.tx_cycles);
    con_pad("morph: translating cycles/insn", 31);
    con_ratio(st.tx_cycles, st.covered);
    con_putc('\n');
    row("morph: cycles entering/leaving", st.enter_cycles - tx_mode);
    row("morph: cycles handling faults", st.fault_cycles);
    row("morph: cycles interpreting", cycles - st.enter_cycles - st.tx_cycles - st.fault_cycles);
}
