/* nm_model.c -- the executable model of translation mode (docs/isa.md sections 4-8 and 10).
 * See nm_model.h. Moved from tests/txfuzz/tx_model.c (issue 12); the decoding is nm_decode's.
 *
 * The three places that were marked DOC-SILENT (abort priority, untaken branch targets, running
 * off the end of the TC) are settled by docs/isa.md section 10 now, and cited where they are.
 */
#include "nm_model.h"

#include <string.h>

#define BB(s) ((uint32_t)(s)->slots * 4u)

/* ------------------------------------------------------------------ RV32 semantics */

uint32_t nm_alu(nm_opk op, uint32_t a, uint32_t b)
{
    int64_t sa = (int32_t)a, sb = (int32_t)b;
    switch (op) {
    case NM_ADD: case NM_ADDI: return a + b;
    case NM_SUB: return a - b;
    case NM_SLL: case NM_SLLI: return a << (b & 31);
    case NM_SLT: case NM_SLTI: return (int32_t)a < (int32_t)b;
    case NM_SLTU: case NM_SLTIU: return a < b;
    case NM_XOR: case NM_XORI: return a ^ b;
    case NM_SRL: case NM_SRLI: return a >> (b & 31);
    case NM_SRA: case NM_SRAI:
        /* arithmetic shift without relying on implementation-defined >> of negatives */
        return (a & 0x80000000u) ? ~(~a >> (b & 31)) : a >> (b & 31);
    case NM_OR: case NM_ORI: return a | b;
    case NM_AND: case NM_ANDI: return a & b;
    case NM_MUL: return a * b;
    case NM_MULH: return (uint32_t)((uint64_t)(sa * sb) >> 32);
    case NM_MULHSU: return (uint32_t)((uint64_t)(sa * (int64_t)(uint64_t)b) >> 32);
    case NM_MULHU: return (uint32_t)(((uint64_t)a * (uint64_t)b) >> 32);
    case NM_DIV:
        if (b == 0) return 0xffffffffu;
        if (a == 0x80000000u && b == 0xffffffffu) return a;
        return (uint32_t)(int32_t)((int32_t)a / (int32_t)b);
    case NM_DIVU: return b ? a / b : 0xffffffffu;
    case NM_REM:
        if (b == 0) return a;
        if (a == 0x80000000u && b == 0xffffffffu) return 0;
        return (uint32_t)(int32_t)((int32_t)a % (int32_t)b);
    case NM_REMU: return b ? a % b : a;
    default: return 0;
    }
}

int nm_bcond(int cond, uint32_t a, uint32_t b)
{
    switch (cond) {
    case CMS_F3_BEQ: return a == b;
    case CMS_F3_BNE: return a != b;
    case CMS_F3_BMI: return (int)((a - b) >> 31);            /* the sign of the wrapping difference */
    case CMS_F3_BPL: return (int)(((a - b) >> 31) ^ 1u);
    case CMS_F3_BLT: return (int32_t)a < (int32_t)b;
    case CMS_F3_BGE: return (int32_t)a >= (int32_t)b;
    case CMS_F3_BLTU: return a < b;
    case CMS_F3_BGEU: return a >= b;
    default: return 0;
    }
}

/* docs/isa.md section 10: several faults in one bundle report one cause, in the order
 * TX_ILLEGAL > TX_BOUNDS > TX_PROT > TX_SBFULL > TX_DIVZERO > TX_ASSERT > TX_IRQ (an interrupt
 * is not a fault of the bundle: the model has none). */
int nm_cause(unsigned f)
{
    if (f & NM_F_ILLEGAL) return CMS_CAUSE_TX_ILLEGAL;
    if (f & NM_F_BOUNDS) return CMS_CAUSE_TX_BOUNDS;
    if (f & NM_F_PROT) return CMS_CAUSE_TX_PROT;
    if (f & NM_F_SBFULL) return CMS_CAUSE_TX_SBFULL;
    if (f & NM_F_DIVZERO) return CMS_CAUSE_TX_DIVZERO;
    if (f & NM_F_ASSERT) return CMS_CAUSE_TX_ASSERT;
    return 0;
}

/* ------------------------------------------------------------------ state */

void nm_init(nm_state *s, int slots, int sb_depth)
{
    memset(s, 0, sizeof *s);
    s->slots = slots;
    s->sb_depth = sb_depth;
}

void nm_fw_wr(nm_state *s, int n, uint32_t v)
{
    if (n <= 0 || n >= NM_NTR) return;   /* TR0 ignores writes */
    s->tr[n] = v;
    if (n < NM_NSH) s->sh[n] = v;
}

uint32_t nm_fw_rd(const nm_state *s, int n) { return n > 0 && n < NM_NTR ? s->tr[n] : 0; }

void nm_fw_prot(nm_state *s, uint32_t off, int bit)
{
    if (off < CMS_PROT_WORDS * 4u) s->prot[off / 4] = (uint8_t)(bit & 1);
}

