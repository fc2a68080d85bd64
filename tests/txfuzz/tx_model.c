/* tx_model.c -- reference model of translation mode (docs/isa.md sections 4-8). See tx_model.h.
 *
 * Places where docs/isa.md does not settle a question and the model takes the reading of the
 * RTL (rtl/cms_core.v, rtl/cms_slot.v) are marked DOC-SILENT; tests/txfuzz/README.md lists them.
 */
#include "tx_model.h"

#include <stdio.h>
#include <string.h>

#define BB(s) ((uint32_t)(s)->slots * 4u)

/* ------------------------------------------------------------------ RV32 helpers */

uint32_t txm_alu(int f3, int alt, uint32_t a, uint32_t b)
{
    switch (f3) {
    case 0: return alt ? a - b : a + b;
    case 1: return a << (b & 31);
    case 2: return (int32_t)a < (int32_t)b;
    case 3: return a < b;
    case 4: return a ^ b;
    case 5:
        if (!alt) return a >> (b & 31);
        /* arithmetic shift without relying on implementation-defined >> of negatives */
        return (a & 0x80000000u) ? ~(~a >> (b & 31)) : a >> (b & 31);
    case 6: return a | b;
    default: return a & b;
    }
}

uint32_t txm_muldiv(int f3, uint32_t a, uint32_t b)
{
    int64_t sa = (int32_t)a, sb = (int32_t)b;
    switch (f3) {
    case 0: return a * b;
    case 1: return (uint32_t)((uint64_t)(sa * sb) >> 32);
    case 2: return (uint32_t)((uint64_t)(sa * (int64_t)(uint64_t)b) >> 32);
    case 3: return (uint32_t)(((uint64_t)a * (uint64_t)b) >> 32);
    case 4: /* DIV */
        if (b == 0) return 0xffffffffu;
        if (a == 0x80000000u && b == 0xffffffffu) return a;
        return (uint32_t)(int32_t)((int32_t)a / (int32_t)b);
    case 5: return b ? a / b : 0xffffffffu;
    case 6: /* REM */
        if (b == 0) return a;
        if (a == 0x80000000u && b == 0xffffffffu) return 0;
        return (uint32_t)(int32_t)((int32_t)a % (int32_t)b);
    default: return b ? a % b : a;
    }
}

int txm_bcond(int f3, uint32_t a, uint32_t b)
{
    switch (f3) {
    case 0: return a == b;
    case 1: return a != b;
    case 4: return (int32_t)a < (int32_t)b;
    case 5: return (int32_t)a >= (int32_t)b;
    case 6: return a < b;
    case 7: return a >= b;
    default: return 0;
    }
}

/* ------------------------------------------------------------------ decoding (section 5) */

static uint32_t imm_i(uint32_t w) { return (uint32_t)((int32_t)w >> 20); }
static uint32_t imm_s(uint32_t w) { return (uint32_t)(((int32_t)w >> 20) & ~31) | ((w >> 7) & 31); }
static uint32_t imm_b(uint32_t w)
{
    uint32_t v = ((w >> 31) << 12) | (((w >> 7) & 1) << 11) | (((w >> 25) & 63) << 5) |
                 (((w >> 8) & 15) << 1);
    return (v & 0x1000) ? v | 0xffffe000u : v;
}
static uint32_t imm_j(uint32_t w)
{
    uint32_t v = ((w >> 31) << 20) | (((w >> 12) & 255) << 12) | (((w >> 20) & 1) << 11) |
                 (((w >> 21) & 1023) << 1);
    return (v & 0x100000) ? v | 0xffe00000u : v;
}

