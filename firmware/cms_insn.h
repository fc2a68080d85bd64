/* cms_insn.h -- the firmware-mode custom instructions (tx.*), for C (inline functions) and
 * assembly (macros), written with the assembler's .insn and the opcode and funct values of
 * build/gen/cms_defs.h (generated from spec/chip.tbl); see docs/isa.md section 4. The
 * translation-mode operations (bundles) are encoded by translator/nm.h in C, and by
 * tests/rtl/test.h's macros in the RTL tests' assembly.
 *
 * Firmware mode (custom-0):
 *   tx.enter rd, rs1     run bundles from TC address x[rs1]; x[rd] = exit code or TX_ABORT_BIT|cause
 *   tx.wr    trN, rs1    TR[N] = x[rs1], working and shadow copy
 *   tx.rd    rd, trN     x[rd] = TR[N] (working copy)
 *   tx.prot  rs1, rs2    protection bit of guest-window byte offset x[rs1] = x[rs2] & 1
 *   tx.protrd rd, rs1    x[rd] = protection bit of guest-window byte offset x[rs1]
 *   tx.commit / tx.rollback
 * Translation registers are written x0..x15 in TR operands here.
 */
#ifndef CMS_INSN_H
#define CMS_INSN_H
#include "cms_defs.h"

#ifdef __ASSEMBLER__
#define TX_ENTER(rd, rs1)  .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_ENTER, 0, rd, rs1, x0
#define TX_WR(tr, rs1)     .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_WR, 0, tr, rs1, x0
#define TX_RD(rd, tr)      .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_RD, 0, rd, tr, x0
#define TX_PROT(rs1, rs2)  .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_PROT, 0, x0, rs1, rs2
#define TX_PROTRD(rd, rs1) .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_PROTRD, 0, rd, rs1, x0
#define TX_COMMIT          .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_CTL, CMS_FW_CTL_COMMIT, x0, x0, x0
#define TX_ROLLBACK        .insn r CMS_OPC_CUSTOM0, CMS_FW_TX_CTL, CMS_FW_CTL_ROLLBACK, x0, x0, x0
#else
#include <stdint.h>

#define CMS_STR_(x) #x
#define CMS_STR(x) CMS_STR_(x)

static inline uint32_t tx_enter(uint32_t tc_addr)
{
    uint32_t code;
    __asm__ volatile(".insn r " CMS_STR(CMS_OPC_CUSTOM0) ", " CMS_STR(CMS_FW_TX_ENTER) ", 0, %0, %1, x0"
                     : "=r"(code) : "r"(tc_addr) : "memory");
    return code;
}
/* tr must be a constant 0..15 */
#define tx_wr(tr, v) \
    __asm__ volatile(".insn r " CMS_STR(CMS_OPC_CUSTOM0) ", " CMS_STR(CMS_FW_TX_WR) ", 0, x" #tr ", %0, x0" \
                     : : "r"((uint32_t)(v)))
#define tx_rd(tr) ({ uint32_t v_; \
    __asm__ volatile(".insn r " CMS_STR(CMS_OPC_CUSTOM0) ", " CMS_STR(CMS_FW_TX_RD) ", 0, %0, x" #tr ", x0" \
                     : "=r"(v_)); v_; })
static inline void tx_prot(uint32_t off, uint32_t bit)
{
    __asm__ volatile(".insn r " CMS_STR(CMS_OPC_CUSTOM0) ", " CMS_STR(CMS_FW_TX_PROT) ", 0, x0, %0, %1"
                     : : "r"(off), "r"(bit) : "memory");
}
static inline uint32_t tx_protrd(uint32_t off)
{
    uint32_t v;
    __asm__ volatile(".insn r " CMS_STR(CMS_OPC_CUSTOM0) ", " CMS_STR(CMS_FW_TX_PROTRD) ", 0, %0, %1, x0"
                     : "=r"(v) : "r"(off));
    return v;
}
static inline void tx_commit(void)
{
    __asm__ volatile(".insn r " CMS_STR(CMS_OPC_CUSTOM0) ", " CMS_STR(CMS_FW_TX_CTL) ", "
                     CMS_STR(CMS_FW_CTL_COMMIT) ", x0, x0, x0" ::: "memory");
}
static inline void tx_rollback(void)
{
    __asm__ volatile(".insn r " CMS_STR(CMS_OPC_CUSTOM0) ", " CMS_STR(CMS_FW_TX_CTL) ", "
                     CMS_STR(CMS_FW_CTL_ROLLBACK) ", x0, x0, x0" ::: "memory");
}
#define csr_read(csr) ({ uint32_t v_; __asm__ volatile("csrr %0, " CMS_STR(csr) : "=r"(v_)); v_; })
#define csr_write(csr, v) __asm__ volatile("csrw " CMS_STR(csr) ", %0" : : "r"((uint32_t)(v)))
#define csr_set(csr, v) __asm__ volatile("csrs " CMS_STR(csr) ", %0" : : "r"((uint32_t)(v)) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " CMS_STR(csr) ", %0" : : "r"((uint32_t)(v)) : "memory")
#endif
#endif
