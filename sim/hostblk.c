/* hostblk.c -- see hostblk.h. C11, also valid C++. */
#include "hostblk.h"

#include <assert.h>
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hostif.h"
#include "outfile.h"

static_assert(sizeof(((hostif_t *)0)->store) == sizeof(((ssem_image_t *)0)->store),
              "host block store and ssem_image_t differ");

static int load_error(const char *tool, const char *path, const char *what)
{
    fprintf(stderr, "%s: %s: %s\n", tool, path, what);
    return -1;
}

/* [lo, hi) inside [base, base + bytes)? (lo <= hi) */
static int in_region(uint64_t lo, uint64_t hi, uint64_t base, uint64_t bytes)
{
    return lo - base < bytes && hi - base <= bytes;
}

/* Read the whole ELF file into *buf (free it) and check its header: a 32-bit little-endian
 * RISC-V executable. 0, or -1 with a message. */
static int elf_read(const char *tool, const char *path, uint8_t **bufp, size_t *sizep, Elf32_Ehdr *eh)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", tool, path, strerror(errno));
        return -1;
    }
    uint8_t *buf = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = (uint8_t *)malloc((size_t)size + 1);
        if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size)
            size = -1;
    }
    fclose(f);
    int rc = -1;
    if (!buf || size < 0) {
        rc = load_error(tool, path, "cannot read the file");
        goto out;
    }
    if ((size_t)size < sizeof *eh || memcmp(buf, ELFMAG, SELFMAG) != 0) {
        rc = load_error(tool, path, "not an ELF file");
        goto out;
    }
    memcpy(eh, buf, sizeof *eh);
    if (eh->e_ident[EI_CLASS] != ELFCLASS32 || eh->e_ident[EI_DATA] != ELFDATA2LSB) {
        rc = load_error(tool, path, "not a 32-bit little-endian ELF file");
        goto out;
    }
    if (eh->e_machine != EM_RISCV || eh->e_type != ET_EXEC) {
        rc = load_error(tool, path, "not a RISC-V executable");
        goto out;
    }
    *bufp = buf;
    *sizep = (size_t)size;
    return 0;
out:
    free(buf);
    return rc;
}

int hostblk_load_elf(mem_images_t *h, const char *tool, const char *path)
{
    uint8_t *buf = NULL;
    size_t size = 0;
    Elf32_Ehdr eh;
    if (elf_read(tool, path, &buf, &size, &eh) != 0)
        return -1;
    int rc = -1;
    if (eh.e_phentsize != sizeof(Elf32_Phdr) ||
        (uint64_t)eh.e_phoff + (uint64_t)eh.e_phnum * sizeof(Elf32_Phdr) > (uint64_t)size) {
        rc = load_error(tool, path, "bad program header table");
        goto out;
    }
    {
        int loaded = 0;
        for (unsigned i = 0; i < eh.e_phnum; i++) {
            Elf32_Phdr ph;
            memcpy(&ph, buf + eh.e_phoff + i * sizeof ph, sizeof ph);
            if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
                continue;
            uint64_t lo = ph.p_paddr, hi = lo + ph.p_memsz;
            uint8_t *dst;
            if (in_region(lo, hi, CMS_IMEM_BASE, CMS_IMEM_BYTES))
                dst = h->imem + (lo - CMS_IMEM_BASE);
            else if (in_region(lo, hi, CMS_DMEM_BASE, CMS_DMEM_BYTES))
                dst = h->dmem + (lo - CMS_DMEM_BASE);
            else {
                fprintf(stderr, "%s: %s: segment %u at 0x%08" PRIx64 "..0x%08" PRIx64
                        " is not inside IMEM or DMEM\n", tool, path, i, lo, hi);
                goto out;
            }
            if (ph.p_filesz > ph.p_memsz || (uint64_t)ph.p_offset + ph.p_filesz > (uint64_t)size) {
                rc = load_error(tool, path, "truncated or malformed segment");
                goto out;
            }
            memcpy(dst, buf + ph.p_offset, ph.p_filesz);
            uint32_t *end = dst < h->dmem ? &h->imem_end : &h->dmem_end;
            uint32_t off = (uint32_t)(hi - (dst < h->dmem ? CMS_IMEM_BASE : CMS_DMEM_BASE));
            if (off > *end)
                *end = off;
            if (dst >= h->dmem && off - (uint32_t)(ph.p_memsz - ph.p_filesz) > h->dmem_data_end)
                h->dmem_data_end = off - (uint32_t)(ph.p_memsz - ph.p_filesz);
            memset(dst + ph.p_filesz, 0, ph.p_memsz - ph.p_filesz);
            if (lo < (uint64_t)CMS_HOSTBLK_ADDR + HOSTIF_BYTES && hi > CMS_HOSTBLK_ADDR)
                h->hostblk_loaded = 1;
            loaded++;
        }
        if (!loaded) {
            rc = load_error(tool, path, "no loadable segment");
            goto out;
        }
    }
    rc = 0;
out:
    free(buf);
    return rc;
}

