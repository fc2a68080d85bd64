/* nm_decode.c -- operation word -> nm_op, with the legality rules of docs/isa.md section 5:
 * an operation in a slot not of its class, an unknown encoding (including the all-zero word), a
 * register field >= TR_COUNT, or a non-zero field that must be zero (rd of JAL; rd and rs1 of
 * EXIT; every field of COMMIT; rd and funct7[6:3] of ASSERT; imm[11] of EXIT). Every branch and
 * ASSERT condition code 0..7 is legal (2 and 3: bmi, bpl, translation mode's own). Freestanding. */
#include "nm.h"

nm_kind nm_kind_of(nm_opk op)
{
    if (op == NM_NOP) return NM_K_NOP;
    if (op >= NM_ADD && op <= NM_SRAI) return NM_K_ALU;
    if (op >= NM_MUL && op <= NM_MULHU) return NM_K_MUL;
    if (op >= NM_DIV && op <= NM_REMU) return NM_K_DIV;
    switch (op) {
    case NM_LUI: return NM_K_LUI;
    case NM_LW: return NM_K_LW;
    case NM_SW: return NM_K_SW;
    case NM_BR: return NM_K_BR;
    case NM_J: return NM_K_JAL;
    case NM_EXIT: return NM_K_EXIT;
    case NM_COMMIT: return NM_K_COMMIT;
    case NM_ASSERT: return NM_K_ASSERT;
    default: return NM_K_ILL;
    }
}

nm_class nm_class_of(nm_opk op)
{
    switch (nm_kind_of(op)) {
    case NM_K_NOP: case NM_K_ALU: case NM_K_LUI: return NM_C_A;
    case NM_K_LW: case NM_K_SW: return NM_C_M;
    case NM_K_MUL: case NM_K_DIV: return NM_C_X;
    case NM_K_BR: case NM_K_JAL: case NM_K_EXIT: case NM_K_COMMIT: case NM_K_ASSERT: return NM_C_B;
    default: return NM_C_NONE;
    }
}

static nm_opk muldiv_op(uint32_t f3)
{
    static const nm_opk md[8] = {
        [CMS_F3_MUL] = NM_MUL, [CMS_F3_MULH] = NM_MULH, [CMS_F3_MULHSU] = NM_MULHSU,
        [CMS_F3_MULHU] = NM_MULHU, [CMS_F3_DIV] = NM_DIV, [CMS_F3_DIVU] = NM_DIVU,
        [CMS_F3_REM] = NM_REM, [CMS_F3_REMU] = NM_REMU
    };
    return md[f3 & 7];
}

static nm_opk alu_op(uint32_t f3, bool alt, bool imm)
{
    static const nm_opk reg[8] = {
        [CMS_F3_ADD] = NM_ADD, [CMS_F3_SLL] = NM_SLL, [CMS_F3_SLT] = NM_SLT, [CMS_F3_SLTU] = NM_SLTU,
        [CMS_F3_XOR] = NM_XOR, [CMS_F3_SRL] = NM_SRL, [CMS_F3_OR] = NM_OR, [CMS_F3_AND] = NM_AND
    };
    static const nm_opk im[8] = {
        [CMS_F3_ADD] = NM_ADDI, [CMS_F3_SLL] = NM_SLLI, [CMS_F3_SLT] = NM_SLTI,
        [CMS_F3_SLTU] = NM_SLTIU, [CMS_F3_XOR] = NM_XORI, [CMS_F3_SRL] = NM_SRLI,
        [CMS_F3_OR] = NM_ORI, [CMS_F3_AND] = NM_ANDI
    };
    f3 &= 7;
    if (alt) {
        if (f3 == CMS_F3_ADD) return NM_SUB;
        return imm ? NM_SRAI : NM_SRA;
    }
    return imm ? im[f3] : reg[f3];
}

