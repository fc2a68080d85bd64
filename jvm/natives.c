/* natives.c -- the class library's native methods (jvm/natives.def), for the interpreter.
 *
 * jvm_native(vm, id, args, ret): args are the method's argument slots on the caller's operand
 * stack (the receiver first); the caller's frame is at the invoke with its pc saved, so the
 * slots are roots: a native that allocates reads its arguments again afterwards.
 */
#include "interp.h"

#define WORD(r) (*(uint32_t *)(win + (r)))

/* arraycopy's name of an array class: "int", or "object array" */
static void n_arrkind(jvm_vm *vm, jvm_msg *m, uint32_t cls)
{
    static const char *const prim[] = {"boolean", "char", "float", "double", "byte", "short",
                                       "int", "long"};
    uint32_t t = jvm_cls(vm, cls)->elem_type;
    jvm_msg_str(m, t >= JVM_T_BOOLEAN && t <= JVM_T_LONG ? prim[t - JVM_T_BOOLEAN] : "object array");
}

static int throw_msg(jvm_vm *vm, unsigned wk, const char *msg)
{
    jvm_make_exc(vm, wk, msg);
    return vm->done ? 2 : 1;
}

static uint32_t identity_hash(jvm_vm *vm, uint32_t r)
{
    uint32_t *o = jvm_w(vm, r);
    if (!o[1]) {
        uint32_t x = vm->hash_seed;
        do {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
        } while ((x & 0x7fffffff) == 0);
        vm->hash_seed = x;
        o[1] = x & 0x7fffffff;
    }
    return o[1];
}

static uint32_t obj_bytes(jvm_vm *vm, uint32_t r)
{
    const jvm_class *k = jvm_cls(vm, jvm_w(vm, r)[0]);
    if (!(k->flags & JVM_CF_ARRAY))
        return k->inst_bytes;
    return (JVM_ARR_DATA + jvm_w(vm, r)[JVM_ARR_LENGTH / 4] * k->inst_bytes + 3) & ~3u;
}

static int clone(jvm_vm *vm, uint32_t *a, uint32_t *ret)
{
    uint32_t r = a[0], c = jvm_w(vm, r)[0];
    const jvm_class *k = jvm_cls(vm, c);
    if (!(k->flags & JVM_CF_ARRAY) && !jvm_assignable(vm, c, vm->hdr->wk[JVM_WK_CLONEABLE])) {
        char mb[256];
        jvm_msg m = {mb, 0, sizeof mb};
        jvm_msg_class(vm, &m, c);
        return throw_msg(vm, JVM_WK_CLONE_NOT_SUPPORTED, m.b);
    }
    uint32_t n = obj_bytes(vm, r);
    uint32_t o = jvm_alloc(vm, c, n, 0);
    if (!o)
        return throw_msg(vm, JVM_WK_OOM, "Java heap space");
    r = a[0]; /* it may have moved */
    jvm_memcpy(vm->win + o + 8, vm->win + r + 8, n - 8);
    *ret = o;
    return 0;
}

/* memmove of n bytes inside the window (an array copied onto itself may overlap): by words,
 * halves or bytes, as the addresses and length allow (arraycopy is most of a string-building
 * program's time) */
#define MOVE(T, d_, s_, n_) do { \
        T *dt = (T *)(d_); \
        const T *st = (const T *)(s_); \
        uint32_t k = (n_) / sizeof(T); \
        if (dt < st) \
            for (uint32_t i = 0; i < k; i++) \
                dt[i] = st[i]; \
        else \
            while (k--) \
                dt[k] = st[k]; \
    } while (0)

static void move_bytes(uint8_t *d, const uint8_t *s, uint32_t n)
{
    uintptr_t a = (uintptr_t)d | (uintptr_t)s | n;
    if ((a & 3) == 0)
        MOVE(uint32_t, d, s, n);
    else if ((a & 1) == 0)
        MOVE(uint16_t, d, s, n);
    else
        MOVE(uint8_t, d, s, n);
}

