/* gc.c -- the JVM guest's heap: bump allocation in one semispace, and a precise copying
 * (Cheney) collector into the other.
 *
 * Roots: the image's reference statics (jvm_image_hdr.static_refs), every frame's references
 * as its method's GC map at the frame's pc says (jvm/image.h: the state before the instruction;
 * a caller frame's operand slots from the callee's locals up belong to the callee, which scans
 * them as its arguments), and the interpreter's temporaries (vm->exc, vm->tmp). Objects are
 * scanned with their class's refmap (objects) or elem_type (arrays). Image objects never move
 * and are not scanned: they point into the heap only through the statics.
 *
 * A forwarded object's class word holds its new ref with bit 0 set (refs are 4-aligned).
 * Everything read from the heap (class words, lengths, refs) is checked against the window and
 * the from-space; a check that fails stops the VM with a fatal error rather than reading or
 * writing outside the window.
 */
#include "interp.h"

#define WORD(r) (*(uint32_t *)(win + (r)))

typedef struct {
    jvm_vm *vm;
    uint32_t from, from_end, free, to_end;
    int bad;
} gc_state;

/* size in bytes of the object at ref o of class word c; 0 when the class or length is bad */
static uint32_t obj_size(jvm_vm *vm, uint32_t o, uint32_t c)
{
    if (c == 0 || c >= vm->image_bytes || (c & 3))
        return 0;
    const jvm_class *k = jvm_cls(vm, c);
    if (!(k->flags & JVM_CF_ARRAY))
        return k->inst_bytes;
    uint32_t len = jvm_w(vm, o)[JVM_ARR_LENGTH / 4], es = k->inst_bytes;
    if (len > vm->semi_bytes)
        return 0;
    return (JVM_ARR_DATA + len * es + 3) & ~3u;
}

static void fwd(gc_state *g, uint32_t *slot)
{
    jvm_vm *vm = g->vm;
    uint8_t *win = vm->win;
    uint32_t r = *slot;
    if (r < g->from || r >= g->from_end)
        return; /* null, the image, or not a heap ref */
    uint32_t c = WORD(r);
    if (c & 1) {
        *slot = c & ~1u;
        return;
    }
    uint32_t n = obj_size(vm, r, c);
    if (n == 0 || n > g->from_end - r || n > g->to_end - g->free) {
        g->bad = 1;
        return;
    }
    jvm_memcpy(win + g->free, win + r, n);
    WORD(r) = g->free | 1;
    *slot = g->free;
    g->free += n;
}

