/* fw_link_stx.c -- proof that the SSEM translator (translator/ssem_*.c) builds freestanding for
 * the firmware: compiled with FW_CFLAGS and linked with -nostdlib and no libgcc together with
 * the library's freestanding part (mk/ssemtx.mk), so any call into libc or libgcc fails the
 * link. Calls every entry point; never run. */
#include "ssem_tx.h"

void stx_fw_entry(void);

static stx_work work;
static uint32_t out[2048];
static char text[256];

void stx_fw_entry(void)
{
    static int32_t store[STX_NLINES];
    static uint32_t profile[STX_NLINES];
    stx_meta meta;
    volatile uint32_t sink = 0;
    stx_err e = stx_translate(&work, store, profile, 1, 4, 0x20000, out, 2048, &meta);
    sink += (uint32_t)e;
    sink += (uint32_t)stx_print_region(&work, text, sizeof text);
    sink += (uint32_t)stx_print_naive(&work, text, sizeof text);
    sink += (uint32_t)stx_print_opt(&work, text, sizeof text);
    sink += (uint32_t)stx_print_bundles(&work, text, sizeof text);
    sink += (uint32_t)stx_print_meta(&meta, text, sizeof text);
    sink += (uint32_t)stx_err_str(e)[0];
    for (;;)
        ;
}
