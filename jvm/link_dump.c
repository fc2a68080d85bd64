/* link_dump.c -- an image printed from its bytes alone (cms-jvmlink --dump): the header, every
 * class with its methods, each reached method's quick bytecode one instruction a line (with
 * what its rcp entry resolves to), GC map entries and loop headers, and the sizes. It reads
 * only the image and checks every offset it follows, so it is also a check that the image is
 * self-consistent. */
#include <stddef.h>
#include <string.h>

#include "classfile.h"
#include "image.h"
#include "link.h"
#include "link_int.h"

typedef struct {
    const uint8_t *b;
    uint32_t size;
    FILE *out;
    int bad;
} dimg;

static uint32_t r32(dimg *d, uint32_t off)
{
    if (off > d->size || d->size - off < 4) {
        if (!d->bad)
            fprintf(d->out, "!! offset 0x%x outside the image\n", off);
        d->bad = 1;
        return 0;
    }
    return (uint32_t)d->b[off] | (uint32_t)d->b[off + 1] << 8 | (uint32_t)d->b[off + 2] << 16 |
           (uint32_t)d->b[off + 3] << 24;
}

static uint32_t r16(dimg *d, uint32_t off)
{
    if (off > d->size || d->size - off < 2) {
        d->bad = 1;
        return 0;
    }
    return (uint32_t)d->b[off] | (uint32_t)d->b[off + 1] << 8;
}

#define F(type, field) ((uint32_t)offsetof(type, field))

/* a String object's text (ASCII shown, other chars as \uXXXX) into buf */
static const char *str(dimg *d, uint32_t ref, char *buf, size_t n)
{
    if (!ref)
        return "null";
    uint32_t voff = r32(d, F(jvm_image_hdr, string_value_off));
    uint32_t arr = r32(d, ref + voff);
    uint32_t len = r32(d, arr + JVM_ARR_LENGTH);
    size_t k = 0;
    for (uint32_t i = 0; i < len && k + 8 < n && !d->bad; i++) {
        uint32_t c = r16(d, arr + JVM_ARR_DATA + 2 * i);
        if (c >= 0x20 && c < 0x7f)
            buf[k++] = (char)c;
        else
            k += (size_t)snprintf(buf + k, n - k, "\\u%04x", c);
    }
    buf[k] = 0;
    return buf;
}

static const char *qname(unsigned op)
{
    static const char *const q[] = {
        "getfield_w", "getfield_l", "putfield_w", "putfield_l", "getstatic_w", "getstatic_l",
        "putstatic_w", "putstatic_l", "getstatic_w_c", "getstatic_l_c", "putstatic_w_c",
        "putstatic_l_c", "invokevirtual_q", "invokedirect", "invokestatic_q", "invokestatic_c",
        "invokeinterface_q", "new_q", "new_c",
    };
    if (op >= JVM_Q_FIRST && op <= JVM_Q_LAST)
        return q[op - JVM_Q_FIRST];
    const char *n = cf_opname(op);
    return n ? n : "?";
}

static void method_name(dimg *d, uint32_t m, char *buf, size_t n)
{
    char a[256], b[256];
    uint32_t c = r32(d, m + F(jvm_method, clazz));
    snprintf(buf, n, "%s.%s", str(d, r32(d, c + F(jvm_class, name)), a, sizeof a),
             str(d, r32(d, m + F(jvm_method, name)), b, sizeof b));
}

