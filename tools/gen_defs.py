#!/usr/bin/env python3
"""Generate the C/assembly and Verilog headers and the Python module from spec/chip.tbl.

usage: gen_defs.py TABLE OUT...
Each OUT's kind is its extension: .h (C and assembly: #define CMS_<NAME>), .vh (Verilog:
`define CMS_<NAME>), .py (Python: <NAME> = <value>, the test runners' constants), .mk (make:
CMS_<NAME> := <decimal value>, the chip parameters mk/config.mk passes). A malformed
line stops the build with file:line: reason, and nothing is written; each output is written to a
temporary file beside it and renamed into place, so it is never half-written.
"""
import os
import sys


def parse(path):
    rows = []
    seen = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            text = line.split('#', 1)
            body = text[0].strip()
            comment = text[1].strip() if len(text) > 1 else ''
            if not body:
                continue
            parts = body.split()
            if len(parts) != 3:
                sys.exit(f"{path}:{n}: expected NAME VALUE WIDTH, got {body!r}")
            name, value, width = parts
            try:
                v = int(value, 0)
                w = int(width, 0)
            except ValueError:
                sys.exit(f"{path}:{n}: bad number in {body!r}")
            if v < 0 or w < 1 or w > 32 or v >= (1 << w):
                sys.exit(f"{path}:{n}: {name}={value} does not fit in {w} bits")
            if name in seen:
                sys.exit(f"{path}:{n}: {name} already defined on line {seen[name]}")
            seen[name] = n
            rows.append((name, v, w, comment))
    return rows


def check_regions(path, rows):
    """Each region X_BASE/X_BYTES: X_BYTES a power of two and X_BASE a multiple of it, so that the
    RTL decides 'in the region' from the high address bits (cms_in_rgn in rtl/cms_fn.vh)."""
    vals = {name: v for name, v, _, _ in rows}
    for name, v in vals.items():
        if name.endswith('_BYTES') and name[:-6] + '_BASE' in vals:
            base = vals[name[:-6] + '_BASE']
            if v & (v - 1) or base % v:
                sys.exit(f"{path}: {name[:-6]}: size 0x{v:x} must be a power of two and base "
                         f"0x{base:x} a multiple of it")
    # cms_chip compares the MMIO register offsets (8 bits) with the address's low 8 bits
    mb = vals.get('MMIO_BASE', 0)
    if mb % 256:
        sys.exit(f"{path}: MMIO_BASE 0x{mb:x} must be a multiple of 0x100 (the MMIO offsets are 8 bits)")
    for name, v in vals.items():
        if name.startswith('MMIO_') and name not in ('MMIO_BASE', 'MMIO_BYTES') and v >= vals.get('MMIO_BYTES', 256):
            sys.exit(f"{path}: {name} 0x{v:x} is outside the MMIO region (MMIO_BYTES 0x{vals['MMIO_BYTES']:x})")
    # cms_core_mc keeps a fetch address as bits relative to its region, one more bit than the
    # region needs, so that the address just past the end stays representable: the region's
    # base must be a multiple of twice its size, and the base OR those bits is the address
    for r in ('IMEM', 'TC'):
        if r + '_BASE' in vals and vals[r + '_BASE'] % (2 * vals[r + '_BYTES']):
            sys.exit(f"{path}: {r}_BASE 0x{vals[r + '_BASE']:x} must be a multiple of twice "
                     f"{r}_BYTES (rtl/mc/cms_core_mc.v)")
    # rtl/cms_flash_boot.v: a 24-bit READ address; the image (header, all of IMEM and DMEM at
    # most) must end below 16 MiB; a 64 KiB erase block of its own (iceprog erases whole ones);
    # the wake-up wait counts in the loader's word address (14 bits, one spare)
    if 'FLASH_BOOT_ADDR' in vals:
        fa = vals['FLASH_BOOT_ADDR']
        end = fa + 4 + vals.get('IMEM_BYTES', 0) + vals.get('DMEM_BYTES', 0)
        if fa % 0x10000 or end > 1 << 24:
            sys.exit(f"{path}: FLASH_BOOT_ADDR 0x{fa:x} must be a multiple of 0x10000 and the "
                     f"image (to 0x{end:x}) end within 16 MiB (a 24-bit READ address)")
    if not 0 < vals.get('FLASH_WAKE_LOG2', 1) < 13:
        sys.exit(f"{path}: FLASH_WAKE_LOG2 must be 1 to 12 (rtl/cms_flash_boot.v counts it in its "
                 f"word address)")
    # cms_cnt_mc addresses its counter RAM with the CSR number's low 5 bits
    if vals.get('CSR_CNT_FWCYC', 0) % 32:
        sys.exit(f"{path}: CSR_CNT_FWCYC must be a multiple of 32 (rtl/mc/cms_cnt_mc.v)")
    for name, v in vals.items():
        if name.startswith('CSR_CNT_') and not 0 <= v - vals['CSR_CNT_FWCYC'] < 32:
            sys.exit(f"{path}: {name} 0x{v:x} must be within 32 of CSR_CNT_FWCYC (rtl/mc/cms_cnt_mc.v)")
    # DMEM's size per configuration (cms_chip's DMEM_BYTES): a power of two (the RTL's address
    # width is its log2) inside DMEM's region, and DMEM_BYTES_MIN the smallest (firmware/link.ld)
    sizes = {n: v for n, v in vals.items() if n.startswith('DMEM_BYTES_') and n != 'DMEM_BYTES_MIN'}
    for name, v in sizes.items():
        if v < 4 or v & (v - 1) or v > vals.get('DMEM_BYTES', 1 << 32):
            sys.exit(f"{path}: {name} 0x{v:x} must be a power of two, at most DMEM_BYTES")
    if sizes and vals.get('DMEM_BYTES_MIN') != min(sizes.values()):
        sys.exit(f"{path}: DMEM_BYTES_MIN must be the smallest DMEM_BYTES_* "
                 f"(0x{min(sizes.values()):x})")
    dmin = vals.get('DMEM_BYTES_MIN', vals.get('DMEM_BYTES', 1 << 32))
    # the boot image's DMEM part must fit every board (cms-bootimg: DMEM_BYTES_MIN) and the
    # loader's 16-bit count of DMEM words (rtl/cms_flash_boot.v)
    if 'DMEM_BYTES_MIN' in vals and dmin // 4 > 0xffff:
        sys.exit(f"{path}: DMEM_BYTES_MIN 0x{dmin:x} must be at most 0x3fffc (the boot image "
                 f"counts DMEM words in 16 bits, rtl/cms_flash_boot.v)")
    # cms_core_mc adds GWBASE to a guest offset on DMEM's low address bits only: an offset that
    # passes the protection-bit bound must be below the chip's DMEM size, the smallest included
    if vals.get('PROT_WORDS', 0) * 4 > dmin:
        sys.exit(f"{path}: PROT_WORDS*4 must not exceed DMEM_BYTES_MIN (rtl/mc/cms_core_mc.v)")
    w = vals.get('PROT_WORDS', 1)
    if w & (w - 1):
        sys.exit(f"{path}: PROT_WORDS {w} must be a power of two (the guest window's bound)")