static int sym_cmp(const void *a, const void *b)
{
    const elf_sym_t *x = (const elf_sym_t *)a, *y = (const elf_sym_t *)b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    if (x->func != y->func)
        return x->func - y->func;              /* a label before a function at its address */
    return strcmp(x->name, y->name);
}

void hostblk_free_symbols(elf_sym_t *syms, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(syms[i].name);
    free(syms);
}

int hostblk_text_symbols(const char *tool, const char *path, elf_sym_t **out, size_t *nout)
{
    uint8_t *buf = NULL;
    size_t size = 0, n = 0;
    Elf32_Ehdr eh;
    elf_sym_t *syms = NULL;
    *out = NULL;
    *nout = 0;
    if (elf_read(tool, path, &buf, &size, &eh) != 0)
        return -1;
    int rc = -1;
    if (eh.e_shnum == 0 || eh.e_shentsize != sizeof(Elf32_Shdr) ||
        (uint64_t)eh.e_shoff + (uint64_t)eh.e_shnum * sizeof(Elf32_Shdr) > (uint64_t)size) {
        rc = load_error(tool, path, "no section header table (no symbols)");
        goto out;
    }
    for (unsigned i = 0; i < eh.e_shnum; i++) {
        Elf32_Shdr sh, st;
        memcpy(&sh, buf + eh.e_shoff + i * sizeof sh, sizeof sh);
        if (sh.sh_type != SHT_SYMTAB)
            continue;
        if (sh.sh_entsize != sizeof(Elf32_Sym) || sh.sh_link >= eh.e_shnum ||
            (uint64_t)sh.sh_offset + sh.sh_size > (uint64_t)size) {
            rc = load_error(tool, path, "malformed symbol table");
            goto out;
        }
        memcpy(&st, buf + eh.e_shoff + sh.sh_link * sizeof st, sizeof st);
        if ((uint64_t)st.sh_offset + st.sh_size > (uint64_t)size || st.sh_size == 0 ||
            buf[st.sh_offset + st.sh_size - 1] != 0) {
            rc = load_error(tool, path, "malformed symbol string table");
            goto out;
        }
        size_t nsym = sh.sh_size / sizeof(Elf32_Sym);
        syms = (elf_sym_t *)calloc(nsym + 1, sizeof *syms);
        if (!syms) {
            rc = load_error(tool, path, "out of memory");
            goto out;
        }
        for (size_t j = 0; j < nsym; j++) {
            Elf32_Sym y;
            memcpy(&y, buf + sh.sh_offset + j * sizeof y, sizeof y);
            int type = ELF32_ST_TYPE(y.st_info);
            if (y.st_shndx == SHN_UNDEF || y.st_shndx >= SHN_LORESERVE || y.st_name >= st.sh_size ||
                (type != STT_FUNC && type != STT_NOTYPE) ||
                !in_region(y.st_value, y.st_value, CMS_IMEM_BASE, CMS_IMEM_BYTES))
                continue;
            const char *name = (const char *)buf + st.sh_offset + y.st_name;
            if (!name[0] || name[0] == '.' || name[0] == '$')  /* local and mapping labels */
                continue;
            syms[n].addr = y.st_value;
            syms[n].size = y.st_size;
            syms[n].func = type == STT_FUNC;
            syms[n].name = (char *)malloc(strlen(name) + 1);
            if (!syms[n].name) {
                rc = load_error(tool, path, "out of memory");
                goto out;
            }
            strcpy(syms[n].name, name);
            n++;
        }
        break;
    }
    if (!syms) {
        rc = load_error(tool, path, "no symbol table");
        goto out;
    }
    qsort(syms, n, sizeof *syms, sym_cmp);
    *out = syms;
    *nout = n;
    syms = NULL;
    rc = 0;
out:
    if (syms)
        hostblk_free_symbols(syms, n);
    free(buf);
    return rc;
}

