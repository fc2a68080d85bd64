/* link.c -- the linker's front half: classes loaded on demand, resolution (JVMS 5.4.3),
 * reachability from main, quick bytecode, string concatenation synthesized (link.h, link_int.h).
 *
 *   main, VM.uncaught ──reach──> worklist ──scan──> resolve each instruction's CP entry
 *        ^                                            │ (loads classes, marks <clinit>s, adds
 *        └──── every override of a called selector ───┘  callees and call selectors)
 *   then: GC maps (link_gc.c) -> layout and image (link_image.c)
 */
#include "link_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---------------------------------------------------------------- arena and errors */

typedef struct lk_chunk {
    struct lk_chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} lk_chunk;

typedef struct {
    lk_ctx ctx;
    lk_chunk *chunks;
} lk_ctx_arena;

void lk_fail(lk_ctx *L, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->err, L->errlen, fmt, ap);
    va_end(ap);
    cf_one_line(L->err);
    longjmp(L->fail, 1);
}

void *lk_alloc(lk_ctx *L, size_t n)
{
    lk_chunk **head = &((lk_ctx_arena *)L)->chunks;
    n = (n + 15) & ~(size_t)15;
    if (!*head || (*head)->cap - (*head)->used < n) {
        size_t cap = n > (1u << 20) ? n : (1u << 20);
        lk_chunk *c = calloc(1, sizeof(lk_chunk) + cap);
        if (!c)
            lk_fail(L, "out of memory");
        c->cap = cap;
        c->next = *head;
        *head = c;
    }
    void *p = (*head)->data + (*head)->used;
    (*head)->used += n;
    return p;
}

char *lk_strdup(lk_ctx *L, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = lk_alloc(L, n);
    memcpy(p, s, n);
    return p;
}

/* a growable array in the arena: room for at least n elements */
static void *grow(lk_ctx *L, void *arr, int *cap, int n, size_t elem)
{
    if (n <= *cap)
        return arr;
    int nc = *cap ? *cap * 2 : 16;
    while (nc < n)
        nc *= 2;
    void *p = lk_alloc(L, (size_t)nc * elem);
    if (arr)
        memcpy(p, arr, (size_t)*cap * elem);
    *cap = nc;
    return p;
}

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

/* ---------------------------------------------------------------- descriptors */

unsigned lk_arg_slots(const char *d)
{
    unsigned n = 0;
    for (d++; *d != ')'; d++) {
        n += (*d == 'J' || *d == 'D') ? 2 : 1;
        while (*d == '[')
            d++;
        if (*d == 'L')
            d = strchr(d, ';');
    }
    return n;
}

int lk_ret_kind(const char *d)
{
    const char *r = strchr(d, ')');
    r = r ? r + 1 : d;
    switch (*r) {
    case 'V': return 0;
    case 'L': case '[': return 2;
    case 'J': case 'D': return 3;
    default: return 1;
    }
}

/* "float", "double" or NULL: a descriptor that uses either */
static const char *desc_fp(const char *d)
{
    for (; *d; d++) {
        if (*d == 'L') {
            d = strchr(d, ';');
            if (!d)
                return NULL;
        } else if (*d == 'F') {
            return "float";
        } else if (*d == 'D') {
            return "double";
        }
    }
    return NULL;
}

/* "java/lang/String" -> "java.lang.String" into buf */
static const char *dotted(const char *s, char *buf, size_t n)
{
    size_t i = 0;
    for (; s[i] && i + 1 < n; i++)
        buf[i] = s[i] == '/' ? '.' : s[i];
    buf[i] = 0;
    return buf;
}

/* ---------------------------------------------------------------- strings */

int lk_intern(lk_ctx *L, const char *s)
{
    if ((uint32_t)L->nstrings * 2 >= L->string_hash_cap) {
        uint32_t cap = L->string_hash_cap ? L->string_hash_cap * 2 : 1024;
        int *h = lk_alloc(L, sizeof(int) * cap);
        for (int i = 0; i < L->nstrings; i++) {
            uint32_t k = hash_str(L->strings[i].s) & (cap - 1);
            while (h[k])
                k = (k + 1) & (cap - 1);
            h[k] = i + 1;
        }
        L->string_hash = h;
        L->string_hash_cap = cap;
    }
    uint32_t k = hash_str(s) & (L->string_hash_cap - 1);
    while (L->string_hash[k]) {
        if (!strcmp(L->strings[L->string_hash[k] - 1].s, s))
            return L->string_hash[k] - 1;
        k = (k + 1) & (L->string_hash_cap - 1);
    }
    L->strings = grow(L, L->strings, &L->strings_cap, L->nstrings + 1, sizeof(lk_string));
    L->strings[L->nstrings].s = lk_strdup(L, s);
    L->strings[L->nstrings].img = 0;
    L->string_hash[k] = ++L->nstrings;
    return L->nstrings - 1;
}

/* the selectors ("name desc") of virtual and interface calls: open hashing */
static int sel_has(lk_ctx *L, const char *name, const char *desc)
{
    if (!L->sel_cap)
        return 0;
    char key[512];
    snprintf(key, sizeof key, "%s %s", name, desc);
    uint32_t k = hash_str(key) & (L->sel_cap - 1);
    while (L->selectors[k]) {
        if (!strcmp(L->selectors[k], key))
            return 1;
        k = (k + 1) & (L->sel_cap - 1);
    }
    return 0;
}

static void sel_add(lk_ctx *L, const char *name, const char *desc)
{
    if (sel_has(L, name, desc))
        return;
    if (L->nsel * 2 >= L->sel_cap) {
        uint32_t cap = L->sel_cap ? L->sel_cap * 2 : 512;
        char **t = lk_alloc(L, sizeof(char *) * cap);
        for (uint32_t i = 0; i < L->sel_cap; i++)
            if (L->selectors[i]) {
                uint32_t k = hash_str(L->selectors[i]) & (cap - 1);
                while (t[k])
                    k = (k + 1) & (cap - 1);
                t[k] = L->selectors[i];
            }
        L->selectors = t;
        L->sel_cap = cap;
    }
    char key[512];
    snprintf(key, sizeof key, "%s %s", name, desc);
    uint32_t k = hash_str(key) & (L->sel_cap - 1);
    while (L->selectors[k])
        k = (k + 1) & (L->sel_cap - 1);
    L->selectors[k] = lk_strdup(L, key);
    L->nsel++;
}

/* ---------------------------------------------------------------- classes */

lk_class *lk_find_class(lk_ctx *L, const char *name)
{
    for (int i = 0; i < L->nclasses; i++)
        if (!strcmp(L->classes[i]->name, name))
            return L->classes[i];
    return NULL;
}

static void add_class(lk_ctx *L, lk_class *c)
{
    L->classes = grow(L, L->classes, &L->classes_cap, L->nclasses + 1, sizeof(lk_class *));
    L->classes[L->nclasses++] = c;
}

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* a class's file read and parsed (its path in `path`), or NULL when there is none */
static cf_class *find_class_file(lk_ctx *L, const char *name, char *path, size_t n)
{
    char msg[1024];
    cf_class *cf = NULL;
    for (int i = -1; i < L->o->ncp && !cf; i++) {
        const char *dir = i < 0 ? L->o->libdir : L->o->classpath[i];
        if (!dir)
            continue;
        if (i >= 0 && L->jars[i]) {
            char entry[1100];
            uint8_t *b;
            size_t len;
            snprintf(entry, sizeof entry, "%s.class", name);
            int rc = jvm_jar_read(L->jars[i], entry, &b, &len, msg, sizeof msg);
            if (rc < 0)
                lk_fail(L, "%s", msg);
            if (rc == 0)
                continue;
            snprintf(path, n, "%s!/%s", dir, entry);
            cf = cf_parse(b, len, path, msg, sizeof msg);
            free(b);
        } else {
            snprintf(path, n, "%s/%s.class", dir, name);
            if (!is_file(path))
                continue;
            cf = cf_load(path, msg, sizeof msg);
        }
        if (!cf)
            lk_fail(L, "%s", msg);
    }
    return cf;
}

static int is_jar(const char *p)
{
    size_t n = strlen(p);
    return n > 4 && !strcmp(p + n - 4, ".jar");
}

static const struct { const char *cls, *name, *desc; } natives[] = {
#define JVM_NATIVE(id, cls, name, desc) {cls, name, desc},
#include "natives.def"
#undef JVM_NATIVE
};

static lk_class *load(lk_ctx *L, const char *name, const char *where, int must);

