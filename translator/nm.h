/* nm.h -- the native machine's translation-mode operations (docs/isa.md sections 4 and 5):
 * encoding, decoding with validation, disassembly. "nm" = native machine.
 *
 * Portable C11, freestanding (only <stdint.h>, <stddef.h>, <stdbool.h> and the generated
 * cms_defs.h): no globals, no allocation, no libc. The firmware can link nm_encode.c,
 * nm_decode.c and nm_dis.c; the executable model of translation mode is nm_model.h (host).
 *
 * Where each fact of the encoding lives:
 *   spec/chip.tbl (-> build/gen/cms_defs.h)   opcodes, funct3/funct7 values, field positions
 *   nm_encode.c                               the bit order of the S, B, J, U immediates (both
 *                                             directions), the struct -> word encoder
 *   nm_decode.c                               which words are legal, and why not (isa.md 5)
 *   nm_dis.c                                  the notation (isa.md section 5, "Notation")
 */
#ifndef NM_H
#define NM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cms_defs.h"

#define NM_TR_COUNT  CMS_TR_COUNT
#define NM_MAX_SLOTS 8            /* the largest SLOTS the library accepts (a power of two >= 2) */
/* addi x0, x0, 0 (a constant expression, for static tables) */
#define NM_NOP_WORD  (((uint32_t)CMS_OPC_OP_IMM << CMS_ENC_OPC_LSB) | ((uint32_t)CMS_F3_ADD << CMS_ENC_F3_LSB))

/* ---- operations ---- */
typedef enum nm_opk {
    NM_ILLEGAL = 0,
    NM_NOP,                                           /* addi x0, x0, 0 */
    NM_ADD, NM_SUB, NM_SLL, NM_SLT, NM_SLTU, NM_XOR, NM_SRL, NM_SRA, NM_OR, NM_AND,
    NM_ADDI, NM_SLTI, NM_SLTIU, NM_XORI, NM_ORI, NM_ANDI, NM_SLLI, NM_SRLI, NM_SRAI,
    NM_LUI,
    NM_LW, NM_SW,
    NM_MUL, NM_MULH, NM_MULHSU, NM_MULHU, NM_DIV, NM_DIVU, NM_REM, NM_REMU,
    NM_BR,                                            /* B<cond>: cond = CMS_F3_BEQ ... CMS_F3_BGEU */
    NM_J,                                             /* jal x0 */
    NM_EXIT, NM_COMMIT,
    NM_ASSERT,                                        /* cond as for NM_BR */
    NM_OPK_COUNT
} nm_opk;

/* coarse kinds, as the model and a scheduler see operations */
typedef enum nm_kind {
    NM_K_ILL, NM_K_NOP, NM_K_ALU, NM_K_LUI, NM_K_LW, NM_K_SW, NM_K_MUL, NM_K_DIV,
    NM_K_BR, NM_K_JAL, NM_K_EXIT, NM_K_COMMIT, NM_K_ASSERT
} nm_kind;

/* slot classes (docs/isa.md section 5) */
typedef enum nm_class { NM_C_NONE, NM_C_A, NM_C_M, NM_C_X, NM_C_B } nm_class;

/* why a word is not a legal operation (in that slot) */
typedef enum nm_why {
    NM_OK = 0,
    NM_WHY_ZERO,      /* the all-zero word */
    NM_WHY_OPCODE,    /* an opcode translation mode does not have (AUIPC, JALR, SYSTEM, FENCE, ...) */
    NM_WHY_FUNCT3,    /* a load/store width other than word, an unknown custom-0 funct3 */
    NM_WHY_FUNCT7,    /* an OP or shift-immediate funct7 RV32IM does not define */
    NM_WHY_RESERVED,  /* a field that must be zero is not (rd of JAL; EXIT, COMMIT, ASSERT fields) */
    NM_WHY_REG,       /* a register field >= TR_COUNT */
    NM_WHY_SLOT,      /* the operation's class is not allowed in this slot */
    NM_WHY_RANGE      /* encoder only: an operand does not fit (register, immediate, offset) */
} nm_why;