static int arraycopy(jvm_vm *vm, uint32_t *a)
{
    uint8_t *win = vm->win;
    uint32_t src = a[0], dst = a[2];
    int32_t sp = (int32_t)a[1], dp = (int32_t)a[3], len = (int32_t)a[4];
    char mb[256];
    jvm_msg m = {mb, 0, sizeof mb};
    if (!src || !dst)
        return throw_msg(vm, JVM_WK_NPE, 0);
    uint32_t sc = WORD(src), dc = WORD(dst);
    const jvm_class *sk = jvm_cls(vm, sc), *dk = jvm_cls(vm, dc);
    if (!(sk->flags & JVM_CF_ARRAY) || !(dk->flags & JVM_CF_ARRAY)) {
        int s_bad = !(sk->flags & JVM_CF_ARRAY);
        jvm_msg_str(&m, s_bad ? "arraycopy: source type " : "arraycopy: destination type ");
        jvm_msg_class(vm, &m, s_bad ? sc : dc);
        jvm_msg_str(&m, " is not an array");
        return throw_msg(vm, JVM_WK_ARRAY_STORE, m.b);
    }
    int sprim = sk->elem_type != JVM_T_REF, dprim = dk->elem_type != JVM_T_REF;
    if ((sprim || dprim) && sc != dc) {
        jvm_msg_str(&m, "arraycopy: type mismatch: can not copy ");
        n_arrkind(vm, &m, sc);
        jvm_msg_str(&m, "[] into ");
        n_arrkind(vm, &m, dc);
        jvm_msg_str(&m, "[]");
        return throw_msg(vm, JVM_WK_ARRAY_STORE, m.b);
    }
    int32_t slen = (int32_t)WORD(src + JVM_ARR_LENGTH), dlen = (int32_t)WORD(dst + JVM_ARR_LENGTH);
    const char *what = 0;
    int64_t idx = 0;
    uint32_t on = sc;
    int32_t onlen = slen;
    if (sp < 0) {
        what = "arraycopy: source index ";
        idx = sp;
    } else if (dp < 0) {
        what = "arraycopy: destination index ";
        idx = dp;
        on = dc;
        onlen = dlen;
    } else if (len < 0) {
        jvm_msg_str(&m, "arraycopy: length ");
        jvm_msg_int(&m, len);
        jvm_msg_str(&m, " is negative");
        return throw_msg(vm, JVM_WK_AIOOBE, m.b);
    } else if ((int64_t)sp + len > slen) {
        what = "arraycopy: last source index ";
        idx = (int64_t)sp + len;
    } else if ((int64_t)dp + len > dlen) {
        what = "arraycopy: last destination index ";
        idx = (int64_t)dp + len;
        on = dc;
        onlen = dlen;
    }
    if (what) {
        jvm_msg_str(&m, what);
        jvm_msg_int(&m, idx);
        jvm_msg_str(&m, " out of bounds for ");
        n_arrkind(vm, &m, on);
        jvm_msg_str(&m, "[");
        jvm_msg_int(&m, onlen);
        jvm_msg_str(&m, "]");
        return throw_msg(vm, JVM_WK_AIOOBE, m.b);
    }
    if (len == 0)
        return 0;
    uint32_t es = sk->inst_bytes;
    uint8_t *s = win + src + JVM_ARR_DATA + (uint32_t)sp * es;
    uint8_t *d = win + dst + JVM_ARR_DATA + (uint32_t)dp * es;
    if (sprim || sc == dc || jvm_assignable(vm, sk->elem_class, dk->elem_class)) {
        move_bytes(d, s, (uint32_t)len * es);
        return 0;
    }
    /* element by element, checking each store (different arrays: no overlap) */
    uint32_t *sw = (uint32_t *)s, *dw = (uint32_t *)d;
    for (int32_t i = 0; i < len; i++) {
        uint32_t v = sw[i];
        if (v && !jvm_assignable(vm, WORD(v), dk->elem_class)) {
            /* java's two messages: the element types unrelated, or one element */
            if (!jvm_assignable(vm, dk->elem_class, sk->elem_class)) {
                jvm_msg_str(&m, "arraycopy: type mismatch: can not copy ");
                jvm_msg_class(vm, &m, sk->elem_class);
                jvm_msg_str(&m, "[] into ");
                jvm_msg_class(vm, &m, dk->elem_class);
                jvm_msg_str(&m, "[]");
            } else {
                jvm_msg_str(&m, "arraycopy: element type mismatch: can not cast one of the elements of ");
                jvm_msg_class(vm, &m, sk->elem_class);
                jvm_msg_str(&m, "[] to the type of the destination array, ");
                jvm_msg_class(vm, &m, dk->elem_class);
            }
            return throw_msg(vm, JVM_WK_ARRAY_STORE, m.b);
        }
        dw[i] = v;
    }
    return 0;
}

/* frame i of throwable t's backtrace: its method ref and pc, or 0 */
static uint32_t bt_frame(jvm_vm *vm, uint32_t t, int32_t i, uint32_t *pc)
{
    uint8_t *win = vm->win;
    if (!t || i < 0)
        return 0;
    uint32_t bt = WORD(t + vm->hdr->throwable_backtrace_off);
    if (!bt || (uint32_t)i >= WORD(bt + JVM_ARR_LENGTH) / 2)
        return 0;
    const uint32_t *d = (const uint32_t *)(win + bt + JVM_ARR_DATA);
    *pc = d[2 * i + 1];
    return d[2 * i];
}

static int32_t line_of(jvm_vm *vm, const jvm_method *m, uint32_t pc)
{
    if (m->flags & JVM_MF_NATIVE)
        return -2;
    if (!m->nlines)
        return -1;
    const jvm_line *l = (const jvm_line *)(vm->win + m->lines);
    int32_t line = -1;
    for (uint32_t i = 0; i < m->nlines && l[i].start_pc <= pc; i++)
        line = l[i].line;
    return line < 0 ? (int32_t)l[0].line : line;
}