lk_class *lk_load_class(lk_ctx *L, const char *name, const char *where)
{
    return load(L, name, where, 1);
}

static lk_class *load(lk_ctx *L, const char *name, const char *where, int must)
{
    lk_class *c = lk_find_class(L, name);
    if (c) {
        if (c->loading)
            lk_fail(L, "%s%s%s: class circularity (it is its own superclass or superinterface)",
                    where ? where : "", where ? ": " : "", name);
        return c;
    }
    if (name[0] == '[')
        return lk_array_class(L, name, where);
    char path[4096];
    cf_class *cf = strlen(name) > 1024 ? NULL : find_class_file(L, name, path, sizeof path);
    if (!cf) {
        if (!must)
            return NULL;
        lk_fail(L, "%s%s%s: class not found", where ? where : "", where ? ": " : "", name);
    }
    c = lk_alloc(L, sizeof(lk_class));
    c->cf = cf;        /* freed with the context from here on */
    c->name = lk_strdup(L, name);
    add_class(L, c);
    if (strcmp(cf->this_name, name))
        lk_fail(L, "%s: holds class %s, not %s", path, cf->this_name, name);
    c->loading = 1;
    if (cf->access & CF_ACC_INTERFACE)
        c->flags |= JVM_CF_INTERFACE | JVM_CF_ABSTRACT;
    if (cf->access & CF_ACC_ABSTRACT)
        c->flags |= JVM_CF_ABSTRACT;
    if (cf->access & CF_ACC_FINAL)
        c->flags |= JVM_CF_FINAL;
    if (cf->super_name) {
        c->super = load(L, cf->super_name, where, 1);
        if (c->super->flags & JVM_CF_INTERFACE)
            lk_fail(L, "%s: its superclass %s is an interface", path, cf->super_name);
        if (c->super->flags & JVM_CF_FINAL)
            lk_fail(L, "%s: its superclass %s is final", path, cf->super_name);
    }
    c->ifaces = lk_alloc(L, sizeof(lk_class *) * (cf->ninterfaces + 1u));
    for (int i = 0; i < cf->ninterfaces; i++) {
        c->ifaces[i] = load(L, cf->interfaces[i], where, 1);
        if (!(c->ifaces[i]->flags & JVM_CF_INTERFACE))
            lk_fail(L, "%s: %s is not an interface", path, cf->interfaces[i]);
    }
    c->nifaces = cf->ninterfaces;
    c->nfields = cf->nfields;
    c->fields = lk_alloc(L, sizeof(lk_field) * (cf->nfields + 1u));
    for (int i = 0; i < cf->nfields; i++) {
        lk_field *f = &c->fields[i];
        f->cls = c;
        f->name = cf->fields[i].name;
        f->desc = cf->fields[i].desc;
        f->access = cf->fields[i].access;
        f->constval = (f->access & CF_ACC_STATIC) ? cf->fields[i].constval : 0;
    }
    c->methods_cap = cf->nmethods + 4;
    c->methods = lk_alloc(L, sizeof(lk_method *) * (size_t)c->methods_cap);
    for (int i = 0; i < cf->nmethods; i++) {
        const cf_method *cm = &cf->methods[i];
        lk_method *m = lk_alloc(L, sizeof(lk_method));
        m->cls = c;
        m->cf = cm;
        m->name = cm->name;
        m->desc = cm->desc;
        m->access = cm->access;
        m->max_stack = cm->max_stack;
        m->max_locals = cm->max_locals;
        m->code_len = cm->code_len;
        m->arg_slots = (uint16_t)(lk_arg_slots(cm->desc) + !(cm->access & CF_ACC_STATIC));
        if (cm->code && m->arg_slots > m->max_locals)
            lk_fail(L, "%s: %s.%s%s: max_locals %u is less than its %u argument slots", path,
                    name, cm->name, cm->desc, cm->max_locals, m->arg_slots);
        m->vindex = m->iindex = -1;
        m->native_id = -1;
        if (cm->access & CF_ACC_NATIVE)
            for (int k = 0; k < JVM_NATIVE_COUNT; k++)
                if (!strcmp(natives[k].cls, name) && !strcmp(natives[k].name, cm->name) &&
                    !strcmp(natives[k].desc, cm->desc))
                    m->native_id = k;
        c->methods[c->nmethods++] = m;
    }
    c->rcp_cap = cf->ncp + 8;
    c->nrcp = cf->ncp;
    c->rcp = lk_alloc(L, sizeof(lk_rc) * (size_t)c->rcp_cap);
    lk_layout_class(L, c);
    c->loading = 0;
    return c;
}

/* an array class by its descriptor name, and its component classes */
lk_class *lk_array_class(lk_ctx *L, const char *name, const char *where)
{
    lk_class *c = lk_find_class(L, name);
    if (c)
        return c;
    const char *comp = name + 1;
    lk_class *elem = NULL;
    int et, dims = 1;
    uint32_t size;
    switch (*comp) {
    case 'Z': et = JVM_T_BOOLEAN; size = 1; break;
    case 'B': et = JVM_T_BYTE; size = 1; break;
    case 'C': et = JVM_T_CHAR; size = 2; break;
    case 'S': et = JVM_T_SHORT; size = 2; break;
    case 'I': et = JVM_T_INT; size = 4; break;
    case 'J': et = JVM_T_LONG; size = 8; break;
    case 'F': case 'D':
        lk_fail(L, "%s%s%s: %s is not supported", where ? where : "", where ? ": " : "", name,
                *comp == 'F' ? "float" : "double");
    case '[':
        et = JVM_T_REF;
        size = 4;
        elem = lk_array_class(L, comp, where);
        dims = elem->dims + 1;
        break;
    case 'L': {
        size_t n = strlen(comp);
        if (n < 3 || comp[n - 1] != ';')
            lk_fail(L, "%s%s%s: malformed array class name", where ? where : "",
                    where ? ": " : "", name);
        char *cn = lk_strdup(L, comp + 1);
        cn[n - 2] = 0;
        et = JVM_T_REF;
        size = 4;
        elem = load(L, cn, where, 1);
        break;
    }
    default:
        lk_fail(L, "%s%s%s: malformed array class name", where ? where : "", where ? ": " : "",
                name);
    }
    if ((comp[0] != '[' && comp[0] != 'L' && comp[1]) || dims > 255)
        lk_fail(L, "%s%s%s: malformed array class name", where ? where : "", where ? ": " : "",
                name);
    c = lk_alloc(L, sizeof(lk_class));
    c->name = lk_strdup(L, name);
    c->flags = JVM_CF_ARRAY | JVM_CF_SYNTHETIC | JVM_CF_FINAL |
               (et != JVM_T_REF ? JVM_CF_PRIMITIVE_ARRAY : 0);
    c->elem = elem;
    c->elem_type = et;
    c->dims = dims;
    c->inst_bytes = size;
    c->super = load(L, "java/lang/Object", NULL, 1);
    c->ifaces = lk_alloc(L, sizeof(lk_class *) * 2);
    c->ifaces[c->nifaces++] = load(L, "java/lang/Cloneable", NULL, 1);
    lk_class *ser = load(L, "java/io/Serializable", NULL, 0);
    if (ser)
        c->ifaces[c->nifaces++] = ser;
    c->methods = lk_alloc(L, sizeof(lk_method *));
    c->instantiated = 1; /* no array class is worth tracking */
    add_class(L, c);
    lk_layout_class(L, c);
    return c;
}

int lk_is_subclass(const lk_class *c, const lk_class *of)
{
    for (; c; c = c->super)
        if (c == of)
            return 1;
    return 0;
}

static int implements(const lk_class *c, const lk_class *iface)
{
    for (; c; c = c->super) {
        if (c == iface)
            return 1;
        for (int i = 0; i < c->nifaces; i++)
            if (implements(c->ifaces[i], iface))
                return 1;
    }
    return 0;
}

lk_field *lk_lookup_field(lk_class *c, const char *name, const char *desc)
{
    for (; c; c = c->super) {
        for (int i = 0; i < c->nfields; i++)
            if (!strcmp(c->fields[i].name, name) && !strcmp(c->fields[i].desc, desc))
                return &c->fields[i];
        for (int i = 0; i < c->nifaces; i++) {
            lk_field *f = lk_lookup_field(c->ifaces[i], name, desc);
            if (f)
                return f;
        }
    }
    return NULL;
}