static uint8_t *hostblk_bytes(mem_images_t *h)
{
    return h->dmem + (CMS_HOSTBLK_ADDR - CMS_DMEM_BASE);
}

/* The fields of the host block every guest's run sets from the options. */
static void hostblk_common(hostif_t *hb, const cms_opts_t *o)
{
    memset(hb, 0, sizeof *hb);
    hb->magic = HOSTIF_MAGIC;
    if (o->stats)
        hb->flags |= HOSTIF_F_STATS;
    if (o->quiet)
        hb->flags |= HOSTIF_F_QUIET;
    if (o->have_max_cycles) {
        hb->flags |= HOSTIF_F_MAX_CYCLES;
        hb->max_cycles_lo = (uint32_t)o->max_cycles;
        hb->max_cycles_hi = (uint32_t)(o->max_cycles >> 32);
    }
}

/* DMEM bytes [0, end) hold data the run needs: the boot image carries them. */
static void dmem_used(mem_images_t *h, uint32_t end)
{
    if (h->dmem_end < end)
        h->dmem_end = end;
    if (h->dmem_data_end < end)
        h->dmem_data_end = end;
}

/* The host block as the firmware reads it (the image is little-endian, like the host). */
static void fill_hostblk(mem_images_t *h, const cms_opts_t *o, const ssem_image_t *img)
{
    hostif_t hb;
    hostblk_common(&hb, o);
    hb.guest = HOSTIF_GUEST_SSEM;
    hb.flags |= HOSTIF_F_STOP_AFTER; /* a step limit always applies: min(--stop-after, --max-steps) */
    uint64_t steps = cms_opts_step_limit(o);
    hb.stop_after_lo = (uint32_t)steps;
    hb.stop_after_hi = (uint32_t)(steps >> 32);
    if (o->crt)
        hb.flags |= HOSTIF_F_CRT;
    if (o->interpret_only)
        hb.flags |= HOSTIF_F_INTERPRET_ONLY;
    hb.flags |= (uint32_t)o->threshold << HOSTIF_F_THRESHOLD_SHIFT;
    if (o->answer_line >= 0) {
        hb.flags |= HOSTIF_F_ANSWER;
        hb.answer_line = (uint32_t)o->answer_line;
    }
    memcpy(hb.store, img->store, sizeof hb.store);
    memcpy(hostblk_bytes(h), &hb, sizeof hb);
    dmem_used(h, CMS_HOSTBLK_ADDR - CMS_DMEM_BASE + HOSTIF_BYTES);
}

uint32_t hostblk_jvm_window_bytes(void)
{
    return CMS_DMEM_BYTES - CMS_JVM_WINDOW_OFF - CMS_JVM_FW_STACK_BYTES;
}