int jvm_native(jvm_vm *vm, unsigned id, uint32_t *a, uint32_t *ret)
{
    uint8_t *win = vm->win;
    const jvm_platform *p = vm->plat;
    uint32_t pc = 0, mr;
    switch (id) {
    case JVM_NATIVE_OBJECT_HASHCODE:
    case JVM_NATIVE_SYSTEM_IDENTITYHASHCODE:
        ret[0] = a[0] ? identity_hash(vm, a[0]) : 0;
        return 0;
    case JVM_NATIVE_OBJECT_GETCLASS:
        ret[0] = WORD(a[0]);
        return 0;
    case JVM_NATIVE_OBJECT_CLONE:
        return clone(vm, a, ret);
    case JVM_NATIVE_CLASS_GETNAME:
        ret[0] = jvm_cls(vm, a[0])->name;
        return 0;
    case JVM_NATIVE_CLASS_ISINSTANCE:
        ret[0] = a[1] ? (uint32_t)jvm_assignable(vm, WORD(a[1]), a[0]) : 0;
        return 0;
    case JVM_NATIVE_CLASS_ISINTERFACE:
        ret[0] = (jvm_cls(vm, a[0])->flags & JVM_CF_INTERFACE) != 0;
        return 0;
    case JVM_NATIVE_CLASS_ISARRAY:
        ret[0] = (jvm_cls(vm, a[0])->flags & JVM_CF_ARRAY) != 0;
        return 0;
    case JVM_NATIVE_CLASS_GETSUPERCLASS:
        ret[0] = jvm_cls(vm, a[0])->flags & JVM_CF_INTERFACE ? 0 : jvm_cls(vm, a[0])->super;
        return 0;
    case JVM_NATIVE_SYSTEM_ARRAYCOPY:
        return arraycopy(vm, a);
    case JVM_NATIVE_SYSTEM_CURRENTTIMEMILLIS:
    case JVM_NATIVE_SYSTEM_NANOTIME: {
        uint64_t t = p->nanos ? p->nanos(p->ctx) : 0, r;
        if (id == JVM_NATIVE_SYSTEM_CURRENTTIMEMILLIS)
            t = jvm_udiv64(t, 1000000, &r);
        ret[0] = (uint32_t)t;
        ret[1] = (uint32_t)(t >> 32);
        return 0;
    }
    case JVM_NATIVE_THROWABLE_FILLINSTACKTRACE: {
        uint32_t bt = jvm_backtrace(vm, WORD(a[0]));
        if (vm->done)
            return 2;
        WORD(a[0] + vm->hdr->throwable_backtrace_off) = bt; /* 0 without room: no frames */
        ret[0] = a[0];
        return 0;
    }
    case JVM_NATIVE_VM_WRITE: {
        int32_t fd = (int32_t)a[0], off = (int32_t)a[2], len = (int32_t)a[3];
        uint32_t b = a[1];
        if (!b)
            return throw_msg(vm, JVM_WK_NPE, 0);
        int32_t blen = (int32_t)WORD(b + JVM_ARR_LENGTH);
        if (off < 0 || len < 0 || off > blen - len)
            return throw_msg(vm, JVM_WK_AIOOBE, "VM.write: bad offset or length");
        if ((fd == 1 || fd == 2) && len > 0)
            p->write(p->ctx, fd, win + b + JVM_ARR_DATA + off, (uint32_t)len);
        return 0;
    }
    case JVM_NATIVE_VM_EXIT:
        vm->exit_status = (int32_t)a[0];
        vm->done = 1;
        return 2;
    case JVM_NATIVE_VM_GC:
        jvm_gc(vm);
        return vm->done ? 2 : 0;
    case JVM_NATIVE_VM_FREEMEMORY:
        ret[0] = vm->alloc_end - vm->alloc;
        ret[1] = 0;
        return 0;
    case JVM_NATIVE_VM_TOTALMEMORY:
        ret[0] = vm->semi_bytes;
        ret[1] = 0;
        return 0;
    case JVM_NATIVE_VM_FRAMECLASS:
        mr = bt_frame(vm, a[0], (int32_t)a[1], &pc);
        ret[0] = mr ? jvm_cls(vm, jvm_meth(vm, mr)->clazz)->name : 0;
        return 0;
    case JVM_NATIVE_VM_FRAMEMETHOD:
        mr = bt_frame(vm, a[0], (int32_t)a[1], &pc);
        ret[0] = mr ? jvm_meth(vm, mr)->name : 0;
        return 0;
    case JVM_NATIVE_VM_FRAMEFILE:
        mr = bt_frame(vm, a[0], (int32_t)a[1], &pc);
        ret[0] = mr ? jvm_cls(vm, jvm_meth(vm, mr)->clazz)->source_file : 0;
        return 0;
    case JVM_NATIVE_VM_FRAMELINE:
        mr = bt_frame(vm, a[0], (int32_t)a[1], &pc);
        ret[0] = mr ? (uint32_t)line_of(vm, jvm_meth(vm, mr), pc) : (uint32_t)-1;
        return 0;
    case JVM_NATIVE_VM_ENUMVALUES: {
        uint32_t ev = jvm_cls(vm, a[0])->enum_values;
        ret[0] = ev ? WORD(ev) : 0;
        return 0;
    }
    default:
        jvm_fatal(vm, "unknown native method id", id);
        return 2;
    }
}