txm_op txm_decode(uint32_t w)
{
    txm_op o;
    int opc = (int)(w & 127), rd = (int)((w >> 7) & 31), rs1 = (int)((w >> 15) & 31);
    int rs2 = (int)((w >> 20) & 31);
    int ok = 1, use_rd = 0, use_rs1 = 0, use_rs2 = 0;

    memset(&o, 0, sizeof o);
    o.kind = TXK_ILL;
    o.cls = TXC_NONE;
    o.rd = o.rs1 = o.rs2 = -1;
    o.f3 = (int)((w >> 12) & 7);
    o.f7 = (int)(w >> 25);

    switch (opc) {
    case CMS_OPC_OP_IMM:
        o.kind = (w == 0x00000013u) ? TXK_NOP : TXK_ALU;
        o.cls = TXC_A;
        o.imm = imm_i(w);
        use_rd = use_rs1 = 1;
        if (o.f3 == 1) ok = o.f7 == 0;                          /* SLLI */
        if (o.f3 == 5) ok = o.f7 == 0 || o.f7 == 0x20;          /* SRLI, SRAI */
        break;
    case CMS_OPC_OP:
        use_rd = use_rs1 = use_rs2 = 1;
        if (o.f7 == 1) {
            o.kind = (o.f3 & 4) ? TXK_DIV : TXK_MUL;
            o.cls = TXC_X;
        } else {
            o.kind = TXK_ALU;
            o.cls = TXC_A;
            ok = o.f7 == 0 || (o.f7 == 0x20 && (o.f3 == 0 || o.f3 == 5));
        }
        break;
    case CMS_OPC_LUI:
        o.kind = TXK_LUI;
        o.cls = TXC_A;
        o.imm = w & 0xfffff000u;
        use_rd = 1;
        break;
    case CMS_OPC_LOAD:
        o.kind = TXK_LW;
        o.cls = TXC_M;
        o.imm = imm_i(w);
        use_rd = use_rs1 = 1;
        ok = o.f3 == 2;
        break;
    case CMS_OPC_STORE:
        o.kind = TXK_SW;
        o.cls = TXC_M;
        o.imm = imm_s(w);
        use_rs1 = use_rs2 = 1;
        ok = o.f3 == 2;
        break;
    case CMS_OPC_BRANCH:
        o.kind = TXK_BR;
        o.cls = TXC_B;
        o.imm = imm_b(w);
        use_rs1 = use_rs2 = 1;
        ok = o.f3 != 2 && o.f3 != 3;
        break;
    case CMS_OPC_JAL:
        o.kind = TXK_JAL;
        o.cls = TXC_B;
        o.imm = imm_j(w);
        ok = rd == 0;                                           /* only JAL x0 */
        break;
    case CMS_OPC_CUSTOM0:
        o.cls = TXC_B;
        switch (o.f3) {
        case CMS_TX_OP_EXIT:                                    /* rd = rs1 = 0, imm[11] = 0 */
            o.kind = TXK_EXIT;
            o.imm = (w >> 20) & 0x7ff;
            ok = rd == 0 && rs1 == 0 && !(w >> 31);
            break;
        case CMS_TX_OP_COMMIT:                                  /* every field 0 */
            o.kind = TXK_COMMIT;
            ok = rd == 0 && rs1 == 0 && (w >> 20) == 0;
            break;
        case CMS_TX_OP_ASSERT:                                  /* rd = 0, funct7[6:3] = 0, cond != 2, 3 */
            o.kind = TXK_ASSERT;
            use_rs1 = use_rs2 = 1;
            ok = rd == 0 && (o.f7 >> 3) == 0 && (o.f7 & 7) != 2 && (o.f7 & 7) != 3;
            break;
        default:
            ok = 0;
        }
        break;
    default:
        ok = 0;
    }
    /* a register field >= TR_COUNT */
    if ((use_rd && rd >= TXM_NTR) || (use_rs1 && rs1 >= TXM_NTR) || (use_rs2 && rs2 >= TXM_NTR))
        ok = 0;
    if (use_rd) o.rd = rd;
    if (use_rs1) o.rs1 = rs1;
    if (use_rs2) o.rs2 = rs2;
    if (!ok) {
        o.kind = TXK_ILL;
        o.cls = TXC_NONE;
    }
    return o;
}

int txm_slot_allows(int slots, int slot, enum txm_class cls)
{
    switch (cls) {
    case TXC_A: return 1;
    case TXC_M:
    case TXC_X: return slot == 0;
    case TXC_B: return slot == slots - 1;
    default: return 0;
    }
}

/* DOC-SILENT: docs/isa.md does not say which cause a bundle with several faults reports.
 * The RTL's order (cms_core.v, t_cause): ILLEGAL, BOUNDS, PROT, SBFULL, DIVZERO, ASSERT. */
int txm_cause(unsigned f)
{
    if (f & TXM_F_ILLEGAL) return CMS_CAUSE_TX_ILLEGAL;
    if (f & TXM_F_BOUNDS) return CMS_CAUSE_TX_BOUNDS;
    if (f & TXM_F_PROT) return CMS_CAUSE_TX_PROT;
    if (f & TXM_F_SBFULL) return CMS_CAUSE_TX_SBFULL;
    if (f & TXM_F_DIVZERO) return CMS_CAUSE_TX_DIVZERO;
    if (f & TXM_F_ASSERT) return CMS_CAUSE_TX_ASSERT;
    return 0;
}