/* one operation. Fields an operation does not have are -1 (registers) or 0 (cond, imm). */
typedef struct nm_op {
    nm_opk op;
    nm_kind kind;     /* derived from op (nm_kind_of) */
    nm_class cls;     /* derived from op (nm_class_of) */
    int rd, rs1, rs2; /* TR numbers the operation writes / reads; -1: none */
    int cond;         /* NM_BR, NM_ASSERT: branch funct3 code (CMS_F3_BEQ ... CMS_F3_BGEU, 0..7) */
    uint32_t imm;     /* I/S: sign-extended; shifts: shamt; LUI: the value (low 12 bits 0);
                         BR/J: byte offset from the operation, sign-extended; EXIT: code */
} nm_op;

/* ---- nm_encode.c: field layout, both directions ---- */
uint32_t nm_f_opc(uint32_t w);
uint32_t nm_f_rd(uint32_t w);
uint32_t nm_f_f3(uint32_t w);
uint32_t nm_f_rs1(uint32_t w);
uint32_t nm_f_rs2(uint32_t w);
uint32_t nm_f_f7(uint32_t w);
uint32_t nm_imm_i(uint32_t w);   /* sign-extended immediates of each format */
uint32_t nm_imm_s(uint32_t w);
uint32_t nm_imm_b(uint32_t w);
uint32_t nm_imm_j(uint32_t w);
uint32_t nm_imm_u(uint32_t w);   /* word[31:12] << 12 */
/* raw formats: every field masked to its width (so they build illegal words too). Inline, so
 * that a caller encoding in a hot loop (the translator's link step) pays no call; the
 * immediates' bit order is written here only. */
static inline uint32_t nm_put(uint32_t v, unsigned lsb, unsigned bits)
{
    return (v & ((1u << bits) - 1u)) << lsb;
}
static inline uint32_t nm_enc_r(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t opc)
{
    return nm_put(f7, CMS_ENC_F7_LSB, CMS_ENC_F7_BITS) | nm_put(rs2, CMS_ENC_RS2_LSB, CMS_ENC_REG_BITS) |
           nm_put(rs1, CMS_ENC_RS1_LSB, CMS_ENC_REG_BITS) | nm_put(f3, CMS_ENC_F3_LSB, CMS_ENC_F3_BITS) |
           nm_put(rd, CMS_ENC_RD_LSB, CMS_ENC_REG_BITS) | nm_put(opc, CMS_ENC_OPC_LSB, CMS_ENC_OPC_BITS);
}
static inline uint32_t nm_enc_i(uint32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t opc)
{
    return nm_put(imm, CMS_ENC_IMM_I_LSB, CMS_ENC_IMM_I_BITS) | nm_enc_r(0, 0, rs1, f3, rd, opc);
}
static inline uint32_t nm_enc_s(uint32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t opc)
{
    return nm_enc_r(imm >> CMS_ENC_REG_BITS, rs2, rs1, f3, imm, opc);
}
static inline uint32_t nm_enc_b(uint32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t opc)
{
    uint32_t f7 = (((imm >> 12) & 1) << 6) | ((imm >> 5) & 63);
    uint32_t rd = (((imm >> 1) & 15) << 1) | ((imm >> 11) & 1);
    return nm_enc_r(f7, rs2, rs1, f3, rd, opc);
}
static inline uint32_t nm_enc_j(uint32_t imm, uint32_t rd, uint32_t opc)
{
    uint32_t hi = (((imm >> 20) & 1) << 19) | (((imm >> 1) & 1023) << 9) | (((imm >> 11) & 1) << 8) |
                  ((imm >> 12) & 255);
    return (hi << CMS_ENC_F3_LSB) | nm_enc_r(0, 0, 0, 0, rd, opc);
}
static inline uint32_t nm_enc_u(uint32_t imm, uint32_t rd, uint32_t opc)
{
    return (imm & ~((1u << CMS_ENC_F3_LSB) - 1u)) | nm_enc_r(0, 0, 0, 0, rd, opc);
}

/* ---- nm_encode.c: operations ---- */
/* the word of a legal operation; 0 (the all-zero word, never legal) when an operand does not
 * fit: a register >= TR_COUNT, an immediate out of range, an odd or out-of-range offset, a
 * condition code outside 0..7, LUI with low bits, EXIT code > 2047. Fields the operation does not
 * have are ignored. NM_ADDI x0, x0, 0 is the NOP word. */