static void do_commit(nm_state *s)
{
    int i;
    for (i = 1; i < NM_NSH; i++) s->sh[i] = s->tr[i];
    for (i = 0; i < s->sbn; i++) s->dmem[s->sb_widx[i]] = s->sb_data[i];   /* in order */
    s->sbn = 0;
    s->cnt.commits++;
}

static void do_rollback(nm_state *s)
{
    int i;
    for (i = 1; i < NM_NSH; i++) s->tr[i] = s->sh[i];
    s->sbn = 0;
}

void nm_fw_commit(nm_state *s) { do_commit(s); }
void nm_fw_rollback(nm_state *s) { do_rollback(s); }

void nm_set_window(nm_state *s, uint32_t gwbase_written, uint32_t gwlimit)
{
    s->gwbase = gwbase_written & ~3u;   /* bits [1:0] read 0 */
    s->gwlimit = gwlimit;
}

static int dmem_index(uint32_t phys, uint32_t *idx)
{
    uint32_t o = phys - CMS_DMEM_BASE;
    if (o >= CMS_DMEM_BYTES_SIM || (o & 3)) return 0;
    *idx = o / 4;
    return 1;
}

void nm_mem_write(nm_state *s, uint32_t phys, uint32_t v)
{
    uint32_t i;
    if (!dmem_index(phys, &i)) return;
    s->dmem[i] = v;
    s->dmem_known[i] = 1;
}

uint32_t nm_mem_read(const nm_state *s, uint32_t phys)
{
    uint32_t i;
    return dmem_index(phys, &i) ? s->dmem[i] : 0;
}

void nm_tc_write(nm_state *s, uint32_t tc_addr, uint32_t v)
{
    uint32_t o = tc_addr - CMS_TC_BASE;
    if (o >= CMS_TC_BYTES || (o & 3)) return;
    s->tc[o / 4] = v;
    s->tc_known[o / 4] = 1;
}

/* ------------------------------------------------------------------ one bundle */

void nm_eval_words(const nm_state *s, uint32_t pc, const uint32_t *words, nm_bundle *b)
{
    int i;
    uint32_t bb = BB(s);

    memset(b, 0, sizeof *b);
    b->pc = pc;
    for (i = 0; i < s->slots; i++) {
        nm_op *o = &b->op[i];
        uint32_t a, v, r = 0;
        int wr = 0;

        if (nm_decode_slot(words[i], (unsigned)s->slots, (unsigned)i, o) != NM_OK) {
            b->faults |= NM_F_ILLEGAL;
            continue;
        }
        /* read all (before the bundle), then write all */
        a = o->rs1 >= 0 ? s->tr[o->rs1] : 0;
        v = o->rs2 >= 0 ? s->tr[o->rs2] : 0;
        switch (o->kind) {
        case NM_K_NOP:
            break;
        case NM_K_ALU:
            r = nm_alu(o->op, a, o->rs2 >= 0 ? v : o->imm);
            wr = 1;
            b->n_a++;
            break;
        case NM_K_LUI:
            r = o->imm;
            wr = 1;
            b->n_a++;
            break;
        case NM_K_LW:
        case NM_K_SW: {
            /* section 6: off = TR[rs1] + imm, 32-bit wrapping */
            uint32_t off = a + o->imm, phys = s->gwbase + off, widx = 0;
            int j, hit = 0;
            b->n_m++;
            b->mem_off = off;
            if (off >= s->gwlimit || (off & 3) || off >= CMS_PROT_WORDS * 4u ||
                !dmem_index(phys, &widx)) {
                b->faults |= NM_F_BOUNDS;
                /* (a full buffer too: BOUNDS is reported first, nm_cause) */
                if (o->kind == NM_K_SW && s->sbn >= s->sb_depth) b->faults |= NM_F_SBFULL;
                break;
            }
            if (o->kind == NM_K_LW) {
                b->load = 1;
                for (j = s->sbn - 1; j >= 0; j--) {        /* youngest buffered store first */
                    if (s->sb_widx[j] == widx) {
                        r = s->sb_data[j];
                        hit = 1;
                        break;
                    }
                }
                b->load_fwd = hit;
                if (!hit) {
                    if (!s->dmem_known[widx]) b->faults |= NM_F_UNDEF;
                    r = s->dmem[widx];
                }
                wr = 1;
            } else {
                if (s->prot[off / 4]) b->faults |= NM_F_PROT;
                if (s->sbn >= s->sb_depth) b->faults |= NM_F_SBFULL;
                if (!s->dmem_known[widx]) b->faults |= NM_F_UNDEF;
                b->store = 1;
                b->st_widx = widx;
                b->st_data = v;
            }
            break;
        }
        case NM_K_MUL:
            r = nm_alu(o->op, a, v);
            wr = 1;
            b->n_x++;
            break;
        case NM_K_DIV:
            if (v == 0) b->faults |= NM_F_DIVZERO;
            r = nm_alu(o->op, a, v);
            wr = 1;
            b->n_x++;
            break;
        case NM_K_BR:
            b->n_b++;
            if (nm_bcond(o->cond, a, v)) {
                b->taken = 1;
                b->target = pc + (uint32_t)i * 4u + o->imm;   /* relative to the branch itself */
            }
            break;
        case NM_K_JAL:
            b->n_b++;
            b->taken = 1;
            b->target = pc + (uint32_t)i * 4u + o->imm;
            break;
        case NM_K_EXIT:
            b->n_b++;
            b->exit = 1;
            b->commit = 1;
            b->exit_code = o->imm;
            break;
        case NM_K_COMMIT:
            b->n_b++;
            b->commit = 1;
            break;
        case NM_K_ASSERT:
            b->n_b++;
            if (!nm_bcond(o->cond, a, v)) b->faults |= NM_F_ASSERT;
            break;
        default:
            break;
        }
        if (wr && o->rd > 0) {
            b->wr_rd[b->nwr] = o->rd;
            b->wr_val[b->nwr] = r;
            b->nwr++;
        }
    }
    /* docs/isa.md section 10: the target of a branch that is not taken is not checked */
    if (b->taken && ((b->target & (bb - 1)) || b->target - CMS_TC_BASE >= CMS_TC_BYTES))
        b->faults |= NM_F_ILLEGAL;
    b->cause = nm_cause(b->faults);
}

