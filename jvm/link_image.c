/* link_image.c -- the image's bytes (jvm/image.h): header, classes sorted by name, methods and
 * their code, handlers, lines, GC maps and loops, the statics block (references first), the
 * resolved constant pools, interface tables, constant strings, main's String[].
 *
 * Everything is placed by a bump allocator over one growing buffer, refs being offsets into it,
 * so a structure can be allocated first and filled once the things it points at are placed.
 */
#include "link_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    lk_ctx *L;
    uint8_t *b;
    uint32_t size, cap;
    uint32_t statics;
} img;

static uint32_t ialloc_k(img *w, uint32_t n, int kind)
{
    n = (n + 3) & ~3u;
    w->L->sizes[kind] += n;
    if ((uint64_t)w->size + n > 0x7fffffffu)
        lk_fail(w->L, "the image is larger than 2 GiB");
    if (w->size + n > w->cap) {
        uint32_t nc = w->cap ? w->cap : 65536;
        while (nc < w->size + n)
            nc *= 2;
        uint8_t *nb = realloc(w->b, nc);
        if (!nb)
            lk_fail(w->L, "out of memory");
        memset(nb + w->cap, 0, nc - w->cap);
        w->b = nb;
        w->L->imgbuf = nb; /* freed by jvm_link if linking fails from here on */
        w->cap = nc;
    }
    uint32_t off = w->size;
    w->size += n;
    return off;
}

static void w32(img *w, uint32_t off, uint32_t v)
{
    w->b[off] = (uint8_t)v;
    w->b[off + 1] = (uint8_t)(v >> 8);
    w->b[off + 2] = (uint8_t)(v >> 16);
    w->b[off + 3] = (uint8_t)(v >> 24);
}

static void w16(img *w, uint32_t off, uint32_t v)
{
    w->b[off] = (uint8_t)v;
    w->b[off + 1] = (uint8_t)(v >> 8);
}

#define FOFF(type, field) ((uint32_t)offsetof(type, field))