uint32_t nm_encode(const nm_op *o);
nm_why nm_encode_why(const nm_op *o, uint32_t *w);   /* the same, saying what does not fit */
/* one function per operation kind (all return 0 for operands that do not fit) */
uint32_t nm_nop(void);
uint32_t nm_rr(nm_opk op, int rd, int rs1, int rs2);          /* ADD..AND, MUL..REMU */
uint32_t nm_ri(nm_opk op, int rd, int rs1, int32_t imm);      /* ADDI..ANDI (imm -2048..2047), SLLI..SRAI (0..31) */
uint32_t nm_lui(int rd, uint32_t value);                       /* value & 0xfff must be 0 */
uint32_t nm_lw(int rd, int rs1, int32_t imm);
uint32_t nm_sw(int rs2, int rs1, int32_t imm);
uint32_t nm_br(int cond, int rs1, int rs2, int32_t off);       /* off even, -4096..4094 */
/* bmi / bpl: branch if bit 31 of TR[rs1] - TR[rs2] (32-bit wrapping) is 1 / 0; nm_br with
 * CMS_F3_BMI / CMS_F3_BPL. Beside `sub x1, x1, x6` in the same bundle, `bmi x1, x6, off` tests
 * the sign of the difference that sub writes (the bundle reads its operands before it writes). */
uint32_t nm_bmi(int rs1, int rs2, int32_t off);
uint32_t nm_bpl(int rs1, int rs2, int32_t off);
uint32_t nm_j(int32_t off);                                    /* off even, -2^20..2^20-2 */
uint32_t nm_exit(uint32_t code);                               /* 0..2047 */
uint32_t nm_commit(void);
uint32_t nm_assert(int cond, int rs1, int rs2);
/* firmware-mode custom instructions (docs/isa.md section 4): x registers 0..31, TR 0..TR_COUNT-1 */
uint32_t nm_fw_tx_enter(int rd, int rs1);
uint32_t nm_fw_tx_wr(int tr, int rs1);
uint32_t nm_fw_tx_rd(int rd, int tr);
uint32_t nm_fw_tx_prot(int rs1, int rs2);
uint32_t nm_fw_tx_protrd(int rd, int rs1);
uint32_t nm_fw_tx_commit(void);
uint32_t nm_fw_tx_rollback(void);

/* ---- nm_decode.c ---- */
/* word -> operation, checked as docs/isa.md section 5 lists (slot classes aside). On failure
 * *o is NM_ILLEGAL with every register -1, and the reason is returned. */
nm_why nm_decode(uint32_t w, nm_op *o);
/* ... and the slot class: slot in 0..slots-1 of a bundle of `slots` operations */
nm_why nm_decode_slot(uint32_t w, unsigned slots, unsigned slot, nm_op *o);
bool nm_slot_allows(unsigned slots, unsigned slot, nm_class cls);
bool nm_slots_valid(unsigned slots);          /* a power of two, 2..NM_MAX_SLOTS */
nm_kind nm_kind_of(nm_opk op);
nm_class nm_class_of(nm_opk op);
bool nm_op_equal(const nm_op *a, const nm_op *b);   /* op, registers, cond, imm */
const char *nm_why_str(nm_why why);
const char *nm_opk_name(nm_opk op);                  /* mnemonic ("add"; "b" for NM_BR: see nm_cond_name) */
const char *nm_cond_name(int cond);                  /* "eq", "ne", "mi", "pl", "lt", "ge", "ltu", "geu"; NULL outside 0..7 */

/* ---- nm_dis.c: docs/isa.md's notation into buf (always NUL-terminated if size > 0);
 * returns the length the full text has (as snprintf does) ---- */
size_t nm_dis_op(const nm_op *o, char *buf, size_t size);
/* a word: its operation, or "illegal 0x%08x: <reason>" */
size_t nm_dis(uint32_t w, char *buf, size_t size);
/* a word in a slot: also flags a class the slot does not take */
size_t nm_dis_slot(uint32_t w, unsigned slots, unsigned slot, char *buf, size_t size);
#endif