static void dump_code(dimg *d, uint32_t cls, uint32_t m)
{
    uint32_t code = r32(d, m + F(jvm_method, code));
    uint32_t len = r16(d, m + F(jvm_method, code_len));
    uint32_t rcp = r32(d, cls + F(jvm_class, rcp));
    if (code > d->size || d->size - code < len) {
        fprintf(d->out, "!! code outside the image\n");
        d->bad = 1;
        return;
    }
    const uint8_t *p = d->b + code;
    for (uint32_t pc = 0; pc < len && !d->bad;) {
        unsigned op = p[pc];
        uint32_t n = lk_insn_len(p, len, pc);
        if (!n || pc + n > len) {
            fprintf(d->out, "      %5u  !! bad instruction 0x%02x\n", pc, op);
            d->bad = 1;
            return;
        }
        unsigned fa, fb;
        if (lk_fused(op, &fa, &fb)) {
            /* a fused opcode: "A+B" and A's operands (B follows at its own pc) */
            fprintf(d->out, "      %5u  %s+%s", pc, qname(fa), qname(fb));
            op = fa;
        } else {
            fprintf(d->out, "      %5u  %s", pc, qname(op));
        }
        unsigned i16 = n >= 3 ? (unsigned)p[pc + 1] << 8 | p[pc + 2] : 0;
        char buf[600], a[256];
        switch (op) {
        case 0x12: case 0x13: case 0x14: {
            unsigned i = op == 0x12 ? p[pc + 1] : i16;
            uint32_t v = r32(d, rcp + 4 * i);
            fprintf(d->out, " #%u = 0x%x", i, v);
            if (op == 0x14) {
                fprintf(d->out, " 0x%x", r32(d, rcp + 4 * i + 4));
            } else if (v && v % 4 == 0 && v < d->size - 4) {
                /* a reference: a String or a class (an object of java/lang/Class) */
                uint32_t k = r32(d, v + JVM_OBJ_CLASS);
                if (k == r32(d, F(jvm_image_hdr, wk) + 4 * JVM_WK_STRING))
                    fprintf(d->out, " \"%s\"", str(d, v, buf, sizeof buf));
                else if (k == r32(d, F(jvm_image_hdr, wk) + 4 * JVM_WK_CLASS))
                    fprintf(d->out, " class %s", str(d, r32(d, v + F(jvm_class, name)), a, sizeof a));
            }
            break;
        }
        case 0x10: fprintf(d->out, " %d", (int8_t)p[pc + 1]); break;
        case 0x11: fprintf(d->out, " %d", (int16_t)i16); break;
        case 0xbc: fprintf(d->out, " %u", p[pc + 1]); break;
        case 0x84: fprintf(d->out, " %u %d", p[pc + 1], (int8_t)p[pc + 2]); break;
        case 0x15: case 0x16: case 0x17: case 0x18: case 0x19: case 0x36: case 0x37: case 0x38:
        case 0x39: case 0x3a:
            fprintf(d->out, " %u", p[pc + 1]);
            break;
        case 0xc4:
            fprintf(d->out, " %s %u", qname(p[pc + 1]), (unsigned)p[pc + 2] << 8 | p[pc + 3]);
            break;
        case 0xbd: case 0xc0: case 0xc1: case 0xc5: case JVM_Q_NEW: case JVM_Q_NEW_C: {
            uint32_t k = r32(d, rcp + 4 * i16);
            fprintf(d->out, " #%u %s", i16, str(d, r32(d, k + F(jvm_class, name)), a, sizeof a));
            if (op == 0xc5)
                fprintf(d->out, " %u", p[pc + 3]);
            break;
        }
        case JVM_Q_INVOKEDIRECT: case JVM_Q_INVOKESTATIC: case JVM_Q_INVOKESTATIC_C:
            method_name(d, r32(d, rcp + 4 * i16), buf, sizeof buf);
            fprintf(d->out, " #%u %s", i16, buf);
            break;
        case JVM_Q_INVOKEVIRTUAL: {
            uint32_t v = r32(d, rcp + 4 * i16);
            fprintf(d->out, " #%u vtable[%u] args %u", i16, v >> 16, v & 0xffff);
            break;
        }
        case JVM_Q_INVOKEINTERFACE: {
            uint32_t r = r32(d, rcp + 4 * i16);
            uint32_t ic = r32(d, r + F(jvm_imethod, iface));
            fprintf(d->out, " #%u %s itable[%u] args %u", i16,
                    str(d, r32(d, ic + F(jvm_class, name)), a, sizeof a),
                    r32(d, r + F(jvm_imethod, index)), p[pc + 3]);
            break;
        }
        case JVM_Q_GETSTATIC_W_C: case JVM_Q_GETSTATIC_L_C: case JVM_Q_PUTSTATIC_W_C:
        case JVM_Q_PUTSTATIC_L_C: {
            uint32_t r = r32(d, rcp + 4 * i16);
            uint32_t k = r32(d, r + F(jvm_sfield, clazz));
            fprintf(d->out, " #%u %s @0x%x", i16, str(d, r32(d, k + F(jvm_class, name)), a, sizeof a),
                    r32(d, r + F(jvm_sfield, addr)));
            break;
        }
        case JVM_Q_GETFIELD_W: case JVM_Q_GETFIELD_L: case JVM_Q_PUTFIELD_W: case JVM_Q_PUTFIELD_L:
            fprintf(d->out, " +%u", i16); /* the field's byte offset */
            break;
        default:
            if (op >= JVM_Q_FIRST && op <= JVM_Q_LAST) /* statics: the address */
                fprintf(d->out, " #%u = 0x%x", i16, r32(d, rcp + 4 * i16));
            else if ((op >= 0x99 && op <= 0xa7) || op == 0xc6 || op == 0xc7)
                fprintf(d->out, " -> %d", (int)pc + (int16_t)i16);
            break;
        }
        fputc('\n', d->out);
        pc += n;
    }
}