/* modified UTF-8 (or UTF-8) to UTF-16; returns the units (buf has room for strlen(s)) */
static uint32_t utf16(const char *s, uint16_t *buf)
{
    const uint8_t *p = (const uint8_t *)s;
    uint32_t n = 0;
    while (*p) {
        uint32_t c = *p;
        if (c < 0x80) {
            p++;
        } else if ((c & 0xe0) == 0xc0 && (p[1] & 0xc0) == 0x80) {
            c = (c & 0x1f) << 6 | (p[1] & 0x3f);
            p += 2;
        } else if ((c & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
            c = (c & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
            p += 3;
        } else if ((c & 0xf8) == 0xf0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 &&
                   (p[3] & 0xc0) == 0x80) {
            c = (c & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 | (uint32_t)(p[2] & 0x3f) << 6 |
                (p[3] & 0x3f);
            p += 4;
            c -= 0x10000;
            buf[n++] = (uint16_t)(0xd800 | c >> 10);
            c = 0xdc00 | (c & 0x3ff);
        } else {
            c = 0xfffd; /* not valid UTF-8 (a command-line argument): the replacement char */
            p++;
        }
        buf[n++] = (uint16_t)c;
    }
    return n;
}

static lk_field *field_named(lk_class *c, const char *name)
{
    for (int i = 0; i < c->nfields; i++)
        if (!strcmp(c->fields[i].name, name) && !(c->fields[i].access & CF_ACC_STATIC))
            return &c->fields[i];
    return NULL;
}

static uint32_t string_ref(img *w, int id)
{
    lk_ctx *L = w->L;
    lk_string *s = &L->strings[id];
    if (s->img)
        return s->img;
    size_t sl = strlen(s->s);
    uint16_t *u = malloc(sizeof(uint16_t) * (sl + 1));
    if (!u)
        lk_fail(L, "out of memory");
    uint32_t n = utf16(s->s, u);
    uint32_t arr = ialloc_k(w, JVM_ARR_DATA + 2 * n, JVM_SIZE_STRINGS);
    w32(w, arr + JVM_OBJ_CLASS, L->wk[JVM_WK_CHAR_ARRAY]->img);
    w32(w, arr + JVM_ARR_LENGTH, n);
    int32_t h = 0;
    for (uint32_t i = 0; i < n; i++) {
        w16(w, arr + JVM_ARR_DATA + 2 * i, u[i]);
        h = (int32_t)((uint32_t)h * 31u + u[i]);
    }
    free(u);
    lk_class *str = L->wk[JVM_WK_STRING];
    uint32_t o = ialloc_k(w, str->inst_bytes, JVM_SIZE_STRINGS);
    w32(w, o + JVM_OBJ_CLASS, str->img);
    w32(w, o + field_named(str, "value")->off, arr);
    w32(w, o + field_named(str, "hash")->off, (uint32_t)h);
    s->img = o;
    return o;
}

static uint32_t string_of(img *w, const char *s)
{
    return string_ref(w, lk_intern(w->L, s));
}

static int cmp_class(const void *a, const void *b)
{
    const lk_class *x = *(lk_class *const *)a, *y = *(lk_class *const *)b;
    const char *p = x->name, *q = y->name;
    /* by the name as Class.getName() gives it ('/' read as '.') */
    for (;; p++, q++) {
        int cp = *p == '/' ? '.' : (uint8_t)*p, cq = *q == '/' ? '.' : (uint8_t)*q;
        if (cp != cq || !cp)
            return cp - cq;
    }
}

static int desc_is_wide(const char *d)
{
    return d[0] == 'J' || d[0] == 'D';
}

static int is_ref_desc(const char *d)
{
    return d[0] == 'L' || d[0] == '[';
}

static uint32_t method_flags(const lk_method *m)
{
    uint32_t f = m->access & (JVM_MF_STATIC | JVM_MF_SYNCHRONIZED | JVM_MF_NATIVE |
                              JVM_MF_ABSTRACT);
    static const uint32_t ret[4] = {JVM_MF_RET_VOID, JVM_MF_RET_INT, JVM_MF_RET_REF,
                                    JVM_MF_RET_LONG};
    f |= ret[lk_ret_kind(m->desc)];
    if (!strcmp(m->name, "<clinit>"))
        f |= JVM_MF_CLINIT;
    if (!strcmp(m->name, "<init>"))
        f |= JVM_MF_INIT;
    return f;
}

static lk_method *find_virtual(lk_class *c, const char *name, const char *desc)
{
    for (int i = c->vtable_len - 1; i >= 0; i--)
        if (!strcmp(c->vtable[i]->name, name) && !strcmp(c->vtable[i]->desc, desc))
            return c->vtable[i];
    return NULL;
}

static void write_method(img *w, lk_method *m, uint32_t rcp)
{
    uint32_t o = m->img;
    lk_class *c = m->cls;
    w32(w, o + FOFF(jvm_method, clazz), c->img);
    w32(w, o + FOFF(jvm_method, rcp), rcp);
    w32(w, o + FOFF(jvm_method, args_bytes), 4u * m->arg_slots);
    w32(w, o + FOFF(jvm_method, locals_bytes), 4u * m->max_locals);
    w32(w, o + FOFF(jvm_method, frame_bytes),
        m->code ? 4u * ((uint32_t)m->max_locals + JVM_FRAME_WORDS + m->max_stack) : 0);
    w32(w, o + FOFF(jvm_method, name), string_of(w, m->name));
    w16(w, o + FOFF(jvm_method, flags), method_flags(m));
    w16(w, o + FOFF(jvm_method, max_locals), m->max_locals);
    w16(w, o + FOFF(jvm_method, max_stack), m->max_stack);
    w16(w, o + FOFF(jvm_method, arg_slots), m->arg_slots);
    w16(w, o + FOFF(jvm_method, native_id), m->native_id >= 0 ? (uint32_t)m->native_id : 0);
    w16(w, o + FOFF(jvm_method, vindex), m->vindex >= 0 ? (uint32_t)m->vindex : 0xffffu);
    if (!m->code)
        return;
    uint32_t code = ialloc_k(w, m->code_len, JVM_SIZE_CODE);
    memcpy(w->b + code, m->code, m->code_len);
    w32(w, o + FOFF(jvm_method, code), code);
    w16(w, o + FOFF(jvm_method, code_len), m->code_len);
    const cf_method *cm = m->cf;
    if (cm && cm->nhandlers) {
        uint32_t h = ialloc_k(w, sizeof(jvm_handler) * cm->nhandlers, JVM_SIZE_TABLES);
        for (unsigned i = 0; i < cm->nhandlers; i++) {
            uint32_t e = h + (uint32_t)sizeof(jvm_handler) * i;
            w16(w, e + FOFF(jvm_handler, start_pc), cm->handlers[i].start_pc);
            w16(w, e + FOFF(jvm_handler, end_pc), cm->handlers[i].end_pc);
            w16(w, e + FOFF(jvm_handler, handler_pc), cm->handlers[i].handler_pc);
            if (cm->handlers[i].catch_type) {
                lk_class *k = lk_find_class(w->L, cf_class_name(c->cf, cm->handlers[i].catch_type));
                w32(w, e + FOFF(jvm_handler, catch_class), k ? k->img : 0);
            }
        }
        w16(w, o + FOFF(jvm_method, nhandlers), cm->nhandlers);
        w32(w, o + FOFF(jvm_method, handlers), h);
    }
    if (cm && cm->nlines) {
        uint32_t l = ialloc_k(w, sizeof(jvm_line) * cm->nlines, JVM_SIZE_TABLES);
        for (unsigned i = 0; i < cm->nlines; i++) {
            w16(w, l + 4 * i, cm->lines[i].start_pc);
            w16(w, l + 4 * i + 2, cm->lines[i].line);
        }
        w16(w, o + FOFF(jvm_method, nlines), cm->nlines);
        w32(w, o + FOFF(jvm_method, lines), l);
    }
    w16(w, o + FOFF(jvm_method, ngcmaps), m->ngcmaps);
    w16(w, o + FOFF(jvm_method, gcmap_words), m->gcmap_words);
    if (m->ngcmaps) {
        uint32_t g = ialloc_k(w, 4 * m->ngcmaps * m->gcmap_words, JVM_SIZE_GCMAPS);
        for (uint32_t i = 0; i < m->ngcmaps * m->gcmap_words; i++)
            w32(w, g + 4 * i, m->gcmaps[i]);
        w32(w, o + FOFF(jvm_method, gcmaps), g);
    }
    w16(w, o + FOFF(jvm_method, nloops), m->nloops);
    if (m->nloops) {
        uint32_t l = ialloc_k(w, sizeof(jvm_loop) * m->nloops, JVM_SIZE_TABLES);
        for (uint32_t i = 0; i < m->nloops; i++)
            w32(w, l + (uint32_t)sizeof(jvm_loop) * i, m->loops[i]);
        w32(w, o + FOFF(jvm_method, loops), l);
    }
}

static uint32_t rc_word(img *w, lk_rc *rc)
{
    switch (rc->kind) {
    case RC_INT: case RC_VIRT:
        return rc->val;
    case RC_STRING:
        return string_ref(w, (int)rc->val);
    case RC_CLASS:
        return ((lk_class *)rc->p)->img;
    case RC_METHOD:
        return ((lk_method *)rc->p)->img;
    case RC_IMETHOD: {
        lk_method *m = rc->p;
        uint32_t r = ialloc_k(w, sizeof(jvm_imethod), JVM_SIZE_RECORDS);
        w32(w, r + FOFF(jvm_imethod, iface), m->cls->img);
        w32(w, r + FOFF(jvm_imethod, index), (uint32_t)m->iindex);
        return r;
    }
    case RC_FOFF:
        return ((lk_field *)rc->p)->off;
    case RC_SADDR:
        return w->statics + ((lk_field *)rc->p)->off;
    case RC_SFIELD: {
        lk_field *f = rc->p;
        uint32_t r = ialloc_k(w, sizeof(jvm_sfield), JVM_SIZE_RECORDS);
        w32(w, r + FOFF(jvm_sfield, clazz), f->cls->img);
        w32(w, r + FOFF(jvm_sfield, addr), w->statics + f->off);
        return r;
    }
    default:
        return 0;
    }
}

static int clinit_chain(const lk_class *c)
{
    for (const lk_class *k = c; k; k = (k->flags & JVM_CF_INTERFACE) ? NULL : k->super)
        for (int i = 0; i < k->nmethods; i++)
            if (!strcmp(k->methods[i]->name, "<clinit>"))
                return 1;
    return 0;
}

static void write_class(img *w, lk_class *c)
{
    lk_ctx *L = w->L;
    uint32_t o = c->img;
    char name[1100];
    size_t i = 0;
    for (const char *p = c->name; *p && i + 1 < sizeof name; p++)
        name[i++] = *p == '/' ? '.' : *p;
    name[i] = 0;
    w32(w, o + FOFF(jvm_class, obj_class), L->wk[JVM_WK_CLASS]->img);
    w32(w, o + FOFF(jvm_class, name), string_of(w, name));
    w32(w, o + FOFF(jvm_class, super), (c->super && !(c->flags & JVM_CF_INTERFACE)) ? c->super->img : 0);
    w32(w, o + FOFF(jvm_class, flags), c->flags);
    w32(w, o + FOFF(jvm_class, state), clinit_chain(c) ? JVM_CS_LINKED : JVM_CS_INITIALIZED);
    uint32_t depth = 0;
    for (lk_class *k = c->super; k && !(c->flags & JVM_CF_INTERFACE); k = k->super)
        depth++;
    w32(w, o + FOFF(jvm_class, depth), depth);
    w32(w, o + FOFF(jvm_class, inst_bytes), c->inst_bytes);
    w32(w, o + FOFF(jvm_class, elem_class), c->elem ? c->elem->img : 0);
    w32(w, o + FOFF(jvm_class, elem_type), (c->flags & JVM_CF_ARRAY) ? (uint32_t)c->elem_type : 0);
    w32(w, o + FOFF(jvm_class, dims), (uint32_t)c->dims);
    if (!(c->flags & JVM_CF_ARRAY)) {
        uint32_t words = c->inst_bytes / 4, any = 0;
        uint32_t bm = 0;
        for (lk_class *k = c; k; k = k->super)
            for (int f = 0; f < k->nfields; f++)
                if (!(k->fields[f].access & CF_ACC_STATIC) && is_ref_desc(k->fields[f].desc)) {
                    if (!any)
                        bm = ialloc_k(w, 4 * ((words + 31) / 32), JVM_SIZE_CLASSES);
                    any = 1;
                    uint32_t wi = k->fields[f].off / 4;
                    uint32_t a = bm + 4 * (wi / 32);
                    uint32_t v = (uint32_t)w->b[a] | (uint32_t)w->b[a + 1] << 8 |
                                 (uint32_t)w->b[a + 2] << 16 | (uint32_t)w->b[a + 3] << 24;
                    w32(w, a, v | 1u << (wi % 32));
                }
        w32(w, o + FOFF(jvm_class, refmap), bm);
    }
    /* interfaces and itables */
    w32(w, o + FOFF(jvm_class, ninterfaces), (uint32_t)c->nall_ifaces);
    if (c->nall_ifaces) {
        uint32_t t = ialloc_k(w, sizeof(jvm_itable_ref) * (uint32_t)c->nall_ifaces,
                              JVM_SIZE_ITABLES);
        for (int k = 0; k < c->nall_ifaces; k++) {
            lk_class *ic = c->all_ifaces[k];
            uint32_t e = t + (uint32_t)sizeof(jvm_itable_ref) * (uint32_t)k;
            w32(w, e + FOFF(jvm_itable_ref, iface), ic->img);
            if (c->flags & JVM_CF_INTERFACE)
                continue;
            uint32_t it = ialloc_k(w, 4 * (uint32_t)ic->itable_len, JVM_SIZE_ITABLES);
            for (int j = 0; j < ic->itable_len; j++) {
                lk_method *im = ic->itable[j];
                lk_method *t2 = find_virtual(c, im->name, im->desc);
                w32(w, it + 4 * (uint32_t)j, (t2 ? t2 : im)->img);
            }
            w32(w, e + FOFF(jvm_itable_ref, itable), it);
        }
        w32(w, o + FOFF(jvm_class, interfaces), t);
    }
    uint32_t r = 0;
    if (c->nrcp) {
        r = ialloc_k(w, 4 * (uint32_t)c->nrcp, JVM_SIZE_RCP);
        for (int k = 0; k < c->nrcp; k++)
            w32(w, r + 4 * (uint32_t)k, rc_word(w, &c->rcp[k]));
        w32(w, o + FOFF(jvm_class, rcp), r);
    }
    if (c->cf && c->cf->source_file)
        w32(w, o + FOFF(jvm_class, source_file), string_of(w, c->cf->source_file));
    if (c->cf && (c->cf->access & CF_ACC_ENUM) && c->super &&
        !strcmp(c->super->name, "java/lang/Enum"))
        for (int f = 0; f < c->nfields; f++)
            if (!strcmp(c->fields[f].name, "$VALUES") && (c->fields[f].access & CF_ACC_STATIC))
                w32(w, o + FOFF(jvm_class, enum_values), w->statics + c->fields[f].off);
    w32(w, o + FOFF(jvm_class, vtable_len), (uint32_t)c->vtable_len);
    for (int k = 0; k < c->vtable_len; k++)
        w32(w, o + (uint32_t)sizeof(jvm_class) + 4 * (uint32_t)k, c->vtable[k]->img);
    for (int k = 0; k < c->nmethods; k++) {
        lk_method *m = c->methods[k];
        if (!m->reached)
            continue;
        if (!strcmp(m->name, "<clinit>"))
            w32(w, o + FOFF(jvm_class, clinit), m->img);
        write_method(w, m, r);
    }
}

void lk_write_image(lk_ctx *L, jvm_image_buf *out)
{
    img w = {L, NULL, 0, 0, 0};
    lk_class **cs = L->classes;
    int n = L->nclasses;
    qsort(cs, (size_t)n, sizeof(lk_class *), cmp_class);
    uint32_t hdr = ialloc_k(&w, sizeof(jvm_image_hdr), JVM_SIZE_HEADER);
    uint32_t list = ialloc_k(&w, 4 * (uint32_t)n, JVM_SIZE_HEADER);
    for (int i = 0; i < n; i++) {
        cs[i]->img = ialloc_k(&w, (uint32_t)sizeof(jvm_class) + 4 * (uint32_t)cs[i]->vtable_len,
                              JVM_SIZE_CLASSES);
        w32(&w, list + 4 * (uint32_t)i, cs[i]->img);
    }
    /* only the reached methods: a vtable or itable slot of another is never dispatched to
     * (every override of a called selector is reached), so it holds 0 */
    for (int i = 0; i < n; i++) {
        uint32_t nr = 0;
        for (int k = 0; k < cs[i]->nmethods; k++)
            nr += cs[i]->methods[k]->reached != 0;
        uint32_t ms = nr ? ialloc_k(&w, (uint32_t)sizeof(jvm_method) * nr, JVM_SIZE_METHODS) : 0;
        w32(&w, cs[i]->img + FOFF(jvm_class, methods), ms);
        w32(&w, cs[i]->img + FOFF(jvm_class, nmethods), nr);
        nr = 0;
        for (int k = 0; k < cs[i]->nmethods; k++)
            if (cs[i]->methods[k]->reached)
                cs[i]->methods[k]->img = ms + (uint32_t)sizeof(jvm_method) * nr++;
    }
    /* statics: the references first (the collector's roots), then the rest */
    uint32_t soff = 0, nrefs = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++)
            for (int f = 0; f < cs[i]->nfields; f++) {
                lk_field *fd = &cs[i]->fields[f];
                if (!(fd->access & CF_ACC_STATIC) || is_ref_desc(fd->desc) != (pass == 0))
                    continue;
                fd->off = soff;
                soff += (fd->desc[0] == 'J' || fd->desc[0] == 'D') ? 8 : 4;
                nrefs += pass == 0;
            }
    w.statics = ialloc_k(&w, soff ? soff : 4, JVM_SIZE_STATICS);
    for (int i = 0; i < n; i++)
        write_class(&w, cs[i]);
    /* ConstantValue initial values */
    for (int i = 0; i < n; i++) {
        lk_class *c = cs[i];
        for (int f = 0; f < c->nfields; f++) {
            lk_field *fd = &c->fields[f];
            if (!fd->constval)
                continue;
            const cf_cp *e = &c->cf->cp[fd->constval];
            uint32_t a = w.statics + fd->off;
            if (e->tag == CF_STRING && !strcmp(fd->desc, "Ljava/lang/String;"))
                w32(&w, a, string_of(&w, cf_utf8(c->cf, e->a)));
            else if ((e->tag == CF_LONG || e->tag == CF_DOUBLE) && desc_is_wide(fd->desc)) {
                w32(&w, a, e->lo);
                w32(&w, a + 4, e->hi);
            } else if ((e->tag == CF_INTEGER || e->tag == CF_FLOAT) && !is_ref_desc(fd->desc) &&
                       !desc_is_wide(fd->desc))
                w32(&w, a, e->lo);
            else
                lk_fail(L, "%s: field %s %s: its ConstantValue (tag %u) does not suit its type",
                        c->cf->file, fd->name, fd->desc, e->tag);
        }
    }
    /* main's String[] */
    lk_class *sa = lk_find_class(L, "[Ljava/lang/String;");
    uint32_t args = ialloc_k(&w, JVM_ARR_DATA + 4 * (uint32_t)L->o->nargs, JVM_SIZE_ARGS);
    w32(&w, args + JVM_OBJ_CLASS, sa->img);
    w32(&w, args + JVM_ARR_LENGTH, (uint32_t)L->o->nargs);
    for (int i = 0; i < L->o->nargs; i++)
        w32(&w, args + JVM_ARR_DATA + 4 * (uint32_t)i, string_of(&w, L->o->args[i]));
    /* the header */
    w32(&w, hdr + FOFF(jvm_image_hdr, magic), JVM_IMAGE_MAGIC);
    w32(&w, hdr + FOFF(jvm_image_hdr, version), JVM_IMAGE_VERSION);
    w32(&w, hdr + FOFF(jvm_image_hdr, main_method), L->main_method->img);
    w32(&w, hdr + FOFF(jvm_image_hdr, main_class), L->main_class->img);
    w32(&w, hdr + FOFF(jvm_image_hdr, args), args);
    w32(&w, hdr + FOFF(jvm_image_hdr, uncaught), L->uncaught->img);
    w32(&w, hdr + FOFF(jvm_image_hdr, nclasses), (uint32_t)n);
    w32(&w, hdr + FOFF(jvm_image_hdr, classes), list);
    w32(&w, hdr + FOFF(jvm_image_hdr, statics), w.statics);
    w32(&w, hdr + FOFF(jvm_image_hdr, statics_bytes), soff);
    w32(&w, hdr + FOFF(jvm_image_hdr, static_refs), w.statics);
    w32(&w, hdr + FOFF(jvm_image_hdr, nstatic_refs), nrefs);
    lk_class *str = L->wk[JVM_WK_STRING], *thr = L->wk[JVM_WK_THROWABLE];
    w32(&w, hdr + FOFF(jvm_image_hdr, string_value_off), field_named(str, "value")->off);
    w32(&w, hdr + FOFF(jvm_image_hdr, string_bytes), str->inst_bytes);
    w32(&w, hdr + FOFF(jvm_image_hdr, throwable_message_off), field_named(thr, "detailMessage")->off);
    w32(&w, hdr + FOFF(jvm_image_hdr, throwable_backtrace_off), field_named(thr, "backtrace")->off);
    w32(&w, hdr + FOFF(jvm_image_hdr, throwable_cause_off), field_named(thr, "cause")->off);
    for (int i = 0; i < JVM_WK_COUNT; i++)
        w32(&w, hdr + FOFF(jvm_image_hdr, wk) + 4 * (uint32_t)i, L->wk[i]->img);
    static const char prim[] = "ZCFDBSIJ";
    for (int i = 0; i < 8; i++) {
        char an[3] = {'[', prim[i], 0};
        lk_class *k = lk_find_class(L, an);
        w32(&w, hdr + FOFF(jvm_image_hdr, prim_array) + 4 * (uint32_t)i, k ? k->img : 0);
    }
    w32(&w, hdr + FOFF(jvm_image_hdr, image_bytes), w.size);
    out->bytes = w.b;
    out->size = w.size;
}
