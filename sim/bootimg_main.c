/* bootimg_main.c -- build/cms-bootimg: the boards' boot image without the simulator.
 *
 *   cms-bootimg --output FILE [options] PROGRAM
 *   cms-bootimg --output FILE --firmware ELF [options]     (a bare program)
 *
 * Loads the firmware and the guest and fills the host block exactly as cms-sim does before a
 * run (sim/hostblk.c, the same code: cms-sim --boot-image calls it too), then writes the boards'
 * boot image (docs/isa.md section 3: the bytes of the SPI flash from FLASH_BOOT_ADDR on) to
 * FILE, through a temporary file renamed into place. Options: the guest options (the same
 * parser as cms-sim and ssem-ref, sim/cms_opts.c) and the firmware's (--firmware, --max-cycles,
 * --stats, --threshold, --interpret-only); the options of a simulated run (--state-json, --trace, --irq-at,
 * --irq-every, ...) are refused. --slots N is accepted and checked but changes nothing (the
 * image was once the translation cache's rows; the flash image is the same for every SLOTS).
 * --dmem-bytes N: the DMEM size of the board the image is for (default DMEM_BYTES_MIN, which
 * every board has): a Java program's guest window is sized from it; a board with less DMEM
 * refuses the image at boot (firmware/jvm_main.c checks the window against CFG_DMEMBYTES).
 * Exit status: 0 written, 3 load error, 4 write error, 64 usage.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cms_defs.h"
#include "cms_opts.h"
#include "hostblk.h"
#include "jvm_guest.h"
#include "outfile.h"
#include "ssem_load.h"

#define TOOL "cms-bootimg"

#ifndef CMS_DEFAULT_FIRMWARE
#define CMS_DEFAULT_FIRMWARE "build/fw/ssem-tx.elf"
#endif
#ifndef CMS_DEFAULT_JVM_FIRMWARE
#define CMS_DEFAULT_JVM_FIRMWARE "build/fw/jvm.elf"
#endif

static const char usage_fmt[] =
    "usage: cms-bootimg --output FILE [options] PROGRAM\n"
    "       cms-bootimg --output FILE [options] -cp CLASSPATH MAIN [ARGS...]   (a Java program)\n"
    "       cms-bootimg --output FILE --firmware ELF [options]   (a bare program)\n"
    "Write the boards' boot image (firmware, data and the host block for PROGRAM and the\n"
    "options: the bytes their SPI flash holds from address 0x%06x) as cms-sim --boot-image\n"
    "does, without the simulator.\n"
    "  --output FILE      the image (binary: header word, IMEM words, DMEM words, little-endian)\n"
    "  --slots N          accepted (1, 2, 4, 8) and ignored: the image is the same for every chip\n"
    "  --dmem-bytes N     the board's DMEM size (default %u, every board's): a Java program's\n"
    "                     window and heap are sized from it; a board with less DMEM refuses it\n"
    "  --firmware ELF     firmware (default %s; for a Java program %s)\n"
    "  -cp, --class-path PATH, --jvm-lib DIR, FILE.class: a Java program, as cms-sim\n"
    "  --index N, --stop-after N, --max-steps N (default %u), --answer LINE, --crt, --quiet:\n"
    "                     as cms-sim; --max-cycles N, --stats, --threshold N, --interpret-only: as\n"
    "                     cms-sim (the firmware acts on them)\n"
    "  --help, -h         this text\n"
    "Exit status: 0 written, 3 load error or the image does not fit, 4 write error, 64 usage.\n";

int main(int argc, char **argv)
{
    static char usage[sizeof usage_fmt + 4096];
    static mem_images_t mem;
    cms_opts_t o;
    ssem_image_t img;
    char err[4608];

    snprintf(usage, sizeof usage, usage_fmt, (unsigned)CMS_FLASH_BOOT_ADDR, (unsigned)CMS_DMEM_BYTES_MIN,
             CMS_DEFAULT_FIRMWARE,
             CMS_DEFAULT_JVM_FIRMWARE, (unsigned)CMS_DEFAULT_MAX_STEPS);
    int rc = cms_opts_parse(&o, TOOL, CMS_OPT_GUEST | CMS_OPT_FW | CMS_OPT_BOOT | CMS_OPT_JAVA,
                            usage, argc, argv);
    cms_opts_free(&o);
    if (rc >= 0)
        return rc;
    if (!o.output)
        return cms_usage_error(TOOL, "--output FILE is required");
    const char *firmware = o.firmware ? o.firmware : o.java ? CMS_DEFAULT_JVM_FIRMWARE
                                                            : CMS_DEFAULT_FIRMWARE;
    const outfile_other_t others[] = {{"the program file", o.program}, {"the --firmware file", firmware}};
    if (outfile_check(TOOL, "--output", o.output, others, 2) != 0)
        return CMS_EXIT_USAGE;
    /* by default the image boots on every board */
    hostblk_set_dmem_bytes(&mem, o.dmem_bytes ? o.dmem_bytes : CMS_DMEM_BYTES_MIN);
    if (o.java) {
        jvm_image_buf jimg;
        rc = jvm_guest_link(&o, TOOL, hostblk_jvm_window_bytes(&mem), &jimg);
        if (rc != 0)
            return rc;
        rc = hostblk_load_elf(&mem, TOOL, firmware) != 0 ||
                     hostblk_setup_jvm(&mem, TOOL, firmware, &o, jimg.bytes, jimg.size) != 0
                 ? CMS_EXIT_LOAD_ERROR
                 : hostblk_write_boot_image(&mem, TOOL, "--output", o.output);
        jvm_image_free(&jimg);
        return rc;
    }
    if (o.program && ssem_load_file(o.program, o.index, &img, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return CMS_EXIT_LOAD_ERROR;
    }
    if (hostblk_load_elf(&mem, TOOL, firmware) != 0 ||
        hostblk_setup(&mem, TOOL, firmware, &o, o.program ? &img : NULL) != 0)
        return CMS_EXIT_LOAD_ERROR;
    return hostblk_write_boot_image(&mem, TOOL, "--output", o.output);
}