/* ------------------------------------------------------------------ state */

void txm_init(txm_state *s, int slots, int sb_depth)
{
    memset(s, 0, sizeof *s);
    s->slots = slots;
    s->sb_depth = sb_depth;
}

void txm_fw_wr(txm_state *s, int n, uint32_t v)
{
    if (n <= 0 || n >= TXM_NTR) return;   /* TR0 ignores writes */
    s->tr[n] = v;
    if (n < TXM_NSH) s->sh[n] = v;
}

uint32_t txm_fw_rd(const txm_state *s, int n) { return n > 0 && n < TXM_NTR ? s->tr[n] : 0; }

void txm_fw_prot(txm_state *s, uint32_t off, int bit)
{
    if (off < CMS_PROT_WORDS * 4u) s->prot[off / 4] = (uint8_t)(bit & 1);
}

static void do_commit(txm_state *s)
{
    int i;
    for (i = 1; i < TXM_NSH; i++) s->sh[i] = s->tr[i];
    for (i = 0; i < s->sbn; i++) s->dmem[s->sb_widx[i]] = s->sb_data[i];   /* in order */
    s->sbn = 0;
    s->cnt.commits++;
}

static void do_rollback(txm_state *s)
{
    int i;
    for (i = 1; i < TXM_NSH; i++) s->tr[i] = s->sh[i];
    s->sbn = 0;
}

void txm_fw_commit(txm_state *s) { do_commit(s); }
void txm_fw_rollback(txm_state *s) { do_rollback(s); }

void txm_set_window(txm_state *s, uint32_t gwbase_written, uint32_t gwlimit)
{
    s->gwbase = gwbase_written & ~3u;   /* bits [1:0] read 0 */
    s->gwlimit = gwlimit;
}

static int dmem_index(uint32_t phys, uint32_t *idx)
{
    uint32_t o = phys - CMS_DMEM_BASE;
    if (o >= CMS_DMEM_BYTES || (o & 3)) return 0;
    *idx = o / 4;
    return 1;
}

void txm_mem_write(txm_state *s, uint32_t phys, uint32_t v)
{
    uint32_t i;
    if (!dmem_index(phys, &i)) return;
    s->dmem[i] = v;
    s->dmem_known[i] = 1;
}

uint32_t txm_mem_read(const txm_state *s, uint32_t phys)
{
    uint32_t i;
    return dmem_index(phys, &i) ? s->dmem[i] : 0;
}

void txm_tc_write(txm_state *s, uint32_t tc_addr, uint32_t v)
{
    uint32_t o = tc_addr - CMS_TC_BASE;
    if (o >= CMS_TC_BYTES || (o & 3)) return;
    s->tc[o / 4] = v;
    s->tc_known[o / 4] = 1;
}

/* ------------------------------------------------------------------ one bundle */

