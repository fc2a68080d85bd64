/* nm_encode.c -- the bit layout of an operation word, both directions, and the encoders
 * (docs/isa.md sections 4 and 5). Field positions and the opcode/funct values come from
 * build/gen/cms_defs.h (spec/chip.tbl); the immediates' bit order is written here only.
 * Freestanding. */
#include "nm.h"

#define MASK(bits) ((1u << (bits)) - 1u)
#define FIELD(w, lsb, bits) (((w) >> (lsb)) & MASK(bits))

/* sign-extend the low n bits of v */
static uint32_t sext(uint32_t v, unsigned n)
{
    uint32_t m = 1u << (n - 1);
    v &= (m << 1) - 1u;
    return (v ^ m) - m;
}

uint32_t nm_f_opc(uint32_t w) { return FIELD(w, CMS_ENC_OPC_LSB, CMS_ENC_OPC_BITS); }
uint32_t nm_f_rd(uint32_t w) { return FIELD(w, CMS_ENC_RD_LSB, CMS_ENC_REG_BITS); }
uint32_t nm_f_f3(uint32_t w) { return FIELD(w, CMS_ENC_F3_LSB, CMS_ENC_F3_BITS); }
uint32_t nm_f_rs1(uint32_t w) { return FIELD(w, CMS_ENC_RS1_LSB, CMS_ENC_REG_BITS); }
uint32_t nm_f_rs2(uint32_t w) { return FIELD(w, CMS_ENC_RS2_LSB, CMS_ENC_REG_BITS); }
uint32_t nm_f_f7(uint32_t w) { return FIELD(w, CMS_ENC_F7_LSB, CMS_ENC_F7_BITS); }

/* I: imm[11:0] = word[31:20] */
uint32_t nm_imm_i(uint32_t w)
{
    return sext(FIELD(w, CMS_ENC_IMM_I_LSB, CMS_ENC_IMM_I_BITS), CMS_ENC_IMM_I_BITS);
}
/* S: imm[11:5] in funct7, imm[4:0] in rd */
uint32_t nm_imm_s(uint32_t w)
{
    return sext((nm_f_f7(w) << CMS_ENC_REG_BITS) | nm_f_rd(w), CMS_ENC_F7_BITS + CMS_ENC_REG_BITS);
}
/* B: word[31] imm[12], word[30:25] imm[10:5], word[11:8] imm[4:1], word[7] imm[11] */
uint32_t nm_imm_b(uint32_t w)
{
    uint32_t f7 = nm_f_f7(w), rd = nm_f_rd(w);
    uint32_t v = ((f7 >> 6) << 12) | ((rd & 1) << 11) | ((f7 & 63) << 5) | ((rd >> 1) << 1);
    return sext(v, 13);
}
/* J: word[31] imm[20], word[30:21] imm[10:1], word[20] imm[11], word[19:12] imm[19:12] */
uint32_t nm_imm_j(uint32_t w)
{
    uint32_t v = ((w >> 31) << 20) | (FIELD(w, 12, 8) << 12) | (FIELD(w, 20, 1) << 11) |
                 (FIELD(w, 21, 10) << 1);
    return sext(v, 21);
}
/* U: imm[31:12] = word[31:12] */
uint32_t nm_imm_u(uint32_t w) { return w & ~MASK(CMS_ENC_F3_LSB); }

/* ------------------------------------------------------------------ operations */

static bool reg_ok(int r) { return r >= 0 && r < NM_TR_COUNT; }
static bool cond_ok(int c) { return nm_cond_name(c) != NULL; }   /* nm_decode.c */
static bool simm_ok(uint32_t v, unsigned bits) { return sext(v, bits) == v; }

/* funct3 and funct7 of the R-type and I-type ALU operations */
static bool alu_fields(nm_opk op, uint32_t *f3, uint32_t *f7)
{
    *f7 = CMS_F7_BASE;
    switch (op) {
    case NM_ADD: case NM_ADDI: *f3 = CMS_F3_ADD; return true;
    case NM_SUB: *f3 = CMS_F3_ADD; *f7 = CMS_F7_ALT; return true;
    case NM_SLL: case NM_SLLI: *f3 = CMS_F3_SLL; return true;
    case NM_SLT: case NM_SLTI: *f3 = CMS_F3_SLT; return true;
    case NM_SLTU: case NM_SLTIU: *f3 = CMS_F3_SLTU; return true;
    case NM_XOR: case NM_XORI: *f3 = CMS_F3_XOR; return true;
    case NM_SRL: case NM_SRLI: *f3 = CMS_F3_SRL; return true;
    case NM_SRA: case NM_SRAI: *f3 = CMS_F3_SRL; *f7 = CMS_F7_ALT; return true;
    case NM_OR: case NM_ORI: *f3 = CMS_F3_OR; return true;
    case NM_AND: case NM_ANDI: *f3 = CMS_F3_AND; return true;
    case NM_MUL: *f3 = CMS_F3_MUL; *f7 = CMS_F7_MULDIV; return true;
    case NM_MULH: *f3 = CMS_F3_MULH; *f7 = CMS_F7_MULDIV; return true;
    case NM_MULHSU: *f3 = CMS_F3_MULHSU; *f7 = CMS_F7_MULDIV; return true;
    case NM_MULHU: *f3 = CMS_F3_MULHU; *f7 = CMS_F7_MULDIV; return true;
    case NM_DIV: *f3 = CMS_F3_DIV; *f7 = CMS_F7_MULDIV; return true;
    case NM_DIVU: *f3 = CMS_F3_DIVU; *f7 = CMS_F7_MULDIV; return true;
    case NM_REM: *f3 = CMS_F3_REM; *f7 = CMS_F7_MULDIV; return true;
    case NM_REMU: *f3 = CMS_F3_REMU; *f7 = CMS_F7_MULDIV; return true;
    default: *f3 = 0; return false;
    }
}