static nm_why fail(nm_op *o, nm_why why)
{
    o->op = NM_ILLEGAL;
    o->kind = NM_K_ILL;
    o->cls = NM_C_NONE;
    o->rd = o->rs1 = o->rs2 = -1;
    o->cond = 0;
    o->imm = 0;
    return why;
}

nm_why nm_decode(uint32_t w, nm_op *o)
{
    uint32_t opc = nm_f_opc(w), rd = nm_f_rd(w), rs1 = nm_f_rs1(w), rs2 = nm_f_rs2(w);
    uint32_t f3 = nm_f_f3(w), f7 = nm_f_f7(w);
    bool use_rd = false, use_rs1 = false, use_rs2 = false;

    fail(o, NM_OK);
    if (w == 0) return fail(o, NM_WHY_ZERO);
    switch (opc) {
    case CMS_OPC_OP_IMM:
        use_rd = use_rs1 = true;
        if (f3 == CMS_F3_SLL) {
            if (f7 != CMS_F7_BASE) return fail(o, NM_WHY_FUNCT7);
            o->imm = rs2;                                  /* shamt */
        } else if (f3 == CMS_F3_SRL) {
            if (f7 != CMS_F7_BASE && f7 != CMS_F7_ALT) return fail(o, NM_WHY_FUNCT7);
            o->imm = rs2;
        } else {
            o->imm = nm_imm_i(w);
        }
        o->op = w == NM_NOP_WORD ? NM_NOP : alu_op(f3, f3 == CMS_F3_SRL && f7 == CMS_F7_ALT, true);
        break;
    case CMS_OPC_OP:
        use_rd = use_rs1 = use_rs2 = true;
        if (f7 == CMS_F7_MULDIV) {
            o->op = muldiv_op(f3);
        } else if (f7 == CMS_F7_BASE || (f7 == CMS_F7_ALT && (f3 == CMS_F3_ADD || f3 == CMS_F3_SRL))) {
            o->op = alu_op(f3, f7 == CMS_F7_ALT, false);
        } else {
            return fail(o, NM_WHY_FUNCT7);
        }
        break;
    case CMS_OPC_LUI:
        use_rd = true;
        o->op = NM_LUI;
        o->imm = nm_imm_u(w);
        break;
    case CMS_OPC_LOAD:
        if (f3 != CMS_F3_W) return fail(o, NM_WHY_FUNCT3);
        use_rd = use_rs1 = true;
        o->op = NM_LW;
        o->imm = nm_imm_i(w);
        break;
    case CMS_OPC_STORE:
        if (f3 != CMS_F3_W) return fail(o, NM_WHY_FUNCT3);
        use_rs1 = use_rs2 = true;
        o->op = NM_SW;
        o->imm = nm_imm_s(w);
        break;
    case CMS_OPC_BRANCH:
        use_rs1 = use_rs2 = true;                          /* every funct3 is a condition */
        o->op = NM_BR;
        o->cond = (int)f3;
        o->imm = nm_imm_b(w);
        break;
    case CMS_OPC_JAL:
        if (rd != 0) return fail(o, NM_WHY_RESERVED);     /* only JAL x0 */
        o->op = NM_J;
        o->imm = nm_imm_j(w);
        break;
    case CMS_OPC_CUSTOM0:
        switch (f3) {
        case CMS_TX_OP_EXIT:                               /* rd = rs1 = 0, imm[11] = 0 */
            if (rd != 0 || rs1 != 0 || (nm_imm_i(w) >> CMS_ENC_EXIT_BITS) != 0)
                return fail(o, NM_WHY_RESERVED);
            o->op = NM_EXIT;
            o->imm = nm_imm_i(w);
            break;
        case CMS_TX_OP_COMMIT:                             /* every field 0 */
            if (rd != 0 || rs1 != 0 || nm_imm_i(w) != 0) return fail(o, NM_WHY_RESERVED);
            o->op = NM_COMMIT;
            break;
        case CMS_TX_OP_ASSERT:                             /* rd = 0, funct7[6:3] = 0; any condition */
            if (rd != 0 || (f7 >> CMS_ENC_COND_BITS) != 0) return fail(o, NM_WHY_RESERVED);
            use_rs1 = use_rs2 = true;
            o->op = NM_ASSERT;
            o->cond = (int)f7;
            break;
        default:
            return fail(o, NM_WHY_FUNCT3);
        }
        break;
    default:
        return fail(o, NM_WHY_OPCODE);
    }
    /* a register field >= TR_COUNT */
    if ((use_rd && rd >= NM_TR_COUNT) || (use_rs1 && rs1 >= NM_TR_COUNT) ||
        (use_rs2 && rs2 >= NM_TR_COUNT))
        return fail(o, NM_WHY_REG);
    o->rd = use_rd ? (int)rd : -1;
    o->rs1 = use_rs1 ? (int)rs1 : -1;
    o->rs2 = use_rs2 ? (int)rs2 : -1;
    o->kind = nm_kind_of(o->op);
    o->cls = nm_class_of(o->op);
    return NM_OK;
}