def render_h(head, rows):
    out = [f"/* {head} */\n#ifndef CMS_DEFS_H\n#define CMS_DEFS_H\n"]
    for name, v, w, c in rows:
        cm = f"  /* {c} */" if c else ""
        out.append(f"#define CMS_{name} 0x{v:x}{cm}\n")
    out.append("#endif\n")
    return "".join(out)


def render_vh(head, rows):
    out = [f"// {head}\n`ifndef CMS_DEFS_VH\n`define CMS_DEFS_VH\n"]
    for name, v, w, c in rows:
        cm = f"  // {c}" if c else ""
        out.append(f"`define CMS_{name} {w}'h{v:x}{cm}\n")
    out.append("`endif\n")
    return "".join(out)


def render_py(head, rows):
    out = [f'"""{head}."""\n']
    for name, v, w, c in rows:
        cm = f"  # {c}" if c else ""
        out.append(f"{name} = {v}{cm}\n" if v < 4096 else f"{name} = 0x{v:x}{cm}\n")
    return "".join(out)


def render_mk(head, rows):
    out = [f"# {head}\n"]
    for name, v, w, c in rows:
        out.append(f"CMS_{name} := {v}\n")
    return "".join(out)


RENDER = {".h": render_h, ".vh": render_vh, ".py": render_py, ".mk": render_mk}


def write_atomic(path, text):
    tmp = f"{path}.tmp{os.getpid()}"
    try:
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as e:
        if os.path.exists(tmp):
            os.remove(tmp)
        sys.exit(f"gen_defs.py: {path}: {e.strerror}")


def main():
    outs = sys.argv[2:]
    if len(sys.argv) < 3 or any(os.path.splitext(o)[1] not in RENDER for o in outs):
        sys.exit("usage: gen_defs.py TABLE OUT... (each OUT ends in .h, .vh, .py or .mk)")
    table = sys.argv[1]
    rows = parse(table)
    check_regions(table, rows)
    head = f"generated by tools/gen_defs.py from {table}; do not edit"
    for o in outs:
        write_atomic(o, RENDER[os.path.splitext(o)[1]](head, rows))


if __name__ == '__main__':
    main()