nm_why nm_encode_why(const nm_op *o, uint32_t *w)
{
    uint32_t f3, f7, imm = o->imm;
    *w = 0;
    switch (o->op) {
    case NM_NOP:
        *w = nm_enc_i(0, 0, CMS_F3_ADD, 0, CMS_OPC_OP_IMM);
        return NM_OK;
    case NM_ADD: case NM_SUB: case NM_SLL: case NM_SLT: case NM_SLTU: case NM_XOR: case NM_SRL:
    case NM_SRA: case NM_OR: case NM_AND:
    case NM_MUL: case NM_MULH: case NM_MULHSU: case NM_MULHU: case NM_DIV: case NM_DIVU:
    case NM_REM: case NM_REMU:
        if (!reg_ok(o->rd) || !reg_ok(o->rs1) || !reg_ok(o->rs2)) return NM_WHY_RANGE;
        alu_fields(o->op, &f3, &f7);
        *w = nm_enc_r(f7, (uint32_t)o->rs2, (uint32_t)o->rs1, f3, (uint32_t)o->rd, CMS_OPC_OP);
        return NM_OK;
    case NM_SLLI: case NM_SRLI: case NM_SRAI:
        if (!reg_ok(o->rd) || !reg_ok(o->rs1) || imm >= 32) return NM_WHY_RANGE;
        alu_fields(o->op, &f3, &f7);
        *w = nm_enc_i((f7 << CMS_ENC_REG_BITS) | imm, (uint32_t)o->rs1, f3, (uint32_t)o->rd,
                      CMS_OPC_OP_IMM);
        return NM_OK;
    case NM_ADDI: case NM_SLTI: case NM_SLTIU: case NM_XORI: case NM_ORI: case NM_ANDI:
        if (!reg_ok(o->rd) || !reg_ok(o->rs1) || !simm_ok(imm, CMS_ENC_IMM_I_BITS)) return NM_WHY_RANGE;
        alu_fields(o->op, &f3, &f7);
        *w = nm_enc_i(imm, (uint32_t)o->rs1, f3, (uint32_t)o->rd, CMS_OPC_OP_IMM);
        return NM_OK;
    case NM_LUI:
        if (!reg_ok(o->rd) || (imm & MASK(CMS_ENC_F3_LSB))) return NM_WHY_RANGE;
        *w = nm_enc_u(imm, (uint32_t)o->rd, CMS_OPC_LUI);
        return NM_OK;
    case NM_LW:
        if (!reg_ok(o->rd) || !reg_ok(o->rs1) || !simm_ok(imm, CMS_ENC_IMM_I_BITS)) return NM_WHY_RANGE;
        *w = nm_enc_i(imm, (uint32_t)o->rs1, CMS_F3_W, (uint32_t)o->rd, CMS_OPC_LOAD);
        return NM_OK;
    case NM_SW:
        if (!reg_ok(o->rs2) || !reg_ok(o->rs1) || !simm_ok(imm, CMS_ENC_IMM_I_BITS)) return NM_WHY_RANGE;
        *w = nm_enc_s(imm, (uint32_t)o->rs2, (uint32_t)o->rs1, CMS_F3_W, CMS_OPC_STORE);
        return NM_OK;
    case NM_BR:
        if (!reg_ok(o->rs1) || !reg_ok(o->rs2) || !cond_ok(o->cond) || (imm & 1) || !simm_ok(imm, 13))
            return NM_WHY_RANGE;
        *w = nm_enc_b(imm, (uint32_t)o->rs2, (uint32_t)o->rs1, (uint32_t)o->cond, CMS_OPC_BRANCH);
        return NM_OK;
    case NM_J:
        if ((imm & 1) || !simm_ok(imm, 21)) return NM_WHY_RANGE;
        *w = nm_enc_j(imm, 0, CMS_OPC_JAL);
        return NM_OK;
    case NM_EXIT:
        if (imm > MASK(CMS_ENC_EXIT_BITS)) return NM_WHY_RANGE;
        *w = nm_enc_i(imm, 0, CMS_TX_OP_EXIT, 0, CMS_OPC_CUSTOM0);
        return NM_OK;
    case NM_COMMIT:
        *w = nm_enc_i(0, 0, CMS_TX_OP_COMMIT, 0, CMS_OPC_CUSTOM0);
        return NM_OK;
    case NM_ASSERT:
        if (!reg_ok(o->rs1) || !reg_ok(o->rs2) || !cond_ok(o->cond)) return NM_WHY_RANGE;
        *w = nm_enc_r((uint32_t)o->cond, (uint32_t)o->rs2, (uint32_t)o->rs1, CMS_TX_OP_ASSERT, 0,
                      CMS_OPC_CUSTOM0);
        return NM_OK;
    default:
        return NM_WHY_OPCODE;
    }
}

