/* ssem_load.h -- load a Manchester Baby (SSEM) store image from a file.
 *
 * Formats, detected from the content (the extension is a hint: .coe and .hex select those
 * parsers outright):
 *   listing   lines "NN: <word>" or "NN <mnemonic>" (SNP binary rows, NevynUK/gobaby/pfaivre
 *             assembly, the babyutils dialect with labels, origins and EJA)
 *   rawbin    rows of 32 binary digits, least significant bit first, one per store line
 *   hex       exactly 32 words of 1..8 hex digits (optional 0x), line i = store line i
 *   coe       a Xilinx .coe file; radix 2, 10 or 16; a multiple of 32 words = that many programs
 * The accepted syntax is described in detail at the top of ssem_load.c.
 */
#ifndef SSEM_LOAD_H
#define SSEM_LOAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int32_t store[32];
} ssem_image_t;

/* Load an SSEM program. index selects the program in multi-program files (.coe holds four:
 * 0..3); pass -1 for "the only/first one". Returns 0, or -1 with err = "FILE:LINE: reason"
 * (LINE 0 when not line-specific). Never prints, never exits. On failure *img is all zero. */
int ssem_load_file(const char *path, int index, ssem_image_t *img, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
