/* hostblk.h -- the memory images a run starts from, shared by cms-sim (sim/harness.c) and
 * cms-bootimg (sim/bootimg_main.c): the firmware ELF loaded into IMEM/DMEM images, the host
 * block (firmware/hostif.h) filled for the guest and the options, and the boards' boot image
 * (docs/isa.md section 3) written from them. One copy of this code: both tools call it, so a
 * board boots exactly the bytes the simulator runs.
 */
#ifndef HOSTBLK_H
#define HOSTBLK_H
#include <stdint.h>

#include "cms_defs.h"
#include "cms_opts.h"
#include "ssem_load.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    uint8_t imem[CMS_IMEM_BYTES];
    uint8_t dmem[CMS_DMEM_BYTES];
    int hostblk_loaded;          /* an ELF segment covers the host block */
    uint32_t imem_end, dmem_end; /* bytes of IMEM and DMEM the images use (from 0) */
    uint32_t dmem_data_end;      /* bytes of DMEM up to the end of its contents other than the
                                    zeros of .bss (start.S clears .bss): the boot image's part */
} mem_images_t;

/* Load the PT_LOAD segments of a RISC-V ELF32 into the images. 0, or -1 with a message
 * "tool: path: reason" on stderr. */
int hostblk_load_elf(mem_images_t *m, const char *tool, const char *path);

/* A code symbol of the ELF: a function (STT_FUNC, with its size) or a label in IMEM. */
typedef struct {
    uint32_t addr, size;
    int func;
    char *name;
} elf_sym_t;

/* The ELF's code symbols inside IMEM (functions and global or local labels, not the
 * assembler's .L and $ ones), sorted by address, a label before a function at the same
 * address; free them with hostblk_free_symbols. 0, or -1 with a message "tool: path: reason"
 * (no symbol table: a stripped file). */
int hostblk_text_symbols(const char *tool, const char *path, elf_sym_t **syms, size_t *n);
void hostblk_free_symbols(elf_sym_t *syms, size_t n);

/* Fill the images as a run starts: with a program (img != NULL), the host block for img and
 * the options (refused, with a message, when a firmware segment overlaps it); without, the
 * magic word alone unless a segment covers the host block. 0, or -1 (load error). */
int hostblk_setup(mem_images_t *m, const char *tool, const char *firmware, const cms_opts_t *o,
                  const ssem_image_t *img);

/* The JVM guest's window (docs/jvm.md): DMEM from JVM_WINDOW_OFF up to the JVM firmware's stack
 * (JVM_FW_STACK_BYTES at the top of DMEM). Its size in bytes. */
uint32_t hostblk_jvm_window_bytes(void);

/* Fill the images for a Java run: the host block (guest HOSTIF_GUEST_JVM, the window, the
 * options) and the linked image (jvm/link.h) at the window's start. Refused, with a message,
 * when a firmware segment overlaps the host block or the window, or the image does not fit.
 * 0, or -1 (load error). */
int hostblk_setup_jvm(mem_images_t *m, const char *tool, const char *firmware, const cms_opts_t *o,
                      const uint8_t *image, uint32_t image_bytes);

/* The boards' boot image: the bytes their SPI flash holds from FLASH_BOOT_ADDR (the same for
 * every chip configuration), written safely (sim/outfile.h) to path. Returns an exit status (0;
 * CMS_EXIT_LOAD_ERROR when there is no IMEM word; CMS_EXIT_FAULT when it cannot be written).
 * opt names the option in messages. */
int hostblk_write_boot_image(const mem_images_t *m, const char *tool, const char *opt,
                             const char *path);

#ifdef __cplusplus
}
#endif
#endif