void nm_apply(nm_state *s, const nm_bundle *b)
{
    int i;
    /* all writes at the end of the bundle, in slot order: the higher slot wins. A slot-0 LW or
     * MUL result is written one cycle late but dropped when a higher slot writes the same TR,
     * so the order is the same. */
    for (i = 0; i < b->nwr; i++) s->tr[b->wr_rd[i]] = b->wr_val[i];
    s->tr[0] = 0;
    if (b->store) {
        s->sb_widx[s->sbn] = b->st_widx;
        s->sb_data[s->sbn] = b->st_data;
        s->sbn++;
        s->cnt.sbstores++;
    }
    if (b->commit) do_commit(s);   /* after the writes: includes this bundle's load result */
    s->cnt.bundles++;
    s->cnt.ops_a += b->n_a;
    s->cnt.ops_m += b->n_m;
    s->cnt.ops_x += b->n_x;
    s->cnt.ops_b += b->n_b;
}

void nm_abort(nm_state *s, int cause)
{
    do_rollback(s);
    if (cause >= CMS_CAUSE_TX_FIRST && cause < CMS_CAUSE_TX_FIRST + NM_NCAUSE)
        s->cnt.rb[cause - CMS_CAUSE_TX_FIRST]++;
}

nm_result nm_run(nm_state *s, uint32_t tc_addr, unsigned max_bundles)
{
    return nm_run_hook(s, tc_addr, max_bundles, NULL, NULL);
}

nm_result nm_run_hook(nm_state *s, uint32_t tc_addr, unsigned max_bundles, nm_hook *hook,
                        void *ctx)
{
    nm_result r;
    uint32_t pc = tc_addr, bb = BB(s);

    memset(&r, 0, sizeof r);
    for (;;) {
        uint32_t words[NM_MAX_SLOTS], o = pc - CMS_TC_BASE;
        nm_bundle b;
        int i;

        /* a bad address: from tx.enter (section 4), or the bundle after the last one in the TC
         * when nothing branches (section 10: TX_ILLEGAL, TXPC = TC_BASE + TC_BYTES). Taken
         * branch targets never get here: the branch itself aborts. */
        if ((pc & (bb - 1)) || o >= CMS_TC_BYTES) {
            nm_abort(s, CMS_CAUSE_TX_ILLEGAL);
            r.status = NM_RUN_ABORT;
            r.cause = CMS_CAUSE_TX_ILLEGAL;
            r.abort_pc = pc;
            r.rd_value = CMS_TX_ABORT_BIT | (uint32_t)r.cause;
            return r;
        }
        if (r.bundles >= max_bundles) {
            r.status = NM_RUN_LIMIT;
            r.why = "bundle limit";
            return r;
        }
        for (i = 0; i < s->slots; i++) {
            if (!s->tc_known[o / 4 + (uint32_t)i]) {
                r.status = NM_RUN_UNDEF;
                r.why = "fetch from unknown TC";
                return r;
            }
            words[i] = s->tc[o / 4 + (uint32_t)i];
        }
        nm_eval_words(s, pc, words, &b);
        if (hook) hook(ctx, s, &b);
        if (b.faults & ~(unsigned)NM_F_UNDEF) {
            nm_abort(s, b.cause);
            r.status = NM_RUN_ABORT;
            r.cause = b.cause;
            r.abort_pc = pc;
            r.rd_value = CMS_TX_ABORT_BIT | (uint32_t)r.cause;
            return r;
        }
        if (b.faults & NM_F_UNDEF) {
            r.status = NM_RUN_UNDEF;
            r.why = "access to unknown DMEM";
            return r;
        }
        nm_apply(s, &b);
        r.bundles++;
        if (b.exit) {
            r.status = NM_RUN_EXIT;
            r.rd_value = b.exit_code;
            return r;
        }
        pc = b.taken ? b.target : pc + bb;
    }
}