void txm_eval_words(const txm_state *s, uint32_t pc, const uint32_t *words, txm_bundle *b)
{
    int i;
    uint32_t bb = BB(s);

    memset(b, 0, sizeof *b);
    b->pc = pc;
    for (i = 0; i < s->slots; i++) {
        txm_op *o = &b->op[i];
        uint32_t a, v, r = 0;
        int wr = 0;

        *o = txm_decode(words[i]);
        if (o->kind == TXK_ILL || !txm_slot_allows(s->slots, i, o->cls)) {
            b->faults |= TXM_F_ILLEGAL;
            continue;
        }
        /* read all (before the bundle), then write all */
        a = o->rs1 >= 0 ? s->tr[o->rs1] : 0;
        v = o->rs2 >= 0 ? s->tr[o->rs2] : 0;
        switch (o->kind) {
        case TXK_NOP:
            break;
        case TXK_ALU:
            if ((words[i] & 127) == CMS_OPC_OP)
                r = txm_alu(o->f3, o->f7 == 0x20, a, v);
            else
                r = txm_alu(o->f3, o->f3 == 5 && o->f7 == 0x20, a, o->imm);
            wr = 1;
            b->n_a++;
            break;
        case TXK_LUI:
            r = o->imm;
            wr = 1;
            b->n_a++;
            break;
        case TXK_LW:
        case TXK_SW: {
            /* section 6: off = TR[rs1] + imm, 32-bit wrapping */
            uint32_t off = a + o->imm, phys = s->gwbase + off, widx = 0;
            int j, hit = 0;
            b->n_m++;
            b->mem_off = off;
            if (off >= s->gwlimit || (off & 3) || off >= CMS_PROT_WORDS * 4u ||
                !dmem_index(phys, &widx)) {
                b->faults |= TXM_F_BOUNDS;
                /* (a full buffer too: BOUNDS is reported first, txm_cause) */
                if (o->kind == TXK_SW && s->sbn >= s->sb_depth) b->faults |= TXM_F_SBFULL;
                break;
            }
            if (o->kind == TXK_LW) {
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
                    if (!s->dmem_known[widx]) b->faults |= TXM_F_UNDEF;
                    r = s->dmem[widx];
                }
                wr = 1;
            } else {
                if (s->prot[off / 4]) b->faults |= TXM_F_PROT;
                if (s->sbn >= s->sb_depth) b->faults |= TXM_F_SBFULL;
                if (!s->dmem_known[widx]) b->faults |= TXM_F_UNDEF;
                b->store = 1;
                b->st_widx = widx;
                b->st_data = v;
            }
            break;
        }
        case TXK_MUL:
            r = txm_muldiv(o->f3, a, v);
            wr = 1;
            b->n_x++;
            break;
        case TXK_DIV:
            if (v == 0) b->faults |= TXM_F_DIVZERO;
            r = txm_muldiv(o->f3, a, v);
            wr = 1;
            b->n_x++;
            break;
        case TXK_BR:
            b->n_b++;
            if (txm_bcond(o->f3, a, v)) {
                b->taken = 1;
                b->target = pc + (uint32_t)i * 4u + o->imm;   /* relative to the branch itself */
            }
            break;
        case TXK_JAL:
            b->n_b++;
            b->taken = 1;
            b->target = pc + (uint32_t)i * 4u + o->imm;
            break;
        case TXK_EXIT:
            b->n_b++;
            b->exit = 1;
            b->commit = 1;
            b->exit_code = o->imm & 0x7ff;
            break;
        case TXK_COMMIT:
            b->n_b++;
            b->commit = 1;
            break;
        case TXK_ASSERT:
            b->n_b++;
            if (!txm_bcond(o->f7 & 7, a, v)) b->faults |= TXM_F_ASSERT;
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
    /* DOC-SILENT: the target of a branch that is not taken is not checked (the RTL checks it
     * only when the branch is taken; docs/isa.md: "The target must be bundle aligned and inside
     * the TC, or the bundle aborts"). */
    if (b->taken && ((b->target & (bb - 1)) || b->target - CMS_TC_BASE >= CMS_TC_BYTES))
        b->faults |= TXM_F_ILLEGAL;
    b->cause = txm_cause(b->faults);
}

void txm_apply(txm_state *s, const txm_bundle *b)
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

void txm_abort(txm_state *s, int cause)
{
    do_rollback(s);
    if (cause >= CMS_CAUSE_TX_FIRST && cause < CMS_CAUSE_TX_FIRST + TXM_NCAUSE)
        s->cnt.rb[cause - CMS_CAUSE_TX_FIRST]++;
}

txm_result txm_run(txm_state *s, uint32_t tc_addr, unsigned max_bundles)
{
    return txm_run_hook(s, tc_addr, max_bundles, NULL, NULL);
}

txm_result txm_run_hook(txm_state *s, uint32_t tc_addr, unsigned max_bundles, txm_hook *hook,
                        void *ctx)
{
    txm_result r;
    uint32_t pc = tc_addr, bb = BB(s);

    memset(&r, 0, sizeof r);
    for (;;) {
        uint32_t words[TXM_MAX_SLOTS], o = pc - CMS_TC_BASE;
        txm_bundle b;
        int i;

        /* a bad address: from tx.enter, or (DOC-SILENT) the bundle after the last one in the TC
         * when nothing branches (the doc defines only tx.enter targets and branch targets; the
         * RTL aborts with TX_ILLEGAL at TXPC = TC end, as for a bad tx.enter). Taken branch
         * targets never get here: the branch itself aborts. */
        if ((pc & (bb - 1)) || o >= CMS_TC_BYTES) {
            txm_abort(s, CMS_CAUSE_TX_ILLEGAL);
            r.status = TXM_ABORT;
            r.cause = CMS_CAUSE_TX_ILLEGAL;
            r.abort_pc = pc;
            r.rd_value = CMS_TX_ABORT_BIT | (uint32_t)r.cause;
            return r;
        }
        if (r.bundles >= max_bundles) {
            r.status = TXM_LIMIT;
            r.why = "bundle limit";
            return r;
        }
        for (i = 0; i < s->slots; i++) {
            if (!s->tc_known[o / 4 + (uint32_t)i]) {
                r.status = TXM_UNDEF;
                r.why = "fetch from unknown TC";
                return r;
            }
            words[i] = s->tc[o / 4 + (uint32_t)i];
        }
        txm_eval_words(s, pc, words, &b);
        if (hook) hook(ctx, s, &b);
        if (b.faults & ~(unsigned)TXM_F_UNDEF) {
            txm_abort(s, b.cause);
            r.status = TXM_ABORT;
            r.cause = b.cause;
            r.abort_pc = pc;
            r.rd_value = CMS_TX_ABORT_BIT | (uint32_t)r.cause;
            return r;
        }
        if (b.faults & TXM_F_UNDEF) {
            r.status = TXM_UNDEF;
            r.why = "access to unknown DMEM";
            return r;
        }
        txm_apply(s, &b);
        r.bundles++;
        if (b.exit) {
            r.status = TXM_EXIT;
            r.rd_value = b.exit_code;
            return r;
        }
        pc = b.taken ? b.target : pc + bb;
    }
}

/* ------------------------------------------------------------------ text */

void txm_disasm(uint32_t w, char *buf, unsigned size)
{
    static const char *const alu[8] = { "add", "sll", "slt", "sltu", "xor", "srl", "or", "and" };
    static const char *const alui[8] = { "addi", "slli", "slti", "sltiu", "xori", "srli", "ori", "andi" };
    static const char *const md[8] = { "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu" };
    static const char *const bc[8] = { "beq", "bne", "b?2", "b?3", "blt", "bge", "bltu", "bgeu" };
    txm_op o = txm_decode(w);
    size_t n = size;

    switch (o.kind) {
    case TXK_NOP: snprintf(buf, n, "nop"); break;
    case TXK_ALU:
        if ((w & 127) == CMS_OPC_OP)
            snprintf(buf, n, "%s x%d, x%d, x%d",
                     o.f7 == 0x20 ? (o.f3 == 0 ? "sub" : "sra") : alu[o.f3], o.rd, o.rs1, o.rs2);
        else if (o.f3 == 1 || o.f3 == 5)
            snprintf(buf, n, "%s x%d, x%d, %u", o.f7 == 0x20 ? "srai" : alui[o.f3], o.rd, o.rs1,
                     (unsigned)(o.imm & 31));
        else
            snprintf(buf, n, "%s x%d, x%d, %d", alui[o.f3], o.rd, o.rs1, (int)o.imm);
        break;
    case TXK_LUI: snprintf(buf, n, "lui x%d, 0x%x", o.rd, (unsigned)(o.imm >> 12)); break;
    case TXK_LW: snprintf(buf, n, "lw x%d, %d(x%d)", o.rd, (int)o.imm, o.rs1); break;
    case TXK_SW: snprintf(buf, n, "sw x%d, %d(x%d)", o.rs2, (int)o.imm, o.rs1); break;
    case TXK_MUL:
    case TXK_DIV: snprintf(buf, n, "%s x%d, x%d, x%d", md[o.f3], o.rd, o.rs1, o.rs2); break;
    case TXK_BR: snprintf(buf, n, "%s x%d, x%d, .%+d", bc[o.f3], o.rs1, o.rs2, (int)o.imm); break;
    case TXK_JAL: snprintf(buf, n, "j .%+d", (int)o.imm); break;
    case TXK_EXIT: snprintf(buf, n, "exit %u", (unsigned)o.imm); break;
    case TXK_COMMIT: snprintf(buf, n, "commit"); break;
    case TXK_ASSERT: snprintf(buf, n, "assert.%s x%d, x%d", bc[o.f7 & 7] + 1, o.rs1, o.rs2); break;
    default: snprintf(buf, n, "illegal 0x%08x", (unsigned)w); break;
    }
}