bool nm_slots_valid(unsigned slots)
{
    return slots >= 2 && slots <= NM_MAX_SLOTS && (slots & (slots - 1)) == 0;
}

bool nm_slot_allows(unsigned slots, unsigned slot, nm_class cls)
{
    if (slot >= slots) return false;
    switch (cls) {
    case NM_C_A: return true;
    case NM_C_M:
    case NM_C_X: return slot == 0;
    case NM_C_B: return slot == slots - 1;
    default: return false;
    }
}

nm_why nm_decode_slot(uint32_t w, unsigned slots, unsigned slot, nm_op *o)
{
    nm_why why = nm_decode(w, o);
    if (why != NM_OK) return why;
    if (!nm_slot_allows(slots, slot, o->cls)) return NM_WHY_SLOT;   /* *o stays decoded */
    return NM_OK;
}

bool nm_op_equal(const nm_op *a, const nm_op *b)
{
    return a->op == b->op && a->rd == b->rd && a->rs1 == b->rs1 && a->rs2 == b->rs2 &&
           a->cond == b->cond && a->imm == b->imm;
}

const char *nm_why_str(nm_why why)
{
    switch (why) {
    case NM_OK: return "ok";
    case NM_WHY_ZERO: return "all-zero word";
    case NM_WHY_OPCODE: return "opcode not in translation mode";
    case NM_WHY_FUNCT3: return "funct3 not in translation mode";
    case NM_WHY_FUNCT7: return "funct7 not defined";
    case NM_WHY_RESERVED: return "non-zero field that must be zero";
    case NM_WHY_REG: return "register field >= TR_COUNT";
    case NM_WHY_SLOT: return "class not allowed in this slot";
    case NM_WHY_RANGE: return "operand out of range";
    default: return "?";
    }
}

const char *nm_opk_name(nm_opk op)
{
    static const char *const names[NM_OPK_COUNT] = {
        "illegal", "nop",
        "add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
        "addi", "slti", "sltiu", "xori", "ori", "andi", "slli", "srli", "srai",
        "lui", "lw", "sw",
        "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
        "b", "j", "exit", "commit", "assert"
    };
    return (unsigned)op < NM_OPK_COUNT ? names[op] : "?";
}

const char *nm_cond_name(int cond)
{
    static const char *const names[8] = {
        [CMS_F3_BEQ] = "eq", [CMS_F3_BNE] = "ne", [CMS_F3_BMI] = "mi", [CMS_F3_BPL] = "pl",
        [CMS_F3_BLT] = "lt", [CMS_F3_BGE] = "ge", [CMS_F3_BLTU] = "ltu", [CMS_F3_BGEU] = "geu"
    };
    return cond >= 0 && cond < 8 ? names[cond] : NULL;
}
