/* fw_link.c -- proof that the translator library's firmware part (nm_encode.c, nm_decode.c,
 * nm_dis.c) builds freestanding for the firmware: compiled with FW_CFLAGS and linked with
 * -nostdlib and no libgcc (mk/translator.mk), so any call into libc or libgcc fails the link.
 * Calls every function; never run. */
#include "nm.h"

void nm_fw_entry(void);

static uint32_t sink(uint32_t acc, uint32_t v) { return acc * 31u + v; }

void nm_fw_entry(void)
{
    char buf[64];
    nm_op o;
    uint32_t w, acc = 0;
    unsigned s;

    acc = sink(acc, nm_nop());
    acc = sink(acc, nm_rr(NM_ADD, 1, 2, 3));
    acc = sink(acc, nm_ri(NM_ADDI, 1, 2, -3));
    acc = sink(acc, nm_lui(1, 0x12345000u));
    acc = sink(acc, nm_lw(1, 2, 4));
    acc = sink(acc, nm_sw(1, 2, 4));
    acc = sink(acc, nm_br(CMS_F3_BNE, 1, 2, -8));
    acc = sink(acc, nm_bmi(1, 6, 16) ^ nm_bpl(1, 6, -16));
    acc = sink(acc, nm_j(16));
    acc = sink(acc, nm_exit(7));
    acc = sink(acc, nm_commit());
    acc = sink(acc, nm_assert(CMS_F3_BLT, 1, 2));
    acc = sink(acc, nm_fw_tx_enter(10, 11) ^ nm_fw_tx_wr(1, 10) ^ nm_fw_tx_rd(10, 1));
    acc = sink(acc, nm_fw_tx_prot(10, 11) ^ nm_fw_tx_protrd(10, 11));
    acc = sink(acc, nm_fw_tx_commit() ^ nm_fw_tx_rollback());
    acc = sink(acc, nm_f_f3(acc) ^ nm_f_f7(acc) ^ nm_imm_s(acc) ^ nm_imm_b(acc) ^ nm_imm_j(acc));
    acc = sink(acc, nm_enc_s(acc, 1, 2, 3, 4) ^ nm_enc_b(acc, 1, 2, 3, 4) ^ nm_enc_j(acc, 1, 2));
    for (s = 0; s < 4; s++) {
        if (nm_decode_slot(acc, 4, s, &o) == NM_OK) {
            w = nm_encode(&o);
            acc = sink(acc, w);
            acc = sink(acc, (uint32_t)nm_dis_op(&o, buf, sizeof buf));
        }
        acc = sink(acc, (uint32_t)nm_dis_slot(acc, 4, s, buf, sizeof buf));
        acc = sink(acc, (uint32_t)buf[0]);
    }
    acc = sink(acc, (uint32_t)nm_dis(acc, buf, sizeof buf) + (uint32_t)nm_why_str(NM_WHY_REG)[0]);
    /* the result goes nowhere the compiler can drop: MMIO_EXIT */
    *(volatile uint32_t *)(uintptr_t)(CMS_MMIO_BASE + CMS_MMIO_EXIT) = acc;
    for (;;) {
    }
}
