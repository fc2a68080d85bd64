/* txf_layout.h -- memory layout shared by the translation-mode fuzzer's generator (txgen.c),
 * reference model (translator/nm_model.c), runner (runner.S, runner.c) and linker script (link.ld).
 * Only #defines: it is included by C, assembly and the preprocessed linker script.
 *
 * DMEM, from the top down:
 *   [TXF_REGION_BASE, DMEM end)   the fuzz region: the runner fills it with a per-case pattern
 *                                 before each case and checksums it after; every guest window
 *                                 that reaches DMEM at all lies in it
 *   [.., TXF_REGION_BASE)         the runner's stack (TXF_STACK_BYTES), below it the runner's
 *                                 data and one batch of cases (from DMEM_BASE + 0x1000; the host
 *                                 block below that is left to the harness)
 */
#ifndef TXF_LAYOUT_H
#define TXF_LAYOUT_H
#include "cms_defs.h"

#define TXF_REGION_BYTES 0x2000
#define TXF_REGION_BASE  (CMS_DMEM_BASE + CMS_DMEM_BYTES_SIM - TXF_REGION_BYTES)
#define TXF_STACK_BYTES  0x800
#define TXF_DATA_BASE    (CMS_DMEM_BASE + 0x1000)
/* the generator starts a new batch (a separate runner ELF) when a batch's case data would
 * exceed this many bytes; link.ld checks that data + stack fit below the region */
#define TXF_BATCH_BYTES  0xA000
#define TXF_MAX_WATCH    16     /* words of the watch block printed per case */
#define TXF_MAX_PROT     8      /* protected words per case */
#define TXF_MAGIC        0x54584631 /* "TXF1": first word of a batch */
#endif