/* the GC map entry of method m at pc, or 0 */
static const uint32_t *find_map(jvm_vm *vm, const jvm_method *m, uint32_t pc)
{
    const uint32_t *maps = jvm_w(vm, m->gcmaps);
    uint32_t lo = 0, hi = m->ngcmaps, w = m->gcmap_words;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2, p = JVM_GCMAP_PC(maps[mid * w]);
        if (p == pc)
            return maps + mid * w;
        if (p < pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static void scan_frames(gc_state *g)
{
    jvm_vm *vm = g->vm;
    uint8_t *win = vm->win;
    uint32_t callee_lv = 0; /* window offset of the frame above's locals; 0 for the top frame */
    for (uint32_t f = vm->fp; f; f = WORD(f + 4)) {
        const jvm_method *m = jvm_meth(vm, WORD(f));
        uint32_t pc = WORD(f + 8), lv = f - 4 * m->max_locals;
        if (pc != JVM_PC_NOT_STARTED) {
            const uint32_t *e = find_map(vm, m, pc);
            if (!e) {
                jvm_fatal(vm, "no GC map at a frame's pc", pc);
                g->bad = 1;
                return;
            }
            uint32_t depth = JVM_GCMAP_DEPTH(e[0]), ops = f + 4 * JVM_FRAME_WORDS;
            if (callee_lv && (callee_lv - ops) / 4 < depth)
                depth = (callee_lv - ops) / 4;
            const uint32_t *bits = e + 1;
            for (uint32_t i = 0; i < m->max_locals; i++)
                if (bits[i / 32] >> (i % 32) & 1)
                    fwd(g, (uint32_t *)(win + lv + 4 * i));
            for (uint32_t j = 0; j < depth; j++) {
                uint32_t b = m->max_locals + j;
                if (bits[b / 32] >> (b % 32) & 1)
                    fwd(g, (uint32_t *)(win + ops + 4 * j));
            }
        }
        callee_lv = lv;
    }
}

uint32_t jvm_gc(jvm_vm *vm)
{
    uint8_t *win = vm->win;
    const jvm_image_hdr *h = vm->hdr;
    uint64_t t0 = vm->plat->cycles ? vm->plat->cycles(vm->plat->ctx) : 0;
    gc_state g = {vm, vm->space, vm->alloc, 0, 0, 0};
    uint32_t to = vm->space == vm->heap_lo ? vm->heap_lo + vm->semi_bytes : vm->heap_lo;
    g.free = to;
    g.to_end = to + vm->semi_bytes;

    uint32_t *statics = jvm_w(vm, h->static_refs);
    for (uint32_t i = 0; i < h->nstatic_refs; i++)
        fwd(&g, statics + i);
    fwd(&g, &vm->exc);
    for (uint32_t i = 0; i < vm->ntmp; i++)
        fwd(&g, &vm->tmp[i]);
    scan_frames(&g);

    /* Cheney's scan: the objects copied so far, in order */
    for (uint32_t s = to; s < g.free && !g.bad;) {
        uint32_t c = WORD(s);
        const jvm_class *k = jvm_cls(vm, c);
        uint32_t n = obj_size(vm, s, c);
        if (n == 0) {
            g.bad = 1;
            break;
        }
        if (k->flags & JVM_CF_ARRAY) {
            if (k->elem_type == JVM_T_REF) {
                uint32_t len = WORD(s + JVM_ARR_LENGTH);
                for (uint32_t i = 0; i < len; i++)
                    fwd(&g, (uint32_t *)(win + s + JVM_ARR_DATA + 4 * i));
            }
        } else if (k->refmap) {
            const uint32_t *map = jvm_w(vm, k->refmap);
            for (uint32_t i = 2; i < n / 4; i++)
                if (map[i / 32] >> (i % 32) & 1)
                    fwd(&g, (uint32_t *)(win + s + 4 * i));
        }
        s += n;
    }
    if (g.bad) {
        jvm_fatal(vm, "collector: a corrupt heap object", 0);
        return 0;
    }
    vm->space = to;
    vm->alloc = g.free;
    vm->alloc_end = g.to_end;
    vm->gcs++;
    uint32_t live = g.free - to;
    if (live > vm->heap_hwm)
        vm->heap_hwm = live;
    if (vm->plat->cycles)
        vm->gc_cycles += vm->plat->cycles(vm->plat->ctx) - t0;
    return g.to_end - g.free;
}

uint32_t jvm_alloc(jvm_vm *vm, uint32_t cls, uint32_t bytes, int reserve)
{
    uint32_t keep = reserve ? 0 : JVM_HEAP_RESERVE;
    if (bytes > vm->semi_bytes - keep)
        return 0;
#ifdef JVM_GC_STRESS /* a collection before every allocation (tests of the roots' precision) */
    jvm_gc(vm);
    if (vm->done)
        return 0;
#endif
    if (vm->alloc + bytes > vm->alloc_end - keep) {
        jvm_gc(vm);
        if (vm->done || vm->alloc + bytes > vm->alloc_end - keep)
            return 0;
    }
    uint32_t o = vm->alloc;
    vm->alloc += bytes;
    jvm_memset(vm->win + o, 0, bytes);
    jvm_w(vm, o)[0] = cls;
    vm->allocations++;
    vm->alloc_bytes += bytes;
    return o;
}

uint32_t jvm_new_array(jvm_vm *vm, uint32_t acls, int32_t length, int reserve)
{
    uint32_t es = jvm_cls(vm, acls)->inst_bytes;
    if ((uint32_t)length > vm->semi_bytes / (es ? es : 1))
        return 0;
    uint32_t a = jvm_alloc(vm, acls, (JVM_ARR_DATA + (uint32_t)length * es + 3) & ~3u, reserve);
    if (a)
        jvm_w(vm, a)[JVM_ARR_LENGTH / 4] = (uint32_t)length;
    return a;
}

uint32_t jvm_new_string(jvm_vm *vm, const char *s, uint32_t n)
{
    const jvm_image_hdr *h = vm->hdr;
    if (vm->ntmp >= JVM_TMP_ROOTS)
        return 0;
    uint32_t chars = jvm_new_array(vm, h->wk[JVM_WK_CHAR_ARRAY], (int32_t)n, 1);
    if (!chars)
        return 0;
    uint16_t *c = (uint16_t *)(vm->win + chars + JVM_ARR_DATA);
    for (uint32_t i = 0; i < n; i++)
        c[i] = (uint8_t)s[i];
    uint32_t slot = vm->ntmp++;
    vm->tmp[slot] = chars;
    uint32_t str = jvm_alloc(vm, h->wk[JVM_WK_STRING], h->string_bytes, 1);
    chars = vm->tmp[slot];
    vm->ntmp = slot;
    if (str)
        jvm_w(vm, str + h->string_value_off)[0] = chars;
    return str;
}