int hostblk_setup_jvm(mem_images_t *h, const char *tool, const char *firmware, const cms_opts_t *o,
                      const uint8_t *image, uint32_t image_bytes)
{
    char msg[160];
    if (h->hostblk_loaded)
        return load_error(tool, firmware, "a segment overlaps the host block");
    if (h->dmem_end > CMS_JVM_WINDOW_OFF) {
        snprintf(msg, sizeof msg, "its data (DMEM 0x0..0x%" PRIx32 ") overlaps the JVM window "
                 "(from DMEM offset 0x%x): not a JVM firmware?", h->dmem_end,
                 (unsigned)CMS_JVM_WINDOW_OFF);
        return load_error(tool, firmware, msg);
    }
    if (image_bytes > hostblk_jvm_window_bytes()) {
        fprintf(stderr, "%s: the linked program (%" PRIu32 " bytes) does not fit the JVM window "
                "(%" PRIu32 " bytes)\n", tool, image_bytes, hostblk_jvm_window_bytes());
        return -1;
    }
    hostif_t hb;
    hostblk_common(&hb, o);
    hb.guest = HOSTIF_GUEST_JVM;
    hb.jvm_window = CMS_DMEM_BASE + CMS_JVM_WINDOW_OFF;
    hb.jvm_window_bytes = hostblk_jvm_window_bytes();
    hb.jvm_image_bytes = image_bytes;
    memcpy(hostblk_bytes(h), &hb, sizeof hb);
    memcpy(h->dmem + CMS_JVM_WINDOW_OFF, image, image_bytes);
    dmem_used(h, CMS_HOSTBLK_ADDR - CMS_DMEM_BASE + HOSTIF_BYTES);
    dmem_used(h, CMS_JVM_WINDOW_OFF + ((image_bytes + 3u) & ~3u));
    return 0;
}

int hostblk_setup(mem_images_t *h, const char *tool, const char *firmware, const cms_opts_t *o,
                  const ssem_image_t *img)
{
    if (img) {
        if (h->hostblk_loaded)
            return load_error(tool, firmware, "a segment overlaps the host block");
        fill_hostblk(h, o, img);
    } else if (!h->hostblk_loaded) {
        uint32_t magic = HOSTIF_MAGIC; /* bare programs may look for it; nothing else */
        memcpy(hostblk_bytes(h), &magic, sizeof magic);
        dmem_used(h, CMS_HOSTBLK_ADDR - CMS_DMEM_BASE + 4);
    }
    return 0;
}

/* The boards' boot image (rtl/cms_flash_boot.v, docs/isa.md section 3): the bytes of their SPI
 * flash from FLASH_BOOT_ADDR on, little-endian 32-bit words: the header {DMEM words [31:16],
 * IMEM words [15:0]}, the IMEM words, the DMEM words up to the end of the host block and the
 * initialised data (not the zeros of .bss, which start.S clears: a third less to read from the
 * flash for the translating firmware). Nothing else: the file is written into the flash as it
 * is (iceprog -o, openFPGALoader -o). */
int hostblk_write_boot_image(const mem_images_t *h, const char *tool, const char *opt,
                             const char *path)
{
    const uint32_t ni = (h->imem_end + 3) / 4, nd = (h->dmem_data_end + 3) / 4;
    if (ni == 0) { /* the loader needs a word to count (and the core an instruction) */
        fprintf(stderr, "%s: %s %s: the firmware has no IMEM word\n", tool, opt, path);
        return CMS_EXIT_LOAD_ERROR;
    }
    outfile_t of;
    int rc = CMS_EXIT_FAULT;
    if (outfile_open(&of, tool, opt, path) == 0) {
        const uint32_t hdr = nd << 16 | ni;
        unsigned char b[4];
        for (int k = 0; k < 4; k++)
            b[k] = (unsigned char)(hdr >> 8 * k);
        /* the images are little-endian byte arrays already (the RISC-V's order); a failed
         * write leaves the stream in error, which outfile_commit reports */
        fwrite(b, 1, 4, of.f);
        fwrite(h->imem, 4, ni, of.f);
        fwrite(h->dmem, 4, nd, of.f);
        if (outfile_commit(&of) == 0)
            rc = 0;
    }
    if (rc == 0)
        fprintf(stderr, "%s: %s: boot image: %" PRIu32 " IMEM + %" PRIu32 " DMEM words, %" PRIu32
                " bytes (flash address 0x%06" PRIx32 ")\n", tool, path, ni, nd, 4 * (1 + ni + nd),
                (uint32_t)CMS_FLASH_BOOT_ADDR);
    return rc;
}