static lk_method *declared(const lk_class *c, const char *name, const char *desc)
{
    for (int i = 0; i < c->nmethods; i++)
        if (!strcmp(c->methods[i]->name, name) && !strcmp(c->methods[i]->desc, desc))
            return c->methods[i];
    return NULL;
}

/* the maximally-specific superinterface method (JVMS 5.4.3.3), a non-abstract one preferred */
static lk_method *iface_method(const lk_class *c, const char *name, const char *desc)
{
    lk_method *best = NULL;
    for (const lk_class *k = c; k; k = k->super)
        for (int i = 0; i < k->nifaces; i++) {
            const lk_class *ic = k->ifaces[i];
            lk_method *m = declared(ic, name, desc);
            if (!m || (m->access & (CF_ACC_PRIVATE | CF_ACC_STATIC)))
                m = iface_method(ic, name, desc);
            if (!m)
                continue;
            if (!best || ((best->access & CF_ACC_ABSTRACT) && !(m->access & CF_ACC_ABSTRACT)) ||
                (implements(m->cls, best->cls) && m->cls != best->cls &&
                 ((best->access & CF_ACC_ABSTRACT) || !(m->access & CF_ACC_ABSTRACT))))
                best = m;
        }
    return best;
}

/* method resolution (JVMS 5.4.3.3): the class chain, then the superinterfaces */
static lk_method *resolve_in_class(lk_ctx *L, lk_class *c, const char *name, const char *desc)
{
    if (c->flags & JVM_CF_ARRAY)
        c = L->wk[JVM_WK_OBJECT];
    for (lk_class *k = c; k; k = k->super) {
        lk_method *m = declared(k, name, desc);
        if (m)
            return m;
    }
    return iface_method(c, name, desc);
}

/* interface method resolution (JVMS 5.4.3.4): the interface, Object's public methods, the
 * superinterfaces */
static lk_method *resolve_in_iface(lk_ctx *L, lk_class *c, const char *name, const char *desc)
{
    lk_method *m = declared(c, name, desc);
    if (m)
        return m;
    m = declared(L->wk[JVM_WK_OBJECT], name, desc);
    if (m && (m->access & CF_ACC_PUBLIC) && !(m->access & CF_ACC_STATIC))
        return m;
    for (int i = 0; i < c->nifaces; i++) {
        m = resolve_in_iface(L, c->ifaces[i], name, desc);
        if (m && m->cls != L->wk[JVM_WK_OBJECT])
            return m;
    }
    return NULL;
}

/* ---------------------------------------------------------------- reachability */

static void reach(lk_ctx *L, lk_method *m, const char *where)
{
    if (m->reached)
        return;
    if ((m->access & CF_ACC_NATIVE) && m->native_id < 0)
        lk_fail(L, "%s%s%s.%s%s: native method is not one of jvm/natives.def",
                where ? where : "", where ? ": " : "", m->cls->name, m->name, m->desc);
    m->reached = 1;
    L->work = grow(L, L->work, &L->work_cap, L->nwork + 1, sizeof(lk_method *));
    L->work[L->nwork++] = m;
}

/* the class's (and its superclasses' and superinterfaces') <clinit>s will run */
static void mark_init(lk_ctx *L, lk_class *c, const char *where)
{
    if (c->init_marked)
        return;
    c->init_marked = 1;
    if (c->super)
        mark_init(L, c->super, where);
    for (int i = 0; i < c->nifaces; i++)
        mark_init(L, c->ifaces[i], where);
    lk_method *ci = declared(c, "<clinit>", "()V");
    if (ci && (ci->access & CF_ACC_STATIC))
        reach(L, ci, where);
}

static int has_clinit_chain(const lk_class *c)
{
    if (c->flags & JVM_CF_INTERFACE)
        return declared(c, "<clinit>", "()V") != NULL;
    for (; c; c = c->super)
        if (declared(c, "<clinit>", "()V"))
            return 1;
    return 0;
}

/* an access from code of class `from` to a static member of `to`: may `to` be uninitialized? */
static int might_uninit(const lk_class *from, const lk_class *to)
{
    if (!has_clinit_chain(to) || from == to)
        return 0;
    if (!(to->flags & JVM_CF_INTERFACE) && lk_is_subclass(from, to))
        return 0;
    return 1;
}

/* ---------------------------------------------------------------- the resolved CP */

static int rc_same(const lk_rc *a, const lk_rc *b)
{
    return a->kind == b->kind && a->val == b->val && a->p == b->p && a->hi == b->hi;
}

static int rc_append(lk_ctx *L, lk_class *c, const lk_rc *rc)
{
    for (int i = c->cf ? c->cf->ncp : 0; i < c->nrcp; i++)
        if (rc_same(&c->rcp[i], rc))
            return i;
    if (c->nrcp >= 65535)
        lk_fail(L, "%s: too many constant pool entries after linking", c->name);
    c->rcp = grow(L, c->rcp, &c->rcp_cap, c->nrcp + 1, sizeof(lk_rc));
    c->rcp[c->nrcp] = *rc;
    return c->nrcp++;
}

/* rcp[i] = rc if free or the same, else an appended entry: the index to use */
static int rc_set(lk_ctx *L, lk_class *c, int i, lk_rc rc)
{
    if (c->rcp[i].kind == RC_NONE) {
        c->rcp[i] = rc;
        return i;
    }
    if (rc_same(&c->rcp[i], &rc))
        return i;
    return rc_append(L, c, &rc);
}

/* ---------------------------------------------------------------- scanning a method */

typedef struct {
    lk_ctx *L;
    lk_method *m;
    lk_class *c;
    uint32_t pc;
    char where[600];
} scan;

static unsigned line_at(const cf_method *cm, uint32_t pc)
{
    unsigned line = 0;
    for (unsigned i = 0; cm && i < cm->nlines; i++)
        if (cm->lines[i].start_pc <= pc)
            line = cm->lines[i].line;
    return line;
}

static void set_where(scan *s)
{
    char cn[300];
    dotted(s->c->name, cn, sizeof cn);
    unsigned line = line_at(s->m->cf, s->pc);
    const char *sf = s->c->cf ? s->c->cf->source_file : NULL;
    if (line && sf)
        snprintf(s->where, sizeof s->where, "%s.%s%s at %u (%s:%u)", cn, s->m->name, s->m->desc,
                 s->pc, sf, line);
    else
        snprintf(s->where, sizeof s->where, "%s.%s%s at %u", cn, s->m->name, s->m->desc, s->pc);
}