uint32_t nm_encode(const nm_op *o)
{
    uint32_t w;
    return nm_encode_why(o, &w) == NM_OK ? w : 0;
}

static uint32_t mk(nm_opk op, int rd, int rs1, int rs2, int cond, uint32_t imm)
{
    nm_op o;
    o.op = op;
    o.kind = nm_kind_of(op);
    o.cls = nm_class_of(op);
    o.rd = rd;
    o.rs1 = rs1;
    o.rs2 = rs2;
    o.cond = cond;
    o.imm = imm;
    return nm_encode(&o);
}

uint32_t nm_nop(void) { return mk(NM_NOP, -1, -1, -1, 0, 0); }
uint32_t nm_rr(nm_opk op, int rd, int rs1, int rs2)
{
    return (op >= NM_ADD && op <= NM_AND) || (op >= NM_MUL && op <= NM_REMU)
               ? mk(op, rd, rs1, rs2, 0, 0) : 0;
}
uint32_t nm_ri(nm_opk op, int rd, int rs1, int32_t imm)
{
    return op >= NM_ADDI && op <= NM_SRAI ? mk(op, rd, rs1, -1, 0, (uint32_t)imm) : 0;
}
uint32_t nm_lui(int rd, uint32_t value) { return mk(NM_LUI, rd, -1, -1, 0, value); }
uint32_t nm_lw(int rd, int rs1, int32_t imm) { return mk(NM_LW, rd, rs1, -1, 0, (uint32_t)imm); }
uint32_t nm_sw(int rs2, int rs1, int32_t imm) { return mk(NM_SW, -1, rs1, rs2, 0, (uint32_t)imm); }
uint32_t nm_br(int cond, int rs1, int rs2, int32_t off) { return mk(NM_BR, -1, rs1, rs2, cond, (uint32_t)off); }
uint32_t nm_bmi(int rs1, int rs2, int32_t off) { return nm_br(CMS_F3_BMI, rs1, rs2, off); }
uint32_t nm_bpl(int rs1, int rs2, int32_t off) { return nm_br(CMS_F3_BPL, rs1, rs2, off); }
uint32_t nm_j(int32_t off) { return mk(NM_J, -1, -1, -1, 0, (uint32_t)off); }
uint32_t nm_exit(uint32_t code) { return mk(NM_EXIT, -1, -1, -1, 0, code); }
uint32_t nm_commit(void) { return mk(NM_COMMIT, -1, -1, -1, 0, 0); }
uint32_t nm_assert(int cond, int rs1, int rs2) { return mk(NM_ASSERT, -1, rs1, rs2, cond, 0); }

/* ------------------------------------------------------------------ firmware mode (section 4) */

static bool xreg_ok(int r) { return r >= 0 && r < (1 << CMS_ENC_REG_BITS); }
static uint32_t fw(uint32_t f7, int rs2, int rs1, uint32_t f3, int rd)
{
    if (!xreg_ok(rs2) || !xreg_ok(rs1) || !xreg_ok(rd)) return 0;
    return nm_enc_r(f7, (uint32_t)rs2, (uint32_t)rs1, f3, (uint32_t)rd, CMS_OPC_CUSTOM0);
}
uint32_t nm_fw_tx_enter(int rd, int rs1) { return fw(0, 0, rs1, CMS_FW_TX_ENTER, rd); }
uint32_t nm_fw_tx_wr(int tr, int rs1) { return reg_ok(tr) ? fw(0, 0, rs1, CMS_FW_TX_WR, tr) : 0; }
uint32_t nm_fw_tx_rd(int rd, int tr) { return reg_ok(tr) ? fw(0, 0, tr, CMS_FW_TX_RD, rd) : 0; }
uint32_t nm_fw_tx_prot(int rs1, int rs2) { return fw(0, rs2, rs1, CMS_FW_TX_PROT, 0); }
uint32_t nm_fw_tx_protrd(int rd, int rs1) { return fw(0, 0, rs1, CMS_FW_TX_PROTRD, rd); }
uint32_t nm_fw_tx_commit(void) { return fw(CMS_FW_CTL_COMMIT, 0, 0, CMS_FW_TX_CTL, 0); }
uint32_t nm_fw_tx_rollback(void) { return fw(CMS_FW_CTL_ROLLBACK, 0, 0, CMS_FW_TX_CTL, 0); }