int jvm_image_dump(const uint8_t *b, uint32_t size, FILE *out)
{
    dimg dd = {b, size, out, 0}, *d = &dd;
    if (size < sizeof(jvm_image_hdr) || r32(d, 0) != JVM_IMAGE_MAGIC) {
        fprintf(out, "!! not a JVM image\n");
        return -1;
    }
    char a[256], bb[256];
    uint32_t n = r32(d, F(jvm_image_hdr, nclasses)), cl = r32(d, F(jvm_image_hdr, classes));
    fprintf(out, "image: %u bytes, %u classes, statics %u bytes at 0x%x (%u references first)\n",
            r32(d, F(jvm_image_hdr, image_bytes)), n, r32(d, F(jvm_image_hdr, statics_bytes)),
            r32(d, F(jvm_image_hdr, statics)), r32(d, F(jvm_image_hdr, nstatic_refs)));
    uint32_t mm = r32(d, F(jvm_image_hdr, main_method));
    method_name(d, mm, a, sizeof a);
    fprintf(out, "main: %s at 0x%x; uncaught at 0x%x; args at 0x%x\n", a, mm,
            r32(d, F(jvm_image_hdr, uncaught)), r32(d, F(jvm_image_hdr, args)));
    uint32_t code_bytes = 0, reached = 0, total = 0;
    for (uint32_t i = 0; i < n && !d->bad; i++) {
        uint32_t c = r32(d, cl + 4 * i);
        uint32_t flags = r32(d, c + F(jvm_class, flags));
        uint32_t sup = r32(d, c + F(jvm_class, super));
        fprintf(out, "\nclass %s @0x%x", str(d, r32(d, c + F(jvm_class, name)), a, sizeof a), c);
        if (sup)
            fprintf(out, " extends %s", str(d, r32(d, sup + F(jvm_class, name)), a, sizeof a));
        fprintf(out, " flags 0x%x state %u size %u vtable %u interfaces %u\n", flags,
                r32(d, c + F(jvm_class, state)), r32(d, c + F(jvm_class, inst_bytes)),
                r32(d, c + F(jvm_class, vtable_len)), r32(d, c + F(jvm_class, ninterfaces)));
        uint32_t nm = r32(d, c + F(jvm_class, nmethods)), ms = r32(d, c + F(jvm_class, methods));
        for (uint32_t k = 0; k < nm && !d->bad; k++) {
            uint32_t m = ms + (uint32_t)sizeof(jvm_method) * k;
            total++;
            if (!r32(d, m + F(jvm_method, name)))
                continue; /* not reached: no name, no code */
            reached++;
            uint32_t len = r16(d, m + F(jvm_method, code_len));
            code_bytes += len;
            fprintf(out, "  method %s @0x%x flags 0x%x locals %u stack %u args %u", 
                    str(d, r32(d, m + F(jvm_method, name)), bb, sizeof bb), m,
                    r16(d, m + F(jvm_method, flags)), r16(d, m + F(jvm_method, max_locals)),
                    r16(d, m + F(jvm_method, max_stack)), r16(d, m + F(jvm_method, arg_slots)));
            uint32_t vi = r16(d, m + F(jvm_method, vindex));
            if (vi != 0xffff)
                fprintf(out, " vtable[%u]", vi);
            if (r16(d, m + F(jvm_method, flags)) & JVM_MF_NATIVE)
                fprintf(out, " native %u", r16(d, m + F(jvm_method, native_id)));
            fputc('\n', out);
            if (r32(d, m + F(jvm_method, code)))
                dump_code(d, c, m);
            uint32_t ng = r16(d, m + F(jvm_method, ngcmaps)), gw = r16(d, m + F(jvm_method, gcmap_words));
            uint32_t g = r32(d, m + F(jvm_method, gcmaps));
            for (uint32_t e = 0; e < ng && !d->bad; e++) {
                uint32_t w0 = r32(d, g + 4 * e * gw);
                fprintf(out, "      gcmap pc %u depth %u refs:", JVM_GCMAP_PC(w0), JVM_GCMAP_DEPTH(w0));
                uint32_t nl = r16(d, m + F(jvm_method, max_locals));
                for (uint32_t bit = 0; bit < (gw - 1) * 32; bit++)
                    if (r32(d, g + 4 * (e * gw + 1 + bit / 32)) >> (bit % 32) & 1) {
                        if (bit < nl)
                            fprintf(out, " L%u", bit);
                        else
                            fprintf(out, " S%u", bit - nl);
                    }
                fputc('\n', out);
            }
            uint32_t nlp = r16(d, m + F(jvm_method, nloops)), lp = r32(d, m + F(jvm_method, loops));
            for (uint32_t e = 0; e < nlp && !d->bad; e++)
                fprintf(out, "      loop header %u\n", r32(d, lp + (uint32_t)sizeof(jvm_loop) * e));
        }
    }
    fprintf(out, "\nsizes: image %u bytes; %u of %u methods reached; %u bytes of bytecode\n", size,
            reached, total, code_bytes);
    return d->bad ? -1 : 0;
}
