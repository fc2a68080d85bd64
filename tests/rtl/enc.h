/* enc.h -- instruction words as constant expressions, for the RTL tests' assembly (test.h
 * includes it) and for C (tests/translator/test_nm.c checks them against the translator
 * library's encoders). Only macros.
 *
 * Field positions and widths are spec/chip.tbl's (CMS_ENC_*, build/gen/cms_defs.h), as
 * translator/nm_encode.c uses them; the S/B/J/U immediates' bit order is only in nm_encode.c
 * (assembly tests need R and I words; the assembler encodes the rest).
 */
#ifndef RTL_ENC_H
#define RTL_ENC_H
#include "cms_defs.h"

#define ENC_MASK(bits) ((1 << (bits)) - 1)
#define ENC_F(v, lsb, bits) (((v) & ENC_MASK(bits)) << (lsb))
#define ENC_R(f7, rs2, rs1, f3, rd, op) \
    (ENC_F(f7, CMS_ENC_F7_LSB, CMS_ENC_F7_BITS) | ENC_F(rs2, CMS_ENC_RS2_LSB, CMS_ENC_REG_BITS) | \
     ENC_F(rs1, CMS_ENC_RS1_LSB, CMS_ENC_REG_BITS) | ENC_F(f3, CMS_ENC_F3_LSB, CMS_ENC_F3_BITS) | \
     ENC_F(rd, CMS_ENC_RD_LSB, CMS_ENC_REG_BITS) | ENC_F(op, CMS_ENC_OPC_LSB, CMS_ENC_OPC_BITS))
#define ENC_I(imm, rs1, f3, rd, op) \
    (ENC_F(imm, CMS_ENC_IMM_I_LSB, CMS_ENC_IMM_I_BITS) | ENC_R(0, 0, rs1, f3, rd, op))
/* addi x0, x0, 0 */
#define NOP_WORD ENC_I(0, 0, CMS_F3_ADD, 0, CMS_OPC_OP_IMM)
#endif