static void put16(uint8_t *p, int v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static const char *fp_op(unsigned op)
{
    switch (op) {
    case 0x0b: case 0x0c: case 0x0d: case 0x17: case 0x22: case 0x23: case 0x24: case 0x25:
    case 0x30: case 0x38: case 0x43: case 0x44: case 0x45: case 0x46: case 0x51: case 0x62:
    case 0x66: case 0x6a: case 0x6e: case 0x72: case 0x76: case 0x86: case 0x89: case 0x8b:
    case 0x8c: case 0x8d: case 0x95: case 0x96: case 0xae:
        return "float";
    case 0x0e: case 0x0f: case 0x18: case 0x26: case 0x27: case 0x28: case 0x29: case 0x31:
    case 0x39: case 0x47: case 0x48: case 0x49: case 0x4a: case 0x52: case 0x63: case 0x67:
    case 0x6b: case 0x6f: case 0x73: case 0x77: case 0x87: case 0x8a: case 0x8e: case 0x8f:
    case 0x90: case 0x97: case 0x98: case 0xaf:
        return "double";
    default:
        return NULL;
    }
}

#define REFUSE(s, ...) refuse(s, __VA_ARGS__)
static void refuse(scan *s, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
static void refuse(scan *s, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lk_fail(s->L, "%s: %s", s->where, msg);
}

static lk_class *cp_class(scan *s, unsigned i)
{
    const char *n = cf_class_name(s->c->cf, i);
    return n[0] == '[' ? lk_array_class(s->L, n, s->where) : lk_load_class(s->L, n, s->where);
}

static void cp_member(scan *s, unsigned i, lk_class **cls, const char **name, const char **desc)
{
    const cf_class *cf = s->c->cf;
    const cf_cp *e = &cf->cp[i];
    *cls = cp_class(s, e->a);
    *name = cf_utf8(cf, cf->cp[e->b].a);
    *desc = cf_utf8(cf, cf->cp[e->b].b);
}

/* the vtable slot of a virtual method name+desc in class k (a class, not an interface) */
static int vslot(lk_ctx *L, lk_class *k, const char *name, const char *desc)
{
    if (k->flags & JVM_CF_ARRAY)
        k = L->wk[JVM_WK_OBJECT];
    for (int i = k->vtable_len - 1; i >= 0; i--)
        if (!strcmp(k->vtable[i]->name, name) && !strcmp(k->vtable[i]->desc, desc))
            return i;
    return -1;
}

/* emit a virtual call of `res` (resolved in class k) at code[pc]: direct where the target is
 * known; returns the opcode and stores the rcp index in *idx */
static int emit_virtual(scan *s, lk_class *k, lk_method *res, int cpidx, int *idx)
{
    lk_ctx *L = s->L;
    lk_rc rc = {0};
    rc.desc = res->desc;
    lk_class *kk = (k->flags & JVM_CF_ARRAY) ? L->wk[JVM_WK_OBJECT] : k;
    if ((res->access & (CF_ACC_PRIVATE | CF_ACC_FINAL)) || (res->cls->flags & JVM_CF_FINAL) ||
        ((kk->flags & JVM_CF_FINAL) && !(kk->flags & JVM_CF_INTERFACE))) {
        lk_method *t = res;
        if (!(res->access & CF_ACC_PRIVATE) && (kk->flags & JVM_CF_FINAL)) {
            int v = vslot(L, kk, res->name, res->desc);
            if (v >= 0)
                t = kk->vtable[v];
        }
        reach(L, t, s->where);
        rc.kind = RC_METHOD;
        rc.p = t;
        *idx = cpidx >= 0 ? rc_set(L, s->c, cpidx, rc) : rc_append(L, s->c, &rc);
        return JVM_Q_INVOKEDIRECT;
    }
    int v = vslot(L, kk, res->name, res->desc);
    if (v < 0)
        REFUSE(s, "%s.%s%s: no vtable slot", k->name, res->name, res->desc);
    reach(L, res, s->where);
    sel_add(L, res->name, res->desc);
    rc.kind = RC_VIRT;
    rc.val = (uint32_t)v << 16 | (lk_arg_slots(res->desc) + 1);
    rc.p = res;
    *idx = cpidx >= 0 ? rc_set(L, s->c, cpidx, rc) : rc_append(L, s->c, &rc);
    return JVM_Q_INVOKEVIRTUAL;
}

/* ---- invokedynamic: StringConcatFactory.makeConcatWithConstants, synthesized */

typedef struct {
    uint8_t *code;
    uint32_t n, cap;
} cbuf;

static void cb_put(lk_ctx *L, cbuf *b, const uint8_t *p, uint32_t n)
{
    if (b->n + n > b->cap) {
        uint32_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->n + n)
            nc *= 2;
        uint8_t *q = lk_alloc(L, nc);
        if (b->n)
            memcpy(q, b->code, b->n);
        b->code = q;
        b->cap = nc;
    }
    memcpy(b->code + b->n, p, n);
    b->n += n;
}

static void cb_op16(lk_ctx *L, cbuf *b, int op, int idx)
{
    uint8_t x[3] = {(uint8_t)op, (uint8_t)(idx >> 8), (uint8_t)idx};
    cb_put(L, b, x, 3);
}

/* append(desc) on the StringBuilder on the stack */
static void cb_append(scan *s, cbuf *b, lk_class *sb, const char *desc)
{
    lk_method *m = resolve_in_class(s->L, sb, "append", desc);
    if (!m || (m->access & CF_ACC_STATIC))
        lk_fail(s->L, "%s: the class library's java/lang/StringBuilder has no append%s",
                s->where, desc);
    int idx;
    int op = emit_virtual(s, sb, m, -1, &idx);
    cb_op16(s->L, b, op, idx);
}

static void cb_string(scan *s, cbuf *b, lk_class *sb, const char *text)
{
    lk_rc rc = {0};
    rc.kind = RC_STRING;
    rc.val = (uint32_t)lk_intern(s->L, text);
    rc.desc = "L";
    cb_op16(s->L, b, 0x13, rc_append(s->L, s->c, &rc)); /* ldc_w */
    cb_append(s, b, sb, "(Ljava/lang/String;)Ljava/lang/StringBuilder;");
}

static lk_method *synth_concat(scan *s, unsigned cpidx)
{
    lk_ctx *L = s->L;
    lk_class *c = s->c;
    const cf_class *cf = c->cf;
    const cf_cp *e = &cf->cp[cpidx];
    const cf_bootstrap *bs = &cf->bootstrap[e->a];
    const cf_cp *mh = &cf->cp[bs->method_ref];
    const cf_cp *mr = &cf->cp[mh->b];
    const char *bcls = cf_class_name(cf, mr->a);
    const char *bname = cf_utf8(cf, cf->cp[mr->b].a);
    const char *desc = cf_utf8(cf, cf->cp[e->b].b);
    int with_consts = !strcmp(bname, "makeConcatWithConstants");
    if (strcmp(bcls, "java/lang/invoke/StringConcatFactory") ||
        !(with_consts || !strcmp(bname, "makeConcat")))
        REFUSE(s, "invokedynamic: %s.%s: lambdas, method references and other dynamic call "
               "sites are not supported", bcls, bname);
    if (lk_ret_kind(desc) != 2 || strcmp(strchr(desc, ')') + 1, "Ljava/lang/String;"))
        REFUSE(s, "invokedynamic: string concatenation of type %s", desc);
    if (desc_fp(desc))
        REFUSE(s, "string concatenation of a %s: %s is not supported", desc_fp(desc),
               desc_fp(desc));
    /* the recipe: \1 an argument, \2 the next constant, other characters themselves */
    const char *recipe = NULL;
    unsigned nargs = lk_arg_slots(desc);
    char *made = NULL;
    if (with_consts) {
        if (bs->nargs < 1 || cf->cp[bs->args[0]].tag != CF_STRING)
            REFUSE(s, "invokedynamic: makeConcatWithConstants without a recipe");
        recipe = cf_utf8(cf, cf->cp[bs->args[0]].a);
    } else {
        made = lk_alloc(L, nargs + 1);
        unsigned k = 0;
        for (const char *d = desc + 1; *d != ')'; d++) {
            made[k++] = '\1';
            while (*d == '[')
                d++;
            if (*d == 'L')
                d = strchr(d, ';');
        }
        made[k] = 0;
        recipe = made;
    }
    lk_class *sb = lk_load_class(L, "java/lang/StringBuilder", s->where);
    mark_init(L, sb, s->where);
    sb->instantiated = 1;
    cbuf b = {0};
    lk_rc rc = {0};
    rc.kind = RC_CLASS;
    rc.p = sb;
    rc.desc = "L";
    cb_op16(L, &b, might_uninit(c, sb) ? JVM_Q_NEW_C : JVM_Q_NEW, rc_append(L, c, &rc));
    cb_put(L, &b, (const uint8_t *)"\x59", 1); /* dup */
    lk_method *init = declared(sb, "<init>", "()V");
    if (!init)
        lk_fail(L, "%s: the class library's java/lang/StringBuilder has no <init>()V", s->where);
    reach(L, init, s->where);
    memset(&rc, 0, sizeof rc);
    rc.kind = RC_METHOD;
    rc.p = init;
    rc.desc = init->desc;
    cb_op16(L, &b, JVM_Q_INVOKEDIRECT, rc_append(L, c, &rc));
    const char *d = desc + 1; /* the next argument's descriptor */
    unsigned local = 0, nconst = 1;
    size_t rl = strlen(recipe);
    char *lit = lk_alloc(L, rl + 1);
    size_t nl = 0;
    for (const char *p = recipe;; p++) {
        if ((*p == 0 || *p == 1 || *p == 2) && nl) {
            lit[nl] = 0;
            cb_string(s, &b, sb, lit);
            nl = 0;
        }
        if (*p == 0)
            break;
        if (*p == 1) {
            if (*d == ')')
                REFUSE(s, "invokedynamic: the concatenation recipe has more arguments than %s",
                       desc);
            const char *app;
            uint8_t ld;
            switch (*d) {
            case 'I': case 'S': case 'B': app = "(I)"; ld = 0x15; break;
            case 'J': app = "(J)"; ld = 0x16; break;
            case 'C': app = "(C)"; ld = 0x15; break;
            case 'Z': app = "(Z)"; ld = 0x15; break;
            default:
                app = strncmp(d, "Ljava/lang/String;", 18) ? "(Ljava/lang/Object;)"
                                                            : "(Ljava/lang/String;)";
                ld = 0x19;
                break;
            }
            if (local > 255) {
                uint8_t x[4] = {0xc4, ld, (uint8_t)(local >> 8), (uint8_t)local};
                cb_put(L, &b, x, 4);
            } else {
                uint8_t x[2] = {ld, (uint8_t)local};
                cb_put(L, &b, x, 2);
            }
            local += *d == 'J' ? 2 : 1;
            while (*d == '[')
                d++;
            if (*d == 'L')
                d = strchr(d, ';');
            d++;
            char ad[64];
            snprintf(ad, sizeof ad, "%sLjava/lang/StringBuilder;", app);
            cb_append(s, &b, sb, ad);
        } else if (*p == 2) {
            if (nconst >= bs->nargs)
                REFUSE(s, "invokedynamic: the concatenation recipe has more constants than its "
                       "bootstrap arguments");
            const cf_cp *k = &cf->cp[bs->args[nconst++]];
            char num[32];
            if (k->tag == CF_STRING) {
                cb_string(s, &b, sb, cf_utf8(cf, k->a));
            } else if (k->tag == CF_INTEGER) {
                snprintf(num, sizeof num, "%d", (int32_t)k->lo);
                cb_string(s, &b, sb, num);
            } else if (k->tag == CF_LONG) {
                snprintf(num, sizeof num, "%lld", (long long)(int64_t)((uint64_t)k->hi << 32 | k->lo));
                cb_string(s, &b, sb, num);
            } else {
                REFUSE(s, "invokedynamic: a concatenation constant of tag %u is not supported",
                       k->tag);
            }
        } else {
            lit[nl++] = *p;
        }
    }
    if (*d != ')')
        REFUSE(s, "invokedynamic: the concatenation recipe has fewer arguments than %s", desc);
    lk_method *ts = resolve_in_class(L, sb, "toString", "()Ljava/lang/String;");
    if (!ts)
        lk_fail(L, "%s: the class library's java/lang/StringBuilder has no toString()", s->where);
    int idx;
    int op = emit_virtual(s, sb, ts, -1, &idx);
    cb_op16(L, &b, op, idx);
    cb_put(L, &b, (const uint8_t *)"\xb0", 1); /* areturn */
    if (b.n > 65535)
        REFUSE(s, "invokedynamic: the synthesized concatenation is too large");
    lk_method *m = lk_alloc(L, sizeof(lk_method));
    char name[32];
    snprintf(name, sizeof name, "concat$%d", c->nconcat++);
    m->cls = c;
    m->name = lk_strdup(L, name);
    m->desc = desc;
    m->access = CF_ACC_STATIC | CF_ACC_PRIVATE | CF_ACC_SYNTHETIC;
    m->code = b.code;
    m->code_len = b.n;
    m->max_locals = (uint16_t)nargs;
    m->arg_slots = (uint16_t)nargs;
    m->max_stack = 4;
    m->vindex = m->iindex = -1;
    m->native_id = -1;
    m->reached = m->scanned = 1;
    c->methods = grow(L, c->methods, &c->methods_cap, c->nmethods + 1, sizeof(lk_method *));
    c->methods[c->nmethods++] = m;
    return m;
}

static void scan_insn(scan *s, uint8_t *code, uint32_t pc)
{
    lk_ctx *L = s->L;
    lk_class *c = s->c;
    const cf_class *cf = c->cf;
    unsigned op = code[pc];
    unsigned i16 = (unsigned)code[pc + 1] << 8 | code[pc + 2];
    const char *fp = fp_op(op == 0xc4 ? code[pc + 1] : op);
    if (fp)
        REFUSE(s, "%s: %s is not supported", cf_opname(op == 0xc4 ? code[pc + 1] : op), fp);
    lk_rc rc = {0};
    switch (op) {
    case 0x12: case 0x13: case 0x14: { /* ldc, ldc_w, ldc2_w */
        unsigned i = op == 0x12 ? code[pc + 1] : i16;
        const cf_cp *e = &cf->cp[i];
        switch (e->tag) {
        case CF_INTEGER:
            rc.kind = RC_INT;
            rc.val = e->lo;
            rc.desc = "I";
            break;
        case CF_STRING:
            rc.kind = RC_STRING;
            rc.val = (uint32_t)lk_intern(L, cf_utf8(cf, e->a));
            rc.desc = "L";
            break;
        case CF_CLASS:
            rc.kind = RC_CLASS;
            rc.p = cp_class(s, i);
            rc.desc = "L";
            break;
        case CF_LONG:
            rc.kind = RC_INT;
            rc.val = e->lo;
            rc.desc = "J";
            rc_set(L, c, (int)i, rc);
            rc.val = e->hi;
            rc.hi = 1;
            rc_set(L, c, (int)i + 1, rc);
            return;
        case CF_FLOAT:
            REFUSE(s, "%s: float is not supported", cf_opname(op));
        case CF_DOUBLE:
            REFUSE(s, "%s: double is not supported", cf_opname(op));
        default:
            REFUSE(s, "%s: a constant of tag %u (dynamic constants, method handles and types) "
                   "is not supported", cf_opname(op), e->tag);
        }
        /* one resolution per entry (anewarray, which shares Class entries, appends its own) */
        if (rc_set(L, c, (int)i, rc) != (int)i)
            REFUSE(s, "%s: internal error: constant %u resolved two ways", cf_opname(op), i);
        return;
    }
    case 0xb2: case 0xb3: case 0xb4: case 0xb5: { /* get/putstatic, get/putfield */
        lk_class *k;
        const char *name, *desc;
        cp_member(s, i16, &k, &name, &desc);
        lk_field *f = lk_lookup_field(k, name, desc);
        if (!f)
            REFUSE(s, "%s.%s %s: field not found", k->name, name, desc);
        if (desc_fp(desc))
            REFUSE(s, "%s: %s is not supported", cf_opname(op), desc_fp(desc));
        int stat = op <= 0xb3;
        if (stat != !!(f->access & CF_ACC_STATIC))
            REFUSE(s, "%s of %s field %s.%s (IncompatibleClassChangeError)", cf_opname(op),
                   stat ? "an instance" : "a static", f->cls->name, name);
        int wide = desc[0] == 'J';
        rc.desc = f->desc;
        rc.p = f;
        int q;
        if (stat) {
            int chk = might_uninit(c, f->cls);
            mark_init(L, f->cls, s->where);
            rc.kind = chk ? RC_SFIELD : RC_SADDR;
            q = (chk ? JVM_Q_GETSTATIC_W_C : JVM_Q_GETSTATIC_W) + (op == 0xb3 ? 2 : 0) + wide;
        } else {
            rc.kind = RC_FOFF;
            q = JVM_Q_GETFIELD_W + (op == 0xb5 ? 2 : 0) + wide;
        }
        code[pc] = (uint8_t)q;
        put16(code + pc + 1, rc_set(L, c, (int)i16, rc));
        return;
    }
    case 0xb6: case 0xb7: case 0xb8: case 0xb9: { /* invoke* */
        lk_class *k;
        const char *name, *desc;
        cp_member(s, i16, &k, &name, &desc);
        int itf_ref = cf->cp[i16].tag == CF_IMETHODREF;
        if (itf_ref != !!(k->flags & JVM_CF_INTERFACE))
            REFUSE(s, "%s: %s.%s%s: %s (IncompatibleClassChangeError)", cf_opname(op), k->name,
                   name, desc, itf_ref ? "not an interface" : "an interface");
        lk_method *res = itf_ref ? resolve_in_iface(L, k, name, desc)
                                 : resolve_in_class(L, k, name, desc);
        if (!res)
            REFUSE(s, "%s.%s%s: method not found", k->name, name, desc);
        if (desc_fp(desc))
            REFUSE(s, "%s: %s.%s%s: %s is not supported", cf_opname(op), k->name, name, desc,
                   desc_fp(desc));
        int stat = op == 0xb8;
        if (stat != !!(res->access & CF_ACC_STATIC))
            REFUSE(s, "%s of %s method %s.%s%s (IncompatibleClassChangeError)", cf_opname(op),
                   stat ? "an instance" : "a static", res->cls->name, name, desc);
        if (name[0] == '<' && (op != 0xb7 || strcmp(name, "<init>")))
            REFUSE(s, "%s of %s", cf_opname(op), name);
        int idx, q;
        rc.desc = res->desc;
        if (op == 0xb8) {
            int chk = might_uninit(c, res->cls);
            mark_init(L, res->cls, s->where);
            reach(L, res, s->where);
            rc.kind = RC_METHOD;
            rc.p = res;
            idx = rc_set(L, c, (int)i16, rc);
            q = chk ? JVM_Q_INVOKESTATIC_C : JVM_Q_INVOKESTATIC;
        } else if (op == 0xb7) {
            lk_method *t = res;
            if (strcmp(name, "<init>") && !(res->access & CF_ACC_PRIVATE) &&
                !(k->flags & JVM_CF_INTERFACE) && k != c && lk_is_subclass(c, k) &&
                !(c->flags & JVM_CF_INTERFACE)) {
                /* invokespecial's selection (JVMS 6.5): from the current class's superclass */
                t = resolve_in_class(L, c->super, name, desc);
                if (!t)
                    REFUSE(s, "%s.%s%s: method not found", c->super->name, name, desc);
            }
            if (!strcmp(name, "<init>") && res->cls != k)
                REFUSE(s, "%s.%s%s: method not found", k->name, name, desc);
            reach(L, t, s->where);
            rc.kind = RC_METHOD;
            rc.p = t;
            idx = rc_set(L, c, (int)i16, rc);
            q = JVM_Q_INVOKEDIRECT;
        } else if (op == 0xb6 || res->cls == L->wk[JVM_WK_OBJECT] ||
                   (res->access & CF_ACC_PRIVATE)) {
            q = emit_virtual(s, op == 0xb6 ? k : L->wk[JVM_WK_OBJECT], res, (int)i16, &idx);
            if (op == 0xb9)
                code[pc + 3] = code[pc + 4] = 0; /* nop nop */
        } else {
            if (res->iindex < 0)
                REFUSE(s, "%s.%s%s: not an interface method", res->cls->name, name, desc);
            reach(L, res, s->where);
            sel_add(L, name, desc);
            rc.kind = RC_IMETHOD;
            rc.p = res;
            idx = rc_set(L, c, (int)i16, rc);
            q = JVM_Q_INVOKEINTERFACE;
        }
        code[pc] = (uint8_t)q;
        put16(code + pc + 1, idx);
        return;
    }
    case 0xba: { /* invokedynamic */
        lk_method *m = NULL;
        lk_rc *old = &c->rcp[i16];
        if (old->kind == RC_METHOD)
            m = old->p;
        else
            m = synth_concat(s, i16);
        rc.kind = RC_METHOD;
        rc.p = m;
        rc.desc = m->desc;
        code[pc] = JVM_Q_INVOKESTATIC;
        put16(code + pc + 1, rc_set(L, c, (int)i16, rc));
        code[pc + 3] = code[pc + 4] = 0;
        return;
    }
    case 0xbb: { /* new */
        lk_class *k = cp_class(s, i16);
        if (k->flags & (JVM_CF_ABSTRACT | JVM_CF_INTERFACE | JVM_CF_ARRAY))
            REFUSE(s, "new of %s %s (InstantiationError)",
                   (k->flags & JVM_CF_INTERFACE) ? "an interface" : "an abstract class", k->name);
        int chk = might_uninit(c, k);
        mark_init(L, k, s->where);
        k->instantiated = 1;
        rc.kind = RC_CLASS;
        rc.p = k;
        rc.desc = "L";
        code[pc] = chk ? JVM_Q_NEW_C : JVM_Q_NEW;
        put16(code + pc + 1, rc_set(L, c, (int)i16, rc));
        return;
    }
    case 0xbc: /* newarray */
        if (code[pc + 1] == JVM_T_FLOAT || code[pc + 1] == JVM_T_DOUBLE)
            REFUSE(s, "newarray: %s is not supported",
                   code[pc + 1] == JVM_T_FLOAT ? "float" : "double");
        return;
    case 0xbd: case 0xc0: case 0xc1: case 0xc5: { /* anewarray, checkcast, instanceof, multi */
        lk_class *k;
        if (op == 0xbd) {
            const char *n = cf_class_name(cf, i16);
            size_t len = strlen(n);
            char *an = lk_alloc(L, len + 4);
            if (n[0] == '[')
                snprintf(an, len + 4, "[%s", n);
            else
                snprintf(an, len + 4, "[L%s;", n);
            k = lk_array_class(L, an, s->where);
        } else {
            k = cp_class(s, i16);
            if (op == 0xc5 && (!(k->flags & JVM_CF_ARRAY) || (int)code[pc + 3] > k->dims))
                REFUSE(s, "multianewarray of %u dimensions of %s", code[pc + 3], k->name);
        }
        rc.kind = RC_CLASS;
        rc.p = k;
        rc.desc = "L";
        /* anewarray's entry names the component class, and ldc, checkcast and instanceof of
         * that class share it: the array class gets an entry of its own */
        put16(code + pc + 1, op == 0xbd ? rc_append(L, c, &rc) : rc_set(L, c, (int)i16, rc));
        return;
    }
    default:
        return;
    }
}

static void scan_method(lk_ctx *L, lk_method *m)
{
    m->scanned = 1;
    if (!m->cf || !m->cf->code)
        return;
    scan s = {L, m, m->cls, 0, ""};
    m->code = lk_alloc(L, m->cf->code_len);
    memcpy(m->code, m->cf->code, m->cf->code_len);
    /* float or double: name the first operation on them (before the loads, stores and
     * returns that only move them) */
    for (int moves = 0; moves < 2; moves++)
        for (uint32_t pc = 0; pc < m->code_len; pc += cf_insn_len(m->code, m->code_len, pc)) {
            unsigned op = m->code[pc] == 0xc4 ? m->code[pc + 1] : m->code[pc];
            int move = (op >= 0x17 && op <= 0x18) || (op >= 0x22 && op <= 0x29) ||
                       (op >= 0x38 && op <= 0x39) || (op >= 0x43 && op <= 0x4a) ||
                       op == 0xae || op == 0xaf;
            if (fp_op(op) && move == moves) {
                s.pc = pc;
                set_where(&s);
                REFUSE(&s, "%s: %s is not supported", cf_opname(op), fp_op(op));
            }
        }
    for (uint32_t pc = 0; pc < m->code_len;) {
        uint32_t len = cf_insn_len(m->cf->code, m->code_len, pc);
        s.pc = pc;
        set_where(&s);
        scan_insn(&s, m->code, pc);
        pc += len;
    }
    /* the catch types are loaded (and are classes the firmware compares with) */
    for (unsigned i = 0; i < m->cf->nhandlers; i++)
        if (m->cf->handlers[i].catch_type) {
            s.pc = m->cf->handlers[i].handler_pc;
            set_where(&s);
            cp_class(&s, m->cf->handlers[i].catch_type);
        }
}

/* may a receiver of class c (or a subclass or implementation) exist? */
static int inst_below(lk_ctx *L, const lk_class *c)
{
    for (int i = 0; i < L->nclasses; i++) {
        const lk_class *d = L->classes[i];
        if (d->instantiated &&
            ((c->flags & JVM_CF_INTERFACE) ? implements(d, c) : lk_is_subclass(d, c)))
            return 1;
    }
    return 0;
}

/* every override of a called selector, in every loaded class some object of which may exist
 * (rapid type analysis): 1 if any was new */
static int reach_overrides(lk_ctx *L)
{
    int any = 0;
    for (int i = 0; i < L->nclasses; i++) {
        lk_class *c = L->classes[i];
        int below = -1;
        for (int j = 0; j < c->nmethods; j++) {
            lk_method *m = c->methods[j];
            if (m->reached || (m->access & (CF_ACC_STATIC | CF_ACC_PRIVATE)) || m->name[0] == '<')
                continue;
            if (sel_has(L, m->name, m->desc)) {
                if (below < 0)
                    below = inst_below(L, c);
                if (!below)
                    break;
                reach(L, m, NULL);
                any = 1;
            }
        }
    }
    return any;
}

/* ---------------------------------------------------------------- compacting the rcp */

/* does the instruction carry an rcp index? 1: 8-bit (ldc), 2: 16-bit, 3: 16-bit, two words */
static int rcp_operand(unsigned op)
{
    if (op == 0x12)
        return 1;
    if (op == 0x14)
        return 3;
    if (op == 0x13 || op == 0xbd || op == 0xc0 || op == 0xc1 || op == 0xc5 ||
        (op >= JVM_Q_FIRST && op <= JVM_Q_LAST))
        return 2;
    return 0;
}

/* Renumbers a class's rcp to hold only the entries its reached code uses (ldc's 8-bit ones
 * first), rewriting the indices in the code: a class whose code is not reached has none. */
static void compact_rcp(lk_ctx *L, lk_class *c)
{
    int *map = lk_alloc(L, sizeof(int) * ((size_t)c->nrcp + 1));
    for (int i = 0; i < c->nrcp; i++)
        map[i] = -1;
    int n = 0;
    for (int pass = 1; pass <= 2; pass++)
        for (int k = 0; k < c->nmethods; k++) {
            lk_method *m = c->methods[k];
            if (!m->reached || !m->code)
                continue;
            for (uint32_t pc = 0; pc < m->code_len; pc += lk_insn_len(m->code, m->code_len, pc)) {
                int kind = rcp_operand(m->code[pc]);
                if (!kind || (kind == 1) != (pass == 1))
                    continue;
                int i = kind == 1 ? m->code[pc + 1] : (m->code[pc + 1] << 8 | m->code[pc + 2]);
                if (map[i] < 0) {
                    map[i] = n++;
                    if (kind == 3)
                        map[i + 1] = n++;
                }
            }
        }
    if (n > 65535)
        lk_fail(L, "%s: more than 65535 resolved constants", c->name);
    lk_rc *nr = lk_alloc(L, sizeof(lk_rc) * ((size_t)n + 1));
    for (int i = 0; i < c->nrcp; i++)
        if (map[i] >= 0)
            nr[map[i]] = c->rcp[i];
    for (int k = 0; k < c->nmethods; k++) {
        lk_method *m = c->methods[k];
        if (!m->reached || !m->code)
            continue;
        for (uint32_t pc = 0; pc < m->code_len; pc += lk_insn_len(m->code, m->code_len, pc)) {
            int kind = rcp_operand(m->code[pc]);
            if (kind == 1)
                m->code[pc + 1] = (uint8_t)map[m->code[pc + 1]];
            else if (kind)
                put16(m->code + pc + 1, map[m->code[pc + 1] << 8 | m->code[pc + 2]]);
        }
    }
    c->rcp = nr;
    c->nrcp = n;
    c->rcp_cap = n + 1;
}

/* After the GC maps (which read the fields' descriptors from the rcp): the instance field
 * instructions' operands become the field's byte offset itself (jvm/image.h), one load less. */
static void field_operands(lk_ctx *L, lk_method *m)
{
    for (uint32_t pc = 0; pc < m->code_len; pc += lk_insn_len(m->code, m->code_len, pc)) {
        unsigned op = m->code[pc];
        if (op < JVM_Q_GETFIELD_W || op > JVM_Q_PUTFIELD_L)
            continue;
        const lk_rc *rc = &m->cls->rcp[m->code[pc + 1] << 8 | m->code[pc + 2]];
        const lk_field *f = rc->p;
        if (rc->kind != RC_FOFF || !f)
            lk_fail(L, "%s.%s: internal error: a field instruction without its field", m->cls->name,
                    m->name);
        if (f->off > 0xffff)
            lk_fail(L, "%s.%s: field %s.%s is beyond byte 65535 of its object", m->cls->name,
                    m->name, f->cls->name, f->name);
        put16(m->code + pc + 1, (int)f->off);
    }
}

/* ---------------------------------------------------------------- the driver */

static void need_field(lk_ctx *L, lk_class *c, const char *name, const char *desc)
{
    for (int i = 0; i < c->nfields; i++)
        if (!strcmp(c->fields[i].name, name) && !strcmp(c->fields[i].desc, desc) &&
            !(c->fields[i].access & CF_ACC_STATIC))
            return;
    lk_fail(L, "the class library's %s has no instance field %s %s (%s)", c->name, name, desc,
            L->o->libdir ? L->o->libdir : "no --lib");
}

static void free_ctx(lk_ctx *L)
{
    for (int i = 0; L->jars && i < L->o->ncp; i++)
        jvm_jar_close(L->jars[i]);
    for (int i = 0; i < L->nclasses; i++)
        cf_free(L->classes[i]->cf);
    lk_chunk *c = ((lk_ctx_arena *)L)->chunks;
    while (c) {
        lk_chunk *n = c->next;
        free(c);
        c = n;
    }
    free(L);
}

int jvm_link(const jvm_link_opts *o, jvm_image_buf *out, char *err, size_t errlen)
{
    return jvm_link_sized(o, out, err, errlen, NULL);
}

int jvm_link_sized(const jvm_link_opts *o, jvm_image_buf *out, char *err, size_t errlen,
                   uint32_t *sizes)
{
    out->bytes = NULL;
    out->size = 0;
    lk_ctx_arena *A = calloc(1, sizeof *A);
    if (!A) {
        snprintf(err, errlen, "out of memory");
        return JVM_LINK_REFUSED;
    }
    lk_ctx *volatile L = &A->ctx;
    L->o = o;
    L->err = err;
    L->errlen = errlen;
    if (setjmp(L->fail)) {
        free(L->imgbuf);
        free(out->bytes);
        out->bytes = NULL;
        out->size = 0;
        free_ctx(L);
        return JVM_LINK_REFUSED;
    }
    /* the class path's .jar files, opened once */
    L->jars = lk_alloc(L, sizeof(jvm_jar *) * ((size_t)o->ncp + 1));
    for (int i = 0; i < o->ncp; i++)
        if (is_jar(o->classpath[i])) {
            char msg[1024];
            L->jars[i] = jvm_jar_open(o->classpath[i], msg, sizeof msg);
            if (!L->jars[i])
                lk_fail(L, "%s", msg);
        }
    /* the library's well-known classes */
    static const char *const wk_names[] = {
#define JVM_WK_NAME(id, name) name,
        JVM_WK_LIST(JVM_WK_NAME)
#undef JVM_WK_NAME
    };
    char where[300];
    snprintf(where, sizeof where, "the class library (%s)", o->libdir ? o->libdir : "no --lib");
    for (int i = 0; i < JVM_WK_COUNT; i++) {
        L->wk[i] = lk_load_class(L, wk_names[i], where);
        /* objects the firmware makes (the exceptions it throws, strings, classes, arrays) */
        if (!(L->wk[i]->flags & JVM_CF_ABSTRACT))
            L->wk[i]->instantiated = 1;
    }
    /* the firmware may initialize any of them (it makes their objects): their <clinit>s */
    for (int i = 0; i < JVM_WK_COUNT; i++)
        mark_init(L, L->wk[i], where);
    static const char prim[] = "ZCFDBSIJ";
    for (int i = 0; i < 8; i++)
        if (prim[i] != 'F' && prim[i] != 'D') {
            char n[3] = {'[', prim[i], 0};
            lk_array_class(L, n, where);
        }
    lk_class *str = L->wk[JVM_WK_STRING], *thr = L->wk[JVM_WK_THROWABLE];
    need_field(L, str, "value", "[C");
    need_field(L, str, "hash", "I");
    need_field(L, thr, "detailMessage", "Ljava/lang/String;");
    need_field(L, thr, "cause", "Ljava/lang/Throwable;");
    need_field(L, thr, "backtrace", "[I");
    if (L->wk[JVM_WK_CLASS]->inst_bytes != JVM_OBJ_FIELDS)
        lk_fail(L, "the class library's java/lang/Class has instance fields (a class's fields are "
                "jvm_class's)");
    lk_class *vm = lk_load_class(L, "java/lang/VM", where);
    L->uncaught = declared(vm, "uncaught", "(Ljava/lang/Throwable;)V");
    if (!L->uncaught || !(L->uncaught->access & CF_ACC_STATIC))
        lk_fail(L, "the class library's java/lang/VM has no static uncaught(Ljava/lang/Throwable;)V");
    mark_init(L, vm, where);
    reach(L, L->uncaught, where);
    lk_array_class(L, "[Ljava/lang/String;", where);
    /* the program */
    char *mn = lk_strdup(L, o->main_class);
    for (char *p = mn; *p; p++)
        if (*p == '.')
            *p = '/';
    L->main_class = lk_load_class(L, mn, NULL);
    L->main_method = declared(L->main_class, "main", "([Ljava/lang/String;)V");
    if (!L->main_method || !(L->main_method->access & CF_ACC_STATIC))
        lk_fail(L, "%s: no method public static void main(String[])", o->main_class);
    mark_init(L, L->main_class, NULL);
    reach(L, L->main_method, NULL);
    do {
        while (L->nwork) {
            lk_method *m = L->work[--L->nwork];
            if (!m->scanned)
                scan_method(L, m);
        }
    } while (reach_overrides(L));
    for (int i = 0; i < L->nclasses; i++)
        compact_rcp(L, L->classes[i]);
    for (int i = 0; i < L->nclasses; i++)
        for (int j = 0; j < L->classes[i]->nmethods; j++) {
            lk_method *m = L->classes[i]->methods[j];
            if (m->reached && m->code) {
                lk_gcmaps(L, m);
                field_operands(L, m);
                lk_fuse(L, m);
            }
        }
    lk_write_image(L, out);
    L->imgbuf = NULL; /* out owns it */
    if (sizes)
        memcpy(sizes, L->sizes, sizeof L->sizes);
    if (o->window_bytes && (uint64_t)out->size + 4096 > o->window_bytes)
        lk_fail(L, "%s: the image takes %u bytes of the guest window's %u: no room for the heap "
                "and the stack", o->main_class, out->size, o->window_bytes);
    free_ctx(L);
    return 0;
}

void jvm_image_free(jvm_image_buf *img)
{
    free(img->bytes);
    img->bytes = NULL;
    img->size = 0;
}

/* a .jar: the class path is the jar, the main class its manifest's Main-Class */
static int main_from_jar(const char *path, char *cpdir, size_t cplen, char *main, size_t mlen,
                         char *err, size_t errlen)
{
    jvm_jar *j = jvm_jar_open(path, err, errlen);
    if (!j)
        return JVM_LINK_REFUSED;
    uint8_t *b = NULL;
    size_t n = 0;
    int rc = jvm_jar_read(j, "META-INF/MANIFEST.MF", &b, &n, err, errlen);
    jvm_jar_close(j);
    if (rc < 0)
        return JVM_LINK_REFUSED;
    const char *key = "Main-Class:";
    size_t kl = strlen(key);
    for (size_t i = 0; rc == 1 && i + kl <= n; i++) {
        if ((i == 0 || b[i - 1] == '\n') && !memcmp(b + i, key, kl)) {
            size_t s = i + kl, e;
            while (s < n && b[s] == ' ')
                s++;
            for (e = s; e < n && b[e] != '\r' && b[e] != '\n'; e++)
                ;
            if (e > s && e - s < mlen) {
                memcpy(main, b + s, e - s);
                main[e - s] = 0;
                for (char *p = main; *p; p++)
                    if (*p == '.')
                        *p = '/';
                snprintf(cpdir, cplen, "%s", path);
                free(b);
                return 0;
            }
        }
    }
    free(b);
    snprintf(err, errlen, "%s: no Main-Class in META-INF/MANIFEST.MF", path);
    return JVM_LINK_REFUSED;
}

int jvm_main_from_file(const char *path, char *cpdir, size_t cplen, char *main, size_t mlen,
                       char *err, size_t errlen)
{
    if (is_jar(path))
        return main_from_jar(path, cpdir, cplen, main, mlen, err, errlen);
    cf_class *c = cf_load(path, err, errlen);
    if (!c)
        return JVM_LINK_REFUSED;
    /* the folder: path minus "/pkg/Name.class" */
    const char *name = c->this_name;
    size_t pl = strlen(path), nl = strlen(name);
    int ok = pl >= nl + 6 && !strcmp(path + pl - 6, ".class") &&
             !strncmp(path + pl - 6 - nl, name, nl) &&
             (pl == nl + 6 || path[pl - 7 - nl] == '/');
    if (!ok) {
        snprintf(err, errlen, "%s: holds class %s, which belongs at <folder>/%s.class", path, name,
                 name);
        cf_free(c);
        return JVM_LINK_REFUSED;
    }
    size_t dl = pl - 6 - nl;
    if (dl == 0)
        snprintf(cpdir, cplen, ".");
    else if (dl == 1)
        snprintf(cpdir, cplen, "/");
    else
        snprintf(cpdir, cplen, "%.*s", (int)(dl - 1), path);
    snprintf(main, mlen, "%s", name);
    cf_free(c);
    return 0;
}

/* ---------------------------------------------------------------- layout of a class */

static int has_iface(lk_class **v, int n, const lk_class *c)
{
    for (int i = 0; i < n; i++)
        if (v[i] == c)
            return 1;
    return 0;
}

static int virtual_method(const lk_method *m)
{
    return !(m->access & (CF_ACC_STATIC | CF_ACC_PRIVATE)) && m->name[0] != '<';
}

/* instance fields (superclass first, one word each, two for long), the interfaces, the vtable
 * (the superclass's, overrides in its slots, then new methods, then interface methods the class
 * does not declare: default or abstract), an interface's itable order */
void lk_layout_class(lk_ctx *L, lk_class *c)
{
    /* every interface, inherited ones included */
    int cap = 8, n = 0;
    lk_class **all = lk_alloc(L, sizeof(lk_class *) * (size_t)cap);
    if (c->super)
        for (int i = 0; i < c->super->nall_ifaces; i++) {
            all = grow(L, all, &cap, n + 1, sizeof(lk_class *));
            all[n++] = c->super->all_ifaces[i];
        }
    for (int i = 0; i < c->nifaces; i++) {
        lk_class *ic = c->ifaces[i];
        for (int j = -1; j < ic->nall_ifaces; j++) {
            lk_class *x = j < 0 ? ic : ic->all_ifaces[j];
            if (!has_iface(all, n, x)) {
                all = grow(L, all, &cap, n + 1, sizeof(lk_class *));
                all[n++] = x;
            }
        }
    }
    c->all_ifaces = all;
    c->nall_ifaces = n;
    if (c->flags & JVM_CF_ARRAY) {
        lk_class *obj = c->super;
        c->vtable = obj->vtable;
        c->vtable_len = obj->vtable_len;
        c->laid_out = 1;
        return;
    }
    uint32_t off = c->super ? c->super->inst_bytes : JVM_OBJ_FIELDS;
    for (int i = 0; i < c->nfields; i++) {
        lk_field *f = &c->fields[i];
        if (f->access & CF_ACC_STATIC)
            continue;
        f->off = off;
        off += (f->desc[0] == 'J' || f->desc[0] == 'D') ? 8 : 4;
    }
    c->inst_bytes = off;
    if (c->flags & JVM_CF_INTERFACE) {
        c->itable = lk_alloc(L, sizeof(lk_method *) * ((size_t)c->nmethods + 1));
        for (int i = 0; i < c->nmethods; i++)
            if (virtual_method(c->methods[i])) {
                c->methods[i]->iindex = c->itable_len;
                c->itable[c->itable_len++] = c->methods[i];
            }
        c->laid_out = 1;
        return;
    }
    int vcap = (c->super ? c->super->vtable_len : 0) + c->nmethods + 8, vn = 0;
    lk_method **vt = lk_alloc(L, sizeof(lk_method *) * (size_t)vcap);
    if (c->super) {
        memcpy(vt, c->super->vtable, sizeof(lk_method *) * (size_t)c->super->vtable_len);
        vn = c->super->vtable_len;
    }
    for (int i = 0; i < c->nmethods; i++) {
        lk_method *m = c->methods[i];
        if (!virtual_method(m))
            continue;
        int slot = -1;
        for (int k = 0; k < vn && slot < 0; k++)
            if (!strcmp(vt[k]->name, m->name) && !strcmp(vt[k]->desc, m->desc))
                slot = k;
        if (slot < 0) {
            vt = grow(L, vt, &vcap, vn + 1, sizeof(lk_method *));
            slot = vn++;
        }
        vt[slot] = m;
        m->vindex = slot;
    }
    /* slots of interface methods: the most specific default now; new ones for the rest */
    for (int k = 0; k < vn; k++)
        if (vt[k]->cls->flags & JVM_CF_INTERFACE) {
            lk_method *t = iface_method(c, vt[k]->name, vt[k]->desc);
            if (t)
                vt[k] = t;
        }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < all[i]->itable_len; j++) {
            lk_method *im = all[i]->itable[j];
            int found = 0;
            for (int k = 0; k < vn && !found; k++)
                found = !strcmp(vt[k]->name, im->name) && !strcmp(vt[k]->desc, im->desc);
            if (!found) {
                lk_method *t = iface_method(c, im->name, im->desc);
                vt = grow(L, vt, &vcap, vn + 1, sizeof(lk_method *));
                vt[vn++] = t ? t : im;
            }
        }
    if (vn > 0xfffe)
        lk_fail(L, "%s: more than 65534 virtual methods", c->name);
    c->vtable = vt;
    c->vtable_len = vn;
    c->laid_out = 1;
}
