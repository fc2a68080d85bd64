/* interp.c -- the JVM guest's bytecode interpreter (interp.h says the window and frame layout).
 *
 * One function, run(), holds the dispatch loop: a table of label addresses (GCC's labels as
 * values) indexed by the opcode, one label per quick bytecode (jvm/image.h), the hot state in
 * locals: pc, sp, the locals pointer lv, the frame fr, the code base, the class's resolved
 * constant pool rcp, and the bytecode counter (one add per bytecode, added to vm->bytecodes on
 * backward branches, returns and exits). Everything that may collect (allocation, a native, an
 * exception object) first saves the frame's pc (SAVE_PC) so that the collector finds the frame's
 * GC map; refs held in C locals are read again from the Java stack after such a call.
 *
 * Exceptions: vm->exc holds the object; `unwind` searches the current frame's exception table
 * at its saved pc, pops frames (a <clinit> frame marks its class erroneous and wraps a
 * non-Error in ExceptionInInitializerError), and when the bottom frame is popped calls the
 * header's `uncaught` method in a fresh frame.
 *
 * Class initialization (JVMS 5.5): an instruction that needs a class initialized (the *_C
 * quick forms) and finds it not initialized pushes the <clinit> frames of the class and its
 * uninitialized superclasses (the class's lowest, the topmost superclass's on top, each not
 * started, so the superclass's runs first) and executes again when they have returned (the
 * frame's resume is 0). A class is INITIALIZING while its <clinit> runs, INITIALIZED when it
 * returns, ERRONEOUS when an exception leaves it; a class without a <clinit> of its own is
 * PENDING while the <clinit>s of its superclasses run, and ERRONEOUS if one of them fails.
 */
#include "interp.h"

#define CLS(r) ((jvm_class *)(win + (r)))
#define METH(r) ((jvm_method *)(win + (r)))
#define WORD(r) (*(uint32_t *)(win + (r)))
#define REF(p) ((uint32_t)((uint8_t *)(p) - win))
#define U1(p) ((uint32_t)(p)[0])
/* big-endian operands, written as multiply-adds: GCC turns the shift-or form into a byte swap
 * of two byte loads (five more instructions on RV32IM) */
#define U2(p) ((uint32_t)(p)[0] * 256 + (p)[1])
#define S2(p) ((int32_t)(int8_t)(p)[0] * 256 + (p)[1])
#define S4(p) ((((int32_t)(int8_t)(p)[0] * 256 + (p)[1]) * 256 + (p)[2]) * 256 + (p)[3])

/* ------------------------------------------------------------------ freestanding helpers */

void jvm_memcpy(void *d, const void *s, uint32_t n)
{
    uint8_t *dp = d;
    const uint8_t *sp = s;
    if ((((uintptr_t)dp | (uintptr_t)sp | n) & 3) == 0) {
        uint32_t *dw = d;
        const uint32_t *sw = s;
        for (uint32_t i = 0; i < n / 4; i++)
            dw[i] = sw[i];
        return;
    }
    for (uint32_t i = 0; i < n; i++)
        dp[i] = sp[i];
}

void jvm_memset(void *d, int c, uint32_t n)
{
    uint8_t *dp = d;
    if ((((uintptr_t)dp | n) & 3) == 0 && c == 0) {
        uint32_t *dw = d;
        for (uint32_t i = 0; i < n / 4; i++)
            dw[i] = 0;
        return;
    }
    for (uint32_t i = 0; i < n; i++)
        dp[i] = (uint8_t)c;
}

/* unsigned 64-bit division without libgcc: one hardware divide when both fit in 32 bits */
uint64_t jvm_udiv64(uint64_t n, uint64_t d, uint64_t *rem)
{
    if ((n >> 32) == 0 && (d >> 32) == 0) {
        uint32_t n32 = (uint32_t)n, d32 = (uint32_t)d;
        *rem = n32 % d32;
        return n32 / d32;
    }
    uint64_t q = 0, r = 0;
    int top = 63;
    while (top > 0 && !((n >> top) & 1))
        top--;
    for (int i = top; i >= 0; i--) {
        r = r << 1 | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= (uint64_t)1 << i;
        }
    }
    *rem = r;
    return q;
}

/* java's ldiv / lrem (d != 0; MIN_VALUE / -1 wraps) */
static int64_t ldiv_j(int64_t a, int64_t b, int want_rem)
{
    uint64_t ua = a < 0 ? -(uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? -(uint64_t)b : (uint64_t)b;
    uint64_t r, q = jvm_udiv64(ua, ub, &r);
    if (want_rem)
        return (int64_t)(a < 0 ? -r : r);
    return (int64_t)((a < 0) != (b < 0) ? -q : q);
}

void jvm_fatal(jvm_vm *vm, const char *why, uint32_t detail)
{
    if (!vm->fatal) {
        vm->fatal = why;
        vm->fatal_detail = detail;
    }
    vm->done = 1;
}

#define CLS_NAME(vm, c) (jvm_cls((vm), (c))->name)

/* ------------------------------------------------------------------ messages */

void jvm_msg_str(jvm_msg *m, const char *s)
{
    while (*s && m->n + 1 < m->cap)
        m->b[m->n++] = *s++;
    m->b[m->n] = 0;
}

void jvm_msg_int(jvm_msg *m, int64_t v)
{
    char t[24];
    int k = 0;
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    do {
        uint64_t r;
        u = jvm_udiv64(u, 10, &r);
        t[k++] = (char)('0' + r);
    } while (u);
    if (v < 0)
        t[k++] = '-';
    while (k && m->n + 1 < m->cap)
        m->b[m->n++] = t[--k];
    m->b[m->n] = 0;
}

/* a String ref's characters (ASCII; others as '?') */
static void m_jstr(jvm_vm *vm, jvm_msg *m, uint32_t s)
{
    uint8_t *win = vm->win;
    if (!s || !jvm_in_win(vm, s, vm->hdr->string_bytes))
        return;
    uint32_t a = WORD(s + vm->hdr->string_value_off);
    if (!a || !jvm_in_win(vm, a, JVM_ARR_DATA))
        return;
    uint32_t len = WORD(a + JVM_ARR_LENGTH);
    const uint16_t *c = (const uint16_t *)(win + a + JVM_ARR_DATA);
    if (len > vm->win_bytes / 2 || !jvm_in_win(vm, a, JVM_ARR_DATA + 2 * len))
        return;
    for (uint32_t i = 0; i < len && m->n + 1 < m->cap; i++)
        m->b[m->n++] = c[i] < 128 ? (char)c[i] : '?';
    m->b[m->n] = 0;
}

void jvm_msg_class(jvm_vm *vm, jvm_msg *m, uint32_t c)
{
    m_jstr(vm, m, CLS_NAME(vm, c));
}

/* ------------------------------------------------------------------ classes */

static int implements(jvm_vm *vm, uint32_t s, uint32_t iface)
{
    const jvm_class *c = jvm_cls(vm, s);
    const jvm_itable_ref *it = (const jvm_itable_ref *)(vm->win + c->interfaces);
    for (uint32_t i = 0; i < c->ninterfaces; i++)
        if (it[i].iface == iface)
            return 1;
    return 0;
}

int jvm_assignable(jvm_vm *vm, uint32_t s, uint32_t t)
{
    uint8_t *win = vm->win;
    for (;;) {
        if (s == t || t == vm->hdr->wk[JVM_WK_OBJECT]) /* every class, interface and array */
            return 1;
        const jvm_class *tc = CLS(t), *sc = CLS(s);
        if (tc->flags & JVM_CF_INTERFACE)
            return implements(vm, s, t);
        if (tc->flags & JVM_CF_ARRAY) {
            if (!(sc->flags & JVM_CF_ARRAY) || tc->elem_type != JVM_T_REF || sc->elem_type != JVM_T_REF)
                return 0;
            s = sc->elem_class;
            t = tc->elem_class;
            continue;
        }
        if (sc->depth < tc->depth)
            return 0;
        for (uint32_t k = sc->depth - tc->depth; k; k--)
            s = CLS(s)->super;
        return s == t;
    }
}

/* Is class c the library's (java.base, loader 'bootstrap') or the program's (unnamed module,
 * loader 'app')? An array is where its element type is; the library's classes are java.*. */
static int is_library(jvm_vm *vm, uint32_t c)
{
    while (jvm_cls(vm, c)->flags & JVM_CF_ARRAY) {
        if (jvm_cls(vm, c)->elem_type != JVM_T_REF)
            return 1;
        c = jvm_cls(vm, c)->elem_class;
    }
    char b[8];
    jvm_msg m = {b, 0, sizeof b};
    jvm_msg_class(vm, &m, c);
    return b[0] == 'j' && b[1] == 'a' && b[2] == 'v' && b[3] == 'a' && b[4] == '.';
}

static void m_where(jvm_msg *m, int lib)
{
    jvm_msg_str(m, lib ? "module java.base of loader 'bootstrap'" : "unnamed module of loader 'app'");
}

/* java 17's ClassCastException message */
static void cast_message(jvm_vm *vm, jvm_msg *m, uint32_t s, uint32_t t)
{
    int ls = is_library(vm, s), lt = is_library(vm, t);
    m->n = 0;
    jvm_msg_str(m, "class ");
    jvm_msg_class(vm, m, s);
    jvm_msg_str(m, " cannot be cast to class ");
    jvm_msg_class(vm, m, t);
    jvm_msg_str(m, " (");
    jvm_msg_class(vm, m, s);
    if (ls == lt) {
        jvm_msg_str(m, " and ");
        jvm_msg_class(vm, m, t);
        jvm_msg_str(m, " are in ");
        m_where(m, ls);
    } else {
        jvm_msg_str(m, " is in ");
        m_where(m, ls);
        jvm_msg_str(m, "; ");
        jvm_msg_class(vm, m, t);
        jvm_msg_str(m, " is in ");
        m_where(m, lt);
    }
    jvm_msg_str(m, ")");
}

/* a taken backward branch to target: count it in the method's loop header */
static inline void backedge(jvm_method *m, uint8_t *win, uint32_t target)
{
    jvm_loop *l = (jvm_loop *)(win + m->loops);
    if (l->pc == target) { /* the method's first loop header: most methods have one */
        l->taken++;
        return;
    }
    for (uint32_t i = 1; i < m->nloops; i++)
        if (l[i].pc == target) {
            l[i].taken++;
            return;
        }
}

/* multianewarray: an array of class ac with counts[0] elements, each (d > 1) an array of
 * counts[1] ... The arrays built so far are roots in vm->tmp. Returns 0 when out of memory. */
static uint32_t multi_array(jvm_vm *vm, uint32_t ac, const int32_t *counts, uint32_t d)
{
    uint32_t a = jvm_new_array(vm, ac, counts[0], 0);
    if (!a || d == 1 || counts[0] == 0)
        return a;
    if (vm->ntmp >= JVM_TMP_ROOTS) {
        jvm_fatal(vm, "multianewarray: too many dimensions", d);
        return 0;
    }
    uint32_t slot = vm->ntmp++, sub = jvm_cls(vm, ac)->elem_class;
    vm->tmp[slot] = a;
    for (int32_t i = 0; i < counts[0]; i++) {
        uint32_t e = multi_array(vm, sub, counts + 1, d - 1);
        if (!e) {
            vm->ntmp = slot;
            return 0;
        }
        jvm_w(vm, vm->tmp[slot] + JVM_ARR_DATA)[i] = e;
    }
    vm->ntmp = slot;
    return vm->tmp[slot];
}

/* ------------------------------------------------------------------ exceptions */

uint32_t jvm_backtrace(jvm_vm *vm, uint32_t skip_ctor_of)
{
    uint8_t *win = vm->win;
    uint32_t f = vm->fp, n = 0;
    int skipping = skip_ctor_of != 0;
    uint32_t first = 0;
    for (uint32_t g = f; g; g = WORD(g + 4)) {
        uint32_t mr = WORD(g), pc = WORD(g + 8);
        if (pc == JVM_PC_NOT_STARTED)
            continue;
        if (skipping) {
            const jvm_method *mm = METH(mr);
            if ((mm->flags & JVM_MF_INIT) && jvm_assignable(vm, skip_ctor_of, mm->clazz))
                continue;
            skipping = 0;
        }
        if (!first)
            first = g;
        if (++n == JVM_BACKTRACE_MAX)
            break;
    }
    uint32_t a = jvm_new_array(vm, vm->hdr->wk[JVM_WK_INT_ARRAY], (int32_t)(2 * n), 1);
    if (!a)
        return 0;
    uint32_t *d = (uint32_t *)(win + a + JVM_ARR_DATA), k = 0;
    for (uint32_t g = first; g && k < n; g = WORD(g + 4)) {
        uint32_t pc = WORD(g + 8);
        if (pc == JVM_PC_NOT_STARTED)
            continue;
        d[2 * k] = WORD(g);
        d[2 * k + 1] = pc;
        k++;
    }
    return a;
}

void jvm_make_exc(jvm_vm *vm, unsigned wk, const char *msg)
{
    uint8_t *win = vm->win;
    const jvm_image_hdr *h = vm->hdr;
    uint32_t cls = h->wk[wk];
    if (vm->ntmp + 2 > JVM_TMP_ROOTS) {
        jvm_fatal(vm, "internal: temporaries exhausted", 0);
        return;
    }
    uint32_t base = vm->ntmp;
    vm->tmp[base] = 0;
    vm->tmp[base + 1] = 0;
    vm->ntmp += 2;
    if (msg) {
        uint32_t n = 0;
        while (msg[n])
            n++;
        vm->tmp[base] = jvm_new_string(vm, msg, n);
    }
    vm->tmp[base + 1] = jvm_backtrace(vm, 0);
    uint32_t o = jvm_alloc(vm, cls, CLS(cls)->inst_bytes, 1);
    if (!o && wk != JVM_WK_OOM) {
        vm->ntmp = base;
        jvm_make_exc(vm, JVM_WK_OOM, "Java heap space");
        return;
    }
    if (!o) {
        vm->ntmp = base;
        jvm_fatal(vm, "out of memory: no room for an OutOfMemoryError", 0);
        return;
    }
    WORD(o + h->throwable_message_off) = vm->tmp[base];
    WORD(o + h->throwable_backtrace_off) = vm->tmp[base + 1];
    vm->ntmp = base;
    vm->exc = o;
}

/* ExceptionInInitializerError with cause vm->exc */
static void wrap_init_error(jvm_vm *vm)
{
    uint32_t cause = vm->exc;
    if (vm->ntmp >= JVM_TMP_ROOTS) {
        jvm_fatal(vm, "internal: temporaries exhausted", 0);
        return;
    }
    vm->tmp[vm->ntmp++] = cause;
    jvm_make_exc(vm, JVM_WK_INIT_ERROR, 0);
    cause = vm->tmp[--vm->ntmp];
    if (vm->exc && jvm_cls(vm, *jvm_w(vm, vm->exc))->name != 0 &&
        *jvm_w(vm, vm->exc) == vm->hdr->wk[JVM_WK_INIT_ERROR])
        *jvm_w(vm, vm->exc + vm->hdr->throwable_cause_off) = cause;
}

/* ------------------------------------------------------------------ frames */

/* Push a not-started frame for method mr with its locals at lv (its arguments already there),
 * caller frame `caller`. Returns the frame, or 0 when the Java stack is exhausted. */
static uint32_t *push_frame(jvm_vm *vm, uint32_t mr, uint32_t *lv, uint32_t caller)
{
    uint8_t *win = vm->win;
    const jvm_method *m = METH(mr);
    uint32_t *f = lv + m->max_locals;
    if ((uint8_t *)(f + JVM_FRAME_WORDS + m->max_stack) > win + vm->stack_hi)
        return 0;
    f[0] = mr;
    f[1] = caller;
    f[2] = JVM_PC_NOT_STARTED;
    f[3] = 0;
    vm->fp = REF(f);
    return f;
}

/* Class c must be initialized before the current instruction (whose frame's pc and resume = 0
 * are saved; sp = its operand stack top). Returns 0: nothing to run, go on; 1: <clinit> frames
 * pushed (vm->fp), run them; -1: an exception is in vm->exc (or the VM stopped). */
static int push_init(jvm_vm *vm, uint32_t c, uint32_t *sp)
{
    uint8_t *win = vm->win;
    uint32_t k = c;
    while (k && (CLS(k)->state == JVM_CS_LINKED || CLS(k)->state == JVM_CS_PENDING))
        k = CLS(k)->super;
    if (k && CLS(k)->state == JVM_CS_ERRONEOUS) {
        /* the class, or a superclass, failed before: NoClassDefFoundError */
        for (uint32_t j = c; j != k; j = CLS(j)->super)
            CLS(j)->state = JVM_CS_ERRONEOUS;
        char b[256];
        jvm_msg m = {b, 0, sizeof b};
        jvm_msg_str(&m, "Could not initialize class ");
        jvm_msg_class(vm, &m, k);
        jvm_make_exc(vm, JVM_WK_NO_CLASS_DEF, b);
        return -1;
    }
    /* a class without a <clinit> of its own waits (PENDING) for the <clinit>s pushed above it:
     * when one of them fails, it fails too (fail_pending); the ones above the last <clinit>
     * pushed (above) wait for nothing. A PENDING class is initialized when it is next used. */
    int pushed = 0;
    uint32_t caller = vm->fp, above = c;
    for (uint32_t j = c; j != k; j = CLS(j)->super) {
        jvm_class *jc = CLS(j);
        if (!jc->clinit) {
            jc->state = JVM_CS_PENDING;
            continue;
        }
        uint32_t *f = push_frame(vm, jc->clinit, sp, caller);
        if (!f) {
            /* undo: the classes not started stay LINKED */
            for (uint32_t i = c; i != j; i = CLS(i)->super)
                if (CLS(i)->state == JVM_CS_INITIALIZING || CLS(i)->state == JVM_CS_PENDING)
                    CLS(i)->state = JVM_CS_LINKED;
            vm->fp = caller;
            jvm_make_exc(vm, JVM_WK_STACK_OVERFLOW, 0);
            return -1;
        }
        jc->state = JVM_CS_INITIALIZING;
        caller = REF(f);
        sp = f + JVM_FRAME_WORDS;
        pushed = 1;
        above = jc->super;
    }
    for (uint32_t j = above; j != k; j = CLS(j)->super)
        CLS(j)->state = JVM_CS_INITIALIZED;
    return pushed;
}

/* The <clinit> of class x completed abruptly: every class waiting for it (PENDING, x one of its
 * superclasses) is erroneous too (JVMS 5.5, step 7). A class initialized meanwhile (a use from
 * inside x's <clinit>, a recursive request) has completed and is not touched. */
static void fail_pending(jvm_vm *vm, uint32_t x)
{
    uint8_t *win = vm->win;
    const uint32_t *cl = (const uint32_t *)(win + vm->hdr->classes);
    for (uint32_t i = 0; i < vm->hdr->nclasses; i++) {
        jvm_class *jc = CLS(cl[i]);
        if (jc->state != JVM_CS_PENDING)
            continue;
        for (uint32_t s = jc->super; s; s = CLS(s)->super)
            if (s == x) {
                jc->state = JVM_CS_ERRONEOUS;
                break;
            }
    }
}

/* ------------------------------------------------------------------ the interpreter */

static void run(jvm_vm *vm)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#pragma GCC diagnostic ignored "-Wpedantic"
    static const void *const disp[256] = {
        [0 ... 255] = &&op_unsupported,
        [0x00] = &&op_nop, [0x01] = &&op_aconst_null,
        [0x02] = &&op_iconst, [0x03] = &&op_iconst, [0x04] = &&op_iconst, [0x05] = &&op_iconst,
        [0x06] = &&op_iconst, [0x07] = &&op_iconst, [0x08] = &&op_iconst,
        [0x09] = &&op_lconst, [0x0a] = &&op_lconst,
        [0x10] = &&op_bipush, [0x11] = &&op_sipush, [0x12] = &&op_ldc, [0x13] = &&op_ldc_w,
        [0x14] = &&op_ldc2_w,
        [0x15] = &&op_iload, [0x16] = &&op_lload, [0x19] = &&op_iload,
        [0x1a] = &&op_iload_0, [0x1b] = &&op_iload_1, [0x1c] = &&op_iload_2, [0x1d] = &&op_iload_3,
        [0x1e] = &&op_lload_0, [0x1f] = &&op_lload_1, [0x20] = &&op_lload_2, [0x21] = &&op_lload_3,
        [0x2a] = &&op_iload_0, [0x2b] = &&op_iload_1, [0x2c] = &&op_iload_2, [0x2d] = &&op_iload_3,
        [0x2e] = &&op_iaload, [0x2f] = &&op_laload, [0x32] = &&op_iaload, [0x33] = &&op_baload,
        [0x34] = &&op_caload, [0x35] = &&op_saload,
        [0x36] = &&op_istore, [0x37] = &&op_lstore, [0x3a] = &&op_istore,
        [0x3b] = &&op_istore_0, [0x3c] = &&op_istore_1, [0x3d] = &&op_istore_2, [0x3e] = &&op_istore_3,
        [0x3f] = &&op_lstore_0, [0x40] = &&op_lstore_1, [0x41] = &&op_lstore_2, [0x42] = &&op_lstore_3,
        [0x4b] = &&op_istore_0, [0x4c] = &&op_istore_1, [0x4d] = &&op_istore_2, [0x4e] = &&op_istore_3,
        [0x4f] = &&op_iastore, [0x50] = &&op_lastore, [0x53] = &&op_aastore, [0x54] = &&op_bastore,
        [0x55] = &&op_castore, [0x56] = &&op_sastore,
        [0x57] = &&op_pop, [0x58] = &&op_pop2, [0x59] = &&op_dup, [0x5a] = &&op_dup_x1,
        [0x5b] = &&op_dup_x2, [0x5c] = &&op_dup2, [0x5d] = &&op_dup2_x1, [0x5e] = &&op_dup2_x2,
        [0x5f] = &&op_swap,
        [0x60] = &&op_iadd, [0x61] = &&op_ladd, [0x64] = &&op_isub, [0x65] = &&op_lsub,
        [0x68] = &&op_imul, [0x69] = &&op_lmul, [0x6c] = &&op_idiv, [0x6d] = &&op_ldiv,
        [0x70] = &&op_irem, [0x71] = &&op_lrem, [0x74] = &&op_ineg, [0x75] = &&op_lneg,
        [0x78] = &&op_ishl, [0x79] = &&op_lshl, [0x7a] = &&op_ishr, [0x7b] = &&op_lshr,
        [0x7c] = &&op_iushr, [0x7d] = &&op_lushr, [0x7e] = &&op_iand, [0x7f] = &&op_land,
        [0x80] = &&op_ior, [0x81] = &&op_lor, [0x82] = &&op_ixor, [0x83] = &&op_lxor,
        [0x84] = &&op_iinc, [0x85] = &&op_i2l, [0x88] = &&op_l2i,
        [0x91] = &&op_i2b, [0x92] = &&op_i2c, [0x93] = &&op_i2s, [0x94] = &&op_lcmp,
        [0x99] = &&op_ifeq, [0x9a] = &&op_ifne, [0x9b] = &&op_iflt, [0x9c] = &&op_ifge,
        [0x9d] = &&op_ifgt, [0x9e] = &&op_ifle,
        [0x9f] = &&op_if_icmpeq, [0xa0] = &&op_if_icmpne, [0xa1] = &&op_if_icmplt,
        [0xa2] = &&op_if_icmpge, [0xa3] = &&op_if_icmpgt, [0xa4] = &&op_if_icmple,
        [0xa5] = &&op_if_icmpeq, [0xa6] = &&op_if_icmpne, [0xa7] = &&op_goto,
        [0xaa] = &&op_tableswitch, [0xab] = &&op_lookupswitch,
        [0xac] = &&op_ireturn, [0xad] = &&op_lreturn, [0xb0] = &&op_ireturn, [0xb1] = &&op_return,
        [0xbc] = &&op_newarray, [0xbd] = &&op_anewarray, [0xbe] = &&op_arraylength,
        [0xbf] = &&op_athrow, [0xc0] = &&op_checkcast, [0xc1] = &&op_instanceof,
        [0xc2] = &&op_monitor, [0xc3] = &&op_monitor, [0xc4] = &&op_wide,
        [0xc5] = &&op_multianewarray, [0xc6] = &&op_ifnull, [0xc7] = &&op_ifnonnull,
        [0xc8] = &&op_goto_w,
        [JVM_Q_GETFIELD_W] = &&op_getfield_w, [JVM_Q_GETFIELD_L] = &&op_getfield_l,
        [JVM_Q_PUTFIELD_W] = &&op_putfield_w, [JVM_Q_PUTFIELD_L] = &&op_putfield_l,
        [JVM_Q_GETSTATIC_W] = &&op_getstatic_w, [JVM_Q_GETSTATIC_L] = &&op_getstatic_l,
        [JVM_Q_PUTSTATIC_W] = &&op_putstatic_w, [JVM_Q_PUTSTATIC_L] = &&op_putstatic_l,
        [JVM_Q_GETSTATIC_W_C] = &&op_getstatic_w_c, [JVM_Q_GETSTATIC_L_C] = &&op_getstatic_l_c,
        [JVM_Q_PUTSTATIC_W_C] = &&op_putstatic_w_c, [JVM_Q_PUTSTATIC_L_C] = &&op_putstatic_l_c,
        [JVM_Q_INVOKEVIRTUAL] = &&op_invokevirtual, [JVM_Q_INVOKEDIRECT] = &&op_invokedirect,
        [JVM_Q_INVOKESTATIC] = &&op_invokestatic, [JVM_Q_INVOKESTATIC_C] = &&op_invokestatic_c,
        [JVM_Q_INVOKEINTERFACE] = &&op_invokeinterface,
        [JVM_Q_NEW] = &&op_new, [JVM_Q_NEW_C] = &&op_new_c,
#define DISP_FUSED(name, op, a, b, alen) [JVM_F_##name] = &&op_f_##name,
        JVM_FUSED_LIST(DISP_FUSED)
#undef DISP_FUSED
    };
#pragma GCC diagnostic pop

    uint8_t *const win = vm->win;
    const jvm_image_hdr *const hdr = vm->hdr;
    const uint32_t winsz = vm->win_bytes;
    const uint32_t winlim = winsz - 16; /* an object's ref and fields stay below it */
    uint8_t *const stack_end = win + vm->stack_hi;
    uint32_t *fr, *lv, *sp;
    const uint8_t *pc, *code;
    const uint32_t *rcp;
    jvm_method *m;
    uint32_t icount = 0;
    /* operands of the shared paths */
    uint32_t mr = 0, ilen = 0, init_cls = 0, r;
    int32_t ix;
    unsigned xwk = 0;
    const char *xmsg = 0;
    char mb[320];
    jvm_msg msg = {mb, 0, sizeof mb};
    uint32_t ea, caller;

#define LOAD_FRAME(f_) do { \
        fr = (f_); m = METH(fr[0]); lv = (uint32_t *)((uint8_t *)fr - m->locals_bytes); \
        code = win + m->code; rcp = (const uint32_t *)(win + m->rcp); \
    } while (0)
#define FLUSH_COUNT() do { vm->bytecodes += icount; icount = 0; } while (0)
/* on the hot paths (backward branches, returns: every loop and every call passes one), every
 * 2^20 bytecodes: the 64-bit total, and the platform's limit */
#define FLUSH_COUNT_SOMETIMES() do { \
        if (icount >> 20) { \
            FLUSH_COUNT(); \
            if (vm->plat->limit && vm->plat->limit(vm->plat->ctx)) { vm->limit = 1; goto stop; } \
        } \
    } while (0)
#define NEXT() do { icount++; goto *disp[*pc]; } while (0)
/* the frame's pc, and vm->fp: the top frame is written to vm only where something outside
 * run() may look at the frames (the collector, a backtrace, a native, class initialization) */
#define SAVE_PC() (fr[2] = (uint32_t)(pc - code), vm->fp = REF(fr))
#define THROW(wk_, msg_) do { xwk = (wk_); xmsg = (msg_); goto throw_new; } while (0)
#define NPE() THROW(JVM_WK_NPE, 0)
/* r (a ref popped or peeked) must not be null and [r, r + 16) in the window; n: how far in */
#define CHECK_OBJ(r_, end_) do { \
        if ((uint32_t)(r_) - 1 >= winlim - 1) { if (!(r_)) NPE(); goto bad_ref; } \
        if ((uint32_t)(r_) + (end_) > winsz) goto bad_ref; \
    } while (0)
/* back_: whether a backward branch is the likely case (goto: the loop's end) */
#define BRANCH_(off_, back_) do { \
        int32_t o_ = (off_); \
        if (__builtin_expect(o_ <= 0, back_)) { \
            backedge(m, win, (uint32_t)(pc + o_ - code)); FLUSH_COUNT_SOMETIMES(); \
        } \
        pc += o_; NEXT(); \
    } while (0)
#define BRANCH(off_) BRANCH_(off_, 0)
#define L_GET(p_) ((uint64_t)(p_)[1] << 32 | (p_)[0])
#define L_PUT(p_, v_) do { uint64_t t_ = (v_); (p_)[0] = (uint32_t)t_; (p_)[1] = (uint32_t)(t_ >> 32); } while (0)
/* array element access: r = array, ix = index (popped or peeked); sets ea = element address */
/* a ref below winlim has its 16 first bytes (an array's header) inside the window */
#define CHECK_REF(r_) do { \
        if ((uint32_t)(r_) - 1 >= winlim - 1) { if (!(r_)) NPE(); goto bad_ref; } \
    } while (0)
#define ARRAY_ELEM(shift_) do { \
        CHECK_REF(r); \
        uint32_t len_ = WORD(r + JVM_ARR_LENGTH); \
        if ((uint32_t)ix >= len_) goto aioobe; \
        ea = r + JVM_ARR_DATA + ((uint32_t)ix << (shift_)); \
        if (ea > winsz - (1u << (shift_)) || ea < r) goto bad_ref; \
    } while (0)

/* handler bodies that a fused opcode's handler also executes (its second instruction) */
#define IALOAD() do { \
        r = sp[-2]; ix = (int32_t)sp[-1]; ARRAY_ELEM(2); \
        sp[-2] = WORD(ea); sp--; pc++; NEXT(); \
    } while (0)
#define CALOAD() do { \
        r = sp[-2]; ix = (int32_t)sp[-1]; ARRAY_ELEM(1); \
        sp[-2] = *(uint16_t *)(win + ea); sp--; pc++; NEXT(); \
    } while (0)
#define GETFIELD_W() do { \
        uint32_t off_ = U2(pc + 1); r = sp[-1]; CHECK_OBJ(r, off_ + 4); \
        sp[-1] = WORD(r + off_); pc += 3; NEXT(); \
    } while (0)
/* a load of a ref from local slot ix_ (A, alen_ bytes) and getfield_w (B, after it): A's push
 * is stored only when B throws (the GC map at B has it on the stack) */
#define LOAD_GETFIELD_W(ix_, alen_) do { \
        uint32_t off_ = U2(pc + (alen_) + 1); \
        r = lv[ix_]; \
        if ((uint32_t)r - 1 >= winlim - 1 || (uint32_t)r + off_ + 4 > winsz) { \
            *sp++ = r; FUSED_SECOND(alen_); goto getfield_fail; \
        } \
        *sp++ = WORD(r + off_); \
        pc += (alen_) + 3; icount++; NEXT(); \
    } while (0)
/* a fused opcode (jvm/image.h, JVM_FUSED_LIST) has executed its first instruction, alen_
 * bytes long: on to the second, at its own pc, counted as a bytecode of its own */
#define FUSED_SECOND(alen_) do { pc += (alen_); icount++; } while (0)

    if (vm->done)
        return;
    if (vm->exc) {
        fr = (uint32_t *)(win + vm->fp);
        goto unwind;
    }
enter_top: /* start the not-started top frame vm->fp */
    LOAD_FRAME((uint32_t *)(win + vm->fp));
    sp = fr + JVM_FRAME_WORDS;
    pc = code;
    m->invocations++;
    NEXT();

op_nop:
    pc++;
    NEXT();
op_aconst_null:
    *sp++ = 0;
    pc++;
    NEXT();
op_iconst:
    *sp++ = (uint32_t)((int32_t)*pc - 0x03);
    pc++;
    NEXT();
op_lconst:
    sp[0] = *pc - 0x09u;
    sp[1] = 0;
    sp += 2;
    pc++;
    NEXT();
op_bipush:
    *sp++ = (uint32_t)(int32_t)(int8_t)pc[1];
    pc += 2;
    NEXT();
op_sipush:
    *sp++ = (uint32_t)S2(pc + 1);
    pc += 3;
    NEXT();
op_ldc:
    *sp++ = rcp[pc[1]];
    pc += 2;
    NEXT();
op_ldc_w:
    *sp++ = rcp[U2(pc + 1)];
    pc += 3;
    NEXT();
op_ldc2_w: {
    uint32_t i = U2(pc + 1);
    sp[0] = rcp[i];
    sp[1] = rcp[i + 1];
    sp += 2;
    pc += 3;
    NEXT();
}
op_iload:
    *sp++ = lv[pc[1]];
    pc += 2;
    NEXT();
op_lload:
    sp[0] = lv[pc[1]];
    sp[1] = lv[pc[1] + 1];
    sp += 2;
    pc += 2;
    NEXT();
op_iload_0: *sp++ = lv[0]; pc++; NEXT();
op_iload_1: *sp++ = lv[1]; pc++; NEXT();
op_iload_2: *sp++ = lv[2]; pc++; NEXT();
op_iload_3: *sp++ = lv[3]; pc++; NEXT();
op_lload_0: sp[0] = lv[0]; sp[1] = lv[1]; sp += 2; pc++; NEXT();
op_lload_1: sp[0] = lv[1]; sp[1] = lv[2]; sp += 2; pc++; NEXT();
op_lload_2: sp[0] = lv[2]; sp[1] = lv[3]; sp += 2; pc++; NEXT();
op_lload_3: sp[0] = lv[3]; sp[1] = lv[4]; sp += 2; pc++; NEXT();
op_istore:
    lv[pc[1]] = *--sp;
    pc += 2;
    NEXT();
op_lstore:
    lv[pc[1]] = sp[-2];
    lv[pc[1] + 1] = sp[-1];
    sp -= 2;
    pc += 2;
    NEXT();
op_istore_0: lv[0] = *--sp; pc++; NEXT();
op_istore_1: lv[1] = *--sp; pc++; NEXT();
op_istore_2: lv[2] = *--sp; pc++; NEXT();
op_istore_3: lv[3] = *--sp; pc++; NEXT();
op_lstore_0: lv[0] = sp[-2]; lv[1] = sp[-1]; sp -= 2; pc++; NEXT();
op_lstore_1: lv[1] = sp[-2]; lv[2] = sp[-1]; sp -= 2; pc++; NEXT();
op_lstore_2: lv[2] = sp[-2]; lv[3] = sp[-1]; sp -= 2; pc++; NEXT();
op_lstore_3: lv[3] = sp[-2]; lv[4] = sp[-1]; sp -= 2; pc++; NEXT();

    /* ---- arrays */
op_iaload: /* and aaload */
    IALOAD();
op_laload:
    r = sp[-2];
    ix = (int32_t)sp[-1];
    ARRAY_ELEM(3);
    sp[-2] = WORD(ea);
    sp[-1] = WORD(ea + 4);
    pc++;
    NEXT();
op_baload:
    r = sp[-2];
    ix = (int32_t)sp[-1];
    ARRAY_ELEM(0);
    sp[-2] = (uint32_t)(int32_t)*(int8_t *)(win + ea);
    sp--;
    pc++;
    NEXT();
op_caload:
    CALOAD();
op_saload:
    r = sp[-2];
    ix = (int32_t)sp[-1];
    ARRAY_ELEM(1);
    sp[-2] = (uint32_t)(int32_t)*(int16_t *)(win + ea);
    sp--;
    pc++;
    NEXT();
op_iastore:
    r = sp[-3];
    ix = (int32_t)sp[-2];
    ARRAY_ELEM(2);
    WORD(ea) = sp[-1];
    sp -= 3;
    pc++;
    NEXT();
op_lastore:
    r = sp[-4];
    ix = (int32_t)sp[-3];
    ARRAY_ELEM(3);
    WORD(ea) = sp[-2];
    WORD(ea + 4) = sp[-1];
    sp -= 4;
    pc++;
    NEXT();
op_aastore: {
    r = sp[-3];
    ix = (int32_t)sp[-2];
    ARRAY_ELEM(2);
    uint32_t v = sp[-1];
    if (v) {
        uint32_t ec = CLS(WORD(r))->elem_class, vc = WORD(v);
        if (vc != ec && !jvm_assignable(vm, vc, ec)) {
            msg.n = 0;
            jvm_msg_class(vm, &msg, vc);
            THROW(JVM_WK_ARRAY_STORE, mb);
        }
    }
    WORD(ea) = v;
    sp -= 3;
    pc++;
    NEXT();
}
op_bastore:
    r = sp[-3];
    ix = (int32_t)sp[-2];
    ARRAY_ELEM(0);
    if (CLS(WORD(r))->elem_type == JVM_T_BOOLEAN)
        win[ea] = (uint8_t)(sp[-1] & 1);
    else
        win[ea] = (uint8_t)sp[-1];
    sp -= 3;
    pc++;
    NEXT();
op_castore: /* and sastore */
op_sastore:
    r = sp[-3];
    ix = (int32_t)sp[-2];
    ARRAY_ELEM(1);
    *(uint16_t *)(win + ea) = (uint16_t)sp[-1];
    sp -= 3;
    pc++;
    NEXT();
op_arraylength:
    r = sp[-1];
    CHECK_REF(r);
    sp[-1] = WORD(r + JVM_ARR_LENGTH);
    pc++;
    NEXT();
op_newarray: {
    unsigned t = pc[1];
    uint32_t ac = t >= JVM_T_BOOLEAN && t <= JVM_T_LONG ? hdr->prim_array[t - JVM_T_BOOLEAN] : 0;
    if (!ac)
        goto bad_code;
    r = ac;
    goto new_array;
}
op_anewarray:
    r = rcp[U2(pc + 1)];
new_array: {
    int32_t n = (int32_t)sp[-1];
    if (n < 0) {
        msg.n = 0;
        jvm_msg_int(&msg, n);
        THROW(JVM_WK_NEGATIVE_SIZE, mb);
    }
    SAVE_PC();
    uint32_t a = jvm_new_array(vm, r, n, 0);
    if (!a)
        goto oom;
    sp[-1] = a;
    pc += *pc == 0xbc ? 2 : 3;
    NEXT();
}
op_multianewarray: {
    uint32_t ac = rcp[U2(pc + 1)];
    uint32_t d = pc[3];
    int32_t *counts = (int32_t *)(sp - d);
    for (uint32_t i = 0; i < d; i++)
        if (counts[i] < 0) {
            msg.n = 0;
            jvm_msg_int(&msg, counts[i]);
            THROW(JVM_WK_NEGATIVE_SIZE, mb);
        }
    SAVE_PC();
    uint32_t a = multi_array(vm, ac, counts, d);
    if (vm->done)
        goto stop;
    if (!a)
        goto oom;
    sp -= d;
    *sp++ = a;
    pc += 4;
    NEXT();
}

    /* ---- stack */
op_pop: sp--; pc++; NEXT();
op_pop2: sp -= 2; pc++; NEXT();
op_dup: sp[0] = sp[-1]; sp++; pc++; NEXT();
op_dup_x1: {
    uint32_t v1 = sp[-1], v2 = sp[-2];
    sp[0] = v1; sp[-1] = v2; sp[-2] = v1;
    sp++; pc++; NEXT();
}
op_dup_x2: {
    uint32_t v1 = sp[-1], v2 = sp[-2], v3 = sp[-3];
    sp[0] = v1; sp[-1] = v2; sp[-2] = v3; sp[-3] = v1;
    sp++; pc++; NEXT();
}
op_dup2: sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; pc++; NEXT();
op_dup2_x1: {
    uint32_t v1 = sp[-1], v2 = sp[-2], v3 = sp[-3];
    sp[1] = v1; sp[0] = v2; sp[-1] = v3; sp[-2] = v1; sp[-3] = v2;
    sp += 2; pc++; NEXT();
}
op_dup2_x2: {
    uint32_t v1 = sp[-1], v2 = sp[-2], v3 = sp[-3], v4 = sp[-4];
    sp[1] = v1; sp[0] = v2; sp[-1] = v3; sp[-2] = v4; sp[-3] = v1; sp[-4] = v2;
    sp += 2; pc++; NEXT();
}
op_swap: {
    uint32_t v1 = sp[-1];
    sp[-1] = sp[-2]; sp[-2] = v1;
    pc++; NEXT();
}

    /* ---- int arithmetic (uint32_t: wrapping) */
op_iadd: sp[-2] += sp[-1]; sp--; pc++; NEXT();
op_isub: sp[-2] -= sp[-1]; sp--; pc++; NEXT();
op_imul: sp[-2] *= sp[-1]; sp--; pc++; NEXT();
op_idiv: {
    int32_t b = (int32_t)sp[-1], a = (int32_t)sp[-2];
    if (b == 0)
        THROW(JVM_WK_ARITHMETIC, "/ by zero");
    sp[-2] = b == -1 ? -(uint32_t)a : (uint32_t)(a / b);
    sp--; pc++; NEXT();
}
op_irem: {
    int32_t b = (int32_t)sp[-1], a = (int32_t)sp[-2];
    if (b == 0)
        THROW(JVM_WK_ARITHMETIC, "/ by zero");
    sp[-2] = b == -1 ? 0 : (uint32_t)(a % b);
    sp--; pc++; NEXT();
}
op_ineg: sp[-1] = -sp[-1]; pc++; NEXT();
op_ishl: sp[-2] <<= sp[-1] & 31; sp--; pc++; NEXT();
op_ishr: sp[-2] = (uint32_t)((int32_t)sp[-2] >> (sp[-1] & 31)); sp--; pc++; NEXT();
op_iushr: sp[-2] >>= sp[-1] & 31; sp--; pc++; NEXT();
op_iand: sp[-2] &= sp[-1]; sp--; pc++; NEXT();
op_ior: sp[-2] |= sp[-1]; sp--; pc++; NEXT();
op_ixor: sp[-2] ^= sp[-1]; sp--; pc++; NEXT();
op_iinc:
    lv[pc[1]] += (uint32_t)(int32_t)(int8_t)pc[2];
    pc += 3;
    NEXT();
op_i2l: sp[0] = (uint32_t)((int32_t)sp[-1] >> 31); sp++; pc++; NEXT();
op_l2i: sp--; pc++; NEXT();
op_i2b: sp[-1] = (uint32_t)(int32_t)(int8_t)sp[-1]; pc++; NEXT();
op_i2c: sp[-1] = (uint16_t)sp[-1]; pc++; NEXT();
op_i2s: sp[-1] = (uint32_t)(int32_t)(int16_t)sp[-1]; pc++; NEXT();

    /* ---- long arithmetic */
op_ladd: L_PUT(sp - 4, L_GET(sp - 4) + L_GET(sp - 2)); sp -= 2; pc++; NEXT();
op_lsub: L_PUT(sp - 4, L_GET(sp - 4) - L_GET(sp - 2)); sp -= 2; pc++; NEXT();
op_lmul: L_PUT(sp - 4, L_GET(sp - 4) * L_GET(sp - 2)); sp -= 2; pc++; NEXT();
op_ldiv:
op_lrem: {
    uint64_t b = L_GET(sp - 2), a = L_GET(sp - 4);
    if (b == 0)
        THROW(JVM_WK_ARITHMETIC, "/ by zero");
    L_PUT(sp - 4, (uint64_t)ldiv_j((int64_t)a, (int64_t)b, *pc == 0x71));
    sp -= 2; pc++; NEXT();
}
op_lneg: L_PUT(sp - 2, -L_GET(sp - 2)); pc++; NEXT();
op_lshl: L_PUT(sp - 3, L_GET(sp - 3) << (sp[-1] & 63)); sp--; pc++; NEXT();
op_lshr: L_PUT(sp - 3, (uint64_t)((int64_t)L_GET(sp - 3) >> (sp[-1] & 63))); sp--; pc++; NEXT();
op_lushr: L_PUT(sp - 3, L_GET(sp - 3) >> (sp[-1] & 63)); sp--; pc++; NEXT();
op_land: sp[-4] &= sp[-2]; sp[-3] &= sp[-1]; sp -= 2; pc++; NEXT();
op_lor: sp[-4] |= sp[-2]; sp[-3] |= sp[-1]; sp -= 2; pc++; NEXT();
op_lxor: sp[-4] ^= sp[-2]; sp[-3] ^= sp[-1]; sp -= 2; pc++; NEXT();
op_lcmp: {
    int64_t b = (int64_t)L_GET(sp - 2), a = (int64_t)L_GET(sp - 4);
    sp[-4] = a < b ? (uint32_t)-1 : a > b;
    sp -= 3; pc++; NEXT();
}

    /* ---- branches (offsets relative to the instruction) */
op_ifeq: sp--; if ((int32_t)sp[0] == 0) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_ifne: sp--; if ((int32_t)sp[0] != 0) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_iflt: sp--; if ((int32_t)sp[0] < 0) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_ifge: sp--; if ((int32_t)sp[0] >= 0) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_ifgt: sp--; if ((int32_t)sp[0] > 0) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_ifle: sp--; if ((int32_t)sp[0] <= 0) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_ifnull: sp--; if (sp[0] == 0) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_ifnonnull: sp--; if (sp[0] != 0) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_if_icmpeq: sp -= 2; if (sp[0] == sp[1]) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_if_icmpne: sp -= 2; if (sp[0] != sp[1]) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_if_icmplt: sp -= 2; if ((int32_t)sp[0] < (int32_t)sp[1]) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_if_icmpge: sp -= 2; if ((int32_t)sp[0] >= (int32_t)sp[1]) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_if_icmpgt: sp -= 2; if ((int32_t)sp[0] > (int32_t)sp[1]) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_if_icmple: sp -= 2; if ((int32_t)sp[0] <= (int32_t)sp[1]) BRANCH(S2(pc + 1)); pc += 3; NEXT();
op_goto: BRANCH_(S2(pc + 1), 1);
op_goto_w: BRANCH(S4(pc + 1));
op_tableswitch: {
    const uint8_t *p = code + ((uint32_t)(pc - code + 4) & ~3u);
    int32_t lo = S4(p + 4), hi = S4(p + 8), k = (int32_t)*--sp;
    if (k < lo || k > hi)
        BRANCH(S4(p));
    BRANCH(S4(p + 12 + 4 * (uint32_t)(k - lo)));
}
op_lookupswitch: {
    const uint8_t *p = code + ((uint32_t)(pc - code + 4) & ~3u);
    int32_t k = (int32_t)*--sp, n = S4(p + 4), a = 0, b = n; /* [a, b) */
    const uint8_t *pairs = p + 8;
    while (a < b) {
        int32_t mid = (int32_t)((uint32_t)(a + b) >> 1), key = S4(pairs + 8 * mid);
        if (key == k)
            BRANCH(S4(pairs + 8 * mid + 4));
        if (key < k)
            a = mid + 1;
        else
            b = mid;
    }
    BRANCH(S4(p));
}

    /* ---- fields */
op_getfield_w:
    GETFIELD_W();
op_getfield_l: {
    uint32_t off = U2(pc + 1);
    r = sp[-1];
    CHECK_OBJ(r, off + 8);
    sp[-1] = WORD(r + off);
    sp[0] = WORD(r + off + 4);
    sp++;
    pc += 3;
    NEXT();
}
op_putfield_w: {
    uint32_t off = U2(pc + 1);
    r = sp[-2];
    CHECK_OBJ(r, off + 4);
    WORD(r + off) = sp[-1];
    sp -= 2;
    pc += 3;
    NEXT();
}
op_putfield_l: {
    uint32_t off = U2(pc + 1);
    r = sp[-3];
    CHECK_OBJ(r, off + 8);
    WORD(r + off) = sp[-2];
    WORD(r + off + 4) = sp[-1];
    sp -= 3;
    pc += 3;
    NEXT();
}
op_getstatic_w: *sp++ = WORD(rcp[U2(pc + 1)]); pc += 3; NEXT();
op_getstatic_l: {
    uint32_t a = rcp[U2(pc + 1)];
    sp[0] = WORD(a);
    sp[1] = WORD(a + 4);
    sp += 2;
    pc += 3;
    NEXT();
}
op_putstatic_w: WORD(rcp[U2(pc + 1)]) = *--sp; pc += 3; NEXT();
op_putstatic_l: {
    uint32_t a = rcp[U2(pc + 1)];
    WORD(a) = sp[-2];
    WORD(a + 4) = sp[-1];
    sp -= 2;
    pc += 3;
    NEXT();
}
#define SFIELD() ((const jvm_sfield *)(win + rcp[U2(pc + 1)]))
#define INIT_CHECK(c_) do { \
        init_cls = (c_); \
        if (CLS(init_cls)->state != JVM_CS_INITIALIZED && \
            CLS(init_cls)->state != JVM_CS_INITIALIZING) goto do_init; \
    } while (0)
op_getstatic_w_c: INIT_CHECK(SFIELD()->clazz); *sp++ = WORD(SFIELD()->addr); pc += 3; NEXT();
op_getstatic_l_c: {
    INIT_CHECK(SFIELD()->clazz);
    uint32_t a = SFIELD()->addr;
    sp[0] = WORD(a);
    sp[1] = WORD(a + 4);
    sp += 2;
    pc += 3;
    NEXT();
}
op_putstatic_w_c: INIT_CHECK(SFIELD()->clazz); WORD(SFIELD()->addr) = *--sp; pc += 3; NEXT();
op_putstatic_l_c: {
    INIT_CHECK(SFIELD()->clazz);
    uint32_t a = SFIELD()->addr;
    WORD(a) = sp[-2];
    WORD(a + 4) = sp[-1];
    sp -= 2;
    pc += 3;
    NEXT();
}

    /* ---- objects */
op_new_c:
    INIT_CHECK(rcp[U2(pc + 1)]);
    /* fall through */
op_new: {
    uint32_t c = rcp[U2(pc + 1)];
    SAVE_PC();
    uint32_t o = jvm_alloc(vm, c, CLS(c)->inst_bytes, 0);
    if (!o)
        goto oom;
    *sp++ = o;
    pc += 3;
    NEXT();
}
op_checkcast: {
    r = sp[-1];
    if (r) {
        uint32_t t = rcp[U2(pc + 1)];
        CHECK_REF(r);
        uint32_t s = WORD(r);
        if (s != t && !jvm_assignable(vm, s, t)) {
            cast_message(vm, &msg, s, t);
            THROW(JVM_WK_CLASS_CAST, mb);
        }
    }
    pc += 3;
    NEXT();
}
op_instanceof: {
    r = sp[-1];
    if (r) {
        uint32_t t = rcp[U2(pc + 1)];
        CHECK_REF(r);
        uint32_t s = WORD(r);
        sp[-1] = s == t || jvm_assignable(vm, s, t);
    }
    pc += 3;
    NEXT();
}
op_monitor:
    if (!sp[-1])
        NPE();
    sp--;
    pc++;
    NEXT();
op_athrow:
    r = sp[-1];
    if (!r)
        NPE();
    CHECK_REF(r);
    SAVE_PC();
    vm->exc = r;
    goto unwind;

op_wide: {
    uint32_t i = U2(pc + 2);
    switch (pc[1]) {
    case 0x15: case 0x19: *sp++ = lv[i]; break;
    case 0x16: sp[0] = lv[i]; sp[1] = lv[i + 1]; sp += 2; break;
    case 0x36: case 0x3a: lv[i] = *--sp; break;
    case 0x37: lv[i] = sp[-2]; lv[i + 1] = sp[-1]; sp -= 2; break;
    case 0x84: lv[i] += (uint32_t)S2(pc + 4); pc += 6; NEXT();
    default: goto bad_code;
    }
    pc += 4;
    NEXT();
}

    /* ---- calls */
op_invokevirtual: {
    uint32_t e = rcp[U2(pc + 1)], vi = e >> 16, n = e & 0xffff;
    r = sp[-(int32_t)n];
    CHECK_REF(r);
    const jvm_class *c = CLS(WORD(r));
    if (vi >= c->vtable_len)
        goto bad_ref;
    mr = c->vtable[vi];
    ilen = 3;
    goto invoke;
}
op_invokedirect:
    mr = rcp[U2(pc + 1)];
    r = *(uint32_t *)((uint8_t *)sp - METH(mr)->args_bytes);
    CHECK_REF(r);
    ilen = 3;
    goto invoke;
op_invokestatic_c:
    INIT_CHECK(METH(rcp[U2(pc + 1)])->clazz);
    /* fall through */
op_invokestatic:
    mr = rcp[U2(pc + 1)];
    ilen = 3;
    goto invoke;
op_invokeinterface: {
    const jvm_imethod *im = (const jvm_imethod *)(win + rcp[U2(pc + 1)]);
    r = sp[-(int32_t)pc[3]];
    CHECK_REF(r);
    const jvm_class *c = CLS(WORD(r));
    const jvm_itable_ref *it = (const jvm_itable_ref *)(win + c->interfaces);
    uint32_t i = 0;
    while (i < c->ninterfaces && it[i].iface != im->iface)
        i++;
    if (i == c->ninterfaces) {
        jvm_fatal(vm, "invokeinterface: the receiver does not implement the interface", REF(pc));
        goto stop;
    }
    mr = WORD(it[i].itable + 4 * im->index);
    ilen = 5;
    goto invoke;
}
invoke: {
    jvm_method *cm = METH(mr);
    cm->invocations++;
    if (cm->frame_bytes == 0) { /* native or abstract: no code, no frame */
        if (cm->flags & JVM_MF_ABSTRACT) {
            msg.n = 0;
            jvm_msg_class(vm, &msg, cm->clazz);
            jvm_msg_str(&msg, ".");
            m_jstr(vm, &msg, cm->name);
            THROW(JVM_WK_ABSTRACT_METHOD, mb);
        }
        SAVE_PC();
        fr[3] = ilen;
        uint32_t ret[2] = {0, 0}, n = cm->arg_slots;
        int st = jvm_native(vm, cm->native_id, sp - n, ret);
        if (st == 1)
            goto unwind;
        if (st == 2)
            goto stop;
        sp -= n;
        switch (cm->flags & JVM_MF_RET_MASK) {
        case JVM_MF_RET_LONG: sp[1] = ret[1]; sp[0] = ret[0]; sp += 2; break;
        case JVM_MF_RET_VOID: break;
        default: *sp++ = ret[0]; break;
        }
        pc += ilen;
        NEXT();
    }
    uint32_t *nlv = (uint32_t *)((uint8_t *)sp - cm->args_bytes);
    uint32_t *nf = (uint32_t *)((uint8_t *)nlv + cm->locals_bytes);
    if ((uint8_t *)nlv + cm->frame_bytes > stack_end) {
        SAVE_PC();
        THROW(JVM_WK_STACK_OVERFLOW, 0);
    }
    fr[2] = (uint32_t)(pc - code); /* not vm->fp: nothing looks before the next SAVE_PC */
    fr[3] = ilen;
    nf[0] = mr;
    nf[1] = REF(fr);
    fr = nf;
    lv = nlv;
    sp = nf + JVM_FRAME_WORDS;
    m = cm;
    pc = code = win + cm->code;
    rcp = (const uint32_t *)(win + cm->rcp);
    NEXT();
}
    /* a return writes the result where the callee's locals began, after reading the header
     * (a method without locals has its header there) */
op_ireturn: { /* and areturn */
    uint32_t v = sp[-1];
    caller = fr[1];
    lv[0] = v;
    sp = lv + 1;
    goto ret;
}
op_lreturn: {
    uint32_t lo = sp[-2], hi = sp[-1];
    caller = fr[1];
    lv[0] = lo;
    lv[1] = hi;
    sp = lv + 2;
    goto ret;
}
op_return:
    caller = fr[1];
    sp = lv;
ret: {
    FLUSH_COUNT_SOMETIMES();
    if (m->flags & JVM_MF_CLINIT)
        CLS(m->clazz)->state = JVM_CS_INITIALIZED;
    if (!caller) {
        vm->done = 1;
        goto stop;
    }
    LOAD_FRAME((uint32_t *)(win + caller));
    if (fr[2] == JVM_PC_NOT_STARTED) {
        pc = code;
        m->invocations++;
    } else {
        pc = code + fr[2] + fr[3];
    }
    NEXT();
}

    /* ---- fused opcodes: two instructions, one dispatch (jvm/image.h, JVM_FUSED_LIST) */
op_f_ALOAD_0_GETFIELD_W: LOAD_GETFIELD_W(0, 1);
op_f_ALOAD_1_GETFIELD_W: LOAD_GETFIELD_W(1, 1);
op_f_ALOAD_2_GETFIELD_W: LOAD_GETFIELD_W(2, 1);
op_f_ALOAD_3_GETFIELD_W: LOAD_GETFIELD_W(3, 1);
op_f_ALOAD_GETFIELD_W: LOAD_GETFIELD_W(pc[1], 2);
getfield_fail: /* r: null or outside the window (CHECK_OBJ's cases) */
    if (!r)
        NPE();
    goto bad_ref;
op_f_ICONST_1_IADD: FUSED_SECOND(1); sp[-1] += 1; pc++; NEXT();
op_f_ICONST_1_ISUB: FUSED_SECOND(1); sp[-1] -= 1; pc++; NEXT();
op_f_IINC_GOTO:
    lv[pc[1]] += (uint32_t)(int32_t)(int8_t)pc[2];
    FUSED_SECOND(3);
    BRANCH_(S2(pc + 1), 1);
op_f_ILOAD_ILOAD:
    sp[0] = lv[pc[1]];
    FUSED_SECOND(2);
    sp[1] = lv[pc[1]];
    sp += 2;
    pc += 2;
    NEXT();
op_f_ILOAD_IALOAD: *sp++ = lv[pc[1]]; FUSED_SECOND(2); IALOAD();
op_f_ILOAD_CALOAD: *sp++ = lv[pc[1]]; FUSED_SECOND(2); CALOAD();
op_f_ILOAD_1_IALOAD: *sp++ = lv[1]; FUSED_SECOND(1); IALOAD();
op_f_ILOAD_2_IALOAD: *sp++ = lv[2]; FUSED_SECOND(1); IALOAD();
op_f_ILOAD_3_IALOAD: *sp++ = lv[3]; FUSED_SECOND(1); IALOAD();
/* iload b; if_icmpXX: the second operand is the local, never stored to the stack */
#define ILOAD_IF_ICMP(cond_) do { \
        int32_t b_ = (int32_t)lv[pc[1]]; \
        FUSED_SECOND(2); \
        int32_t a_ = (int32_t)*--sp; \
        if (cond_) BRANCH(S2(pc + 1)); \
        pc += 3; \
        NEXT(); \
    } while (0)
op_f_ILOAD_IF_ICMPEQ: ILOAD_IF_ICMP(a_ == b_);
op_f_ILOAD_IF_ICMPNE: ILOAD_IF_ICMP(a_ != b_);
op_f_ILOAD_IF_ICMPLT: ILOAD_IF_ICMP(a_ < b_);
op_f_ILOAD_IF_ICMPGE: ILOAD_IF_ICMP(a_ >= b_);
op_f_ILOAD_IF_ICMPGT: ILOAD_IF_ICMP(a_ > b_);
op_f_ILOAD_IF_ICMPLE: ILOAD_IF_ICMP(a_ <= b_);
op_f_ALOAD_0_ILOAD: sp[0] = lv[0]; FUSED_SECOND(1); sp[1] = lv[pc[1]]; sp += 2; pc += 2; NEXT();
op_f_ALOAD_1_ILOAD: sp[0] = lv[1]; FUSED_SECOND(1); sp[1] = lv[pc[1]]; sp += 2; pc += 2; NEXT();
op_f_ALOAD_2_ILOAD: sp[0] = lv[2]; FUSED_SECOND(1); sp[1] = lv[pc[1]]; sp += 2; pc += 2; NEXT();
op_f_ALOAD_3_ILOAD: sp[0] = lv[3]; FUSED_SECOND(1); sp[1] = lv[pc[1]]; sp += 2; pc += 2; NEXT();

    /* ---- slow paths */
do_init: {
    SAVE_PC();
    fr[3] = 0;
    int st = push_init(vm, init_cls, sp);
    if (vm->done)
        goto stop;
    if (st < 0)
        goto unwind;
    if (st == 0) /* nothing to run (no <clinit> up the chain): execute the instruction */
        goto *disp[*pc];
    FLUSH_COUNT();
    icount--; /* the instruction is counted again when it executes */
    goto enter_top;
}
aioobe:
    msg.n = 0;
    jvm_msg_str(&msg, "Index ");
    jvm_msg_int(&msg, ix);
    jvm_msg_str(&msg, " out of bounds for length ");
    jvm_msg_int(&msg, (int32_t)WORD(r + JVM_ARR_LENGTH));
    THROW(JVM_WK_AIOOBE, mb);
oom:
    xwk = JVM_WK_OOM;
    xmsg = "Java heap space";
    /* fall through */
throw_new:
    SAVE_PC();
    jvm_make_exc(vm, xwk, xmsg);
    if (vm->done)
        goto stop;
    /* fall through */
unwind: {
    /* vm->exc thrown in frame fr at its saved pc */
    FLUSH_COUNT();
    for (;;) {
        if (vm->done)
            goto stop;
        jvm_method *fm = METH(fr[0]);
        uint32_t xpc = fr[2];
        if (xpc != JVM_PC_NOT_STARTED && fm->nhandlers) {
            const jvm_handler *h = (const jvm_handler *)(win + fm->handlers);
            uint32_t xc = WORD(vm->exc);
            for (uint32_t i = 0; i < fm->nhandlers; i++, h++) {
                if (xpc < h->start_pc || xpc >= h->end_pc)
                    continue;
                if (h->catch_class && !jvm_assignable(vm, xc, h->catch_class))
                    continue;
                LOAD_FRAME(fr);
                sp = fr + JVM_FRAME_WORDS;
                *sp++ = vm->exc;
                vm->exc = 0;
                pc = code + h->handler_pc;
                NEXT();
            }
        }
        caller = fr[1];
        if (fm->flags & JVM_MF_CLINIT) {
            CLS(fm->clazz)->state = JVM_CS_ERRONEOUS;
            fail_pending(vm, fm->clazz);
            vm->fp = caller;
            if (caller && !(vm->error_class && jvm_assignable(vm, WORD(vm->exc), vm->error_class)))
                wrap_init_error(vm);
        }
        if (!caller)
            break;
        vm->fp = caller;
        fr = (uint32_t *)(win + caller);
    }
    /* uncaught: the header's handler in a fresh frame at the stack's base */
    if (vm->exit_status == 1 || !hdr->uncaught) { /* already in it: give up */
        vm->done = 1;
        vm->exit_status = 1;
        goto stop;
    }
    vm->exit_status = 1;
    uint32_t *base = (uint32_t *)(win + vm->stack_lo);
    base[0] = vm->exc;
    vm->exc = 0;
    vm->fp = 0;
    if (!push_frame(vm, hdr->uncaught, base, 0)) {
        jvm_fatal(vm, "no stack for the uncaught-exception handler", 0);
        goto stop;
    }
    goto enter_top;
}

op_unsupported:
bad_code:
    jvm_fatal(vm, "bad or unsupported bytecode", (uint32_t)(pc - code));
    goto stop;
bad_ref:
    jvm_fatal(vm, "a reference outside the window", r);
    goto stop;
stop:
    FLUSH_COUNT();
    return;
}

/* ------------------------------------------------------------------ set-up and the run */

static int name_is(jvm_vm *vm, uint32_t s, const char *want)
{
    char b[64];
    jvm_msg m = {b, 0, sizeof b};
    m_jstr(vm, &m, s);
    uint32_t i = 0;
    while (want[i] && b[i] == want[i])
        i++;
    return want[i] == 0 && b[i] == 0;
}

const char *jvm_init(jvm_vm *vm, const jvm_platform *plat, uint8_t *win, uint32_t win_bytes,
                     uint32_t image_bytes, uint32_t semi_bytes)
{
    jvm_memset(vm, 0, sizeof *vm);
    vm->win = win;
    vm->win_bytes = win_bytes & ~7u;
    vm->plat = plat;
    const jvm_image_hdr *h = (const jvm_image_hdr *)win;
    vm->hdr = h;
    if (((uintptr_t)win & 7) != 0)
        return "the window is not 8-byte aligned";
    if (win_bytes < sizeof *h || image_bytes < sizeof *h || image_bytes > win_bytes)
        return "the image does not fit in the window";
    if (h->magic != JVM_IMAGE_MAGIC)
        return "bad image magic";
    if (h->version != JVM_IMAGE_VERSION)
        return "unsupported image version";
    if (h->image_bytes != image_bytes)
        return "the image's size disagrees with its header";
    vm->image_bytes = image_bytes;
    if (!h->main_method || h->main_method >= image_bytes || !h->main_class ||
        h->main_class >= image_bytes || h->uncaught >= image_bytes ||
        h->static_refs + 4 * (uint64_t)h->nstatic_refs > image_bytes ||
        h->classes + 4 * (uint64_t)h->nclasses > image_bytes)
        return "the image header's refs are outside the image";
    for (unsigned i = 0; i < JVM_WK_COUNT; i++)
        if (!h->wk[i] || h->wk[i] >= image_bytes)
            return "the image lacks a well-known class";
    uint32_t heap_lo = (image_bytes + 7) & ~7u, room = vm->win_bytes - heap_lo, stack;
    if (semi_bytes == 0) {
        stack = room / 6;
        if (stack < 4096)
            stack = 4096;
        if (stack > 256 * 1024)
            stack = 256 * 1024;
        if (stack > room)
            return "no room after the image for the heap and the stack";
        semi_bytes = (room - stack) / 2 & ~7u;
    } else {
        semi_bytes &= ~7u;
        if ((uint64_t)2 * semi_bytes + 1024 > room)
            return "the heap asked for does not fit in the window";
        stack = room - 2 * semi_bytes;
    }
    if (semi_bytes < 2 * JVM_HEAP_RESERVE)
        return "no room after the image for the heap";
    vm->heap_lo = heap_lo;
    vm->semi_bytes = semi_bytes;
    vm->space = heap_lo;
    vm->alloc = heap_lo;
    vm->alloc_end = heap_lo + semi_bytes;
    vm->stack_lo = heap_lo + 2 * semi_bytes;
    vm->stack_hi = vm->win_bytes;
    vm->hash_seed = 0x2545f491u;
    const uint32_t *cl = (const uint32_t *)(win + h->classes);
    for (uint32_t i = 0; i < h->nclasses; i++)
        if (cl[i] && cl[i] < image_bytes && name_is(vm, jvm_cls(vm, cl[i])->name, "java.lang.Error"))
            vm->error_class = cl[i];
    return 0;
}

int jvm_run(jvm_vm *vm)
{
    uint8_t *win = vm->win;
    const jvm_image_hdr *h = vm->hdr;
    uint32_t *lv = (uint32_t *)(win + vm->stack_lo);
    lv[0] = h->args;
    vm->exit_status = 0;
    uint32_t *f = push_frame(vm, h->main_method, lv, 0);
    if (!f) {
        jvm_fatal(vm, "no stack for main", 0);
        return JVM_RUN_FATAL;
    }
    int st = push_init(vm, h->main_class, f + JVM_FRAME_WORDS);
    (void)st; /* < 0: vm->exc is set and run() unwinds it */
    if (!vm->done)
        run(vm);
    /* invocations: the methods' own counts (jvm_method.invocations), summed once at the end */
    const uint32_t *cl = (const uint32_t *)(win + h->classes);
    vm->invocations = 0;
    for (uint32_t i = 0; i < h->nclasses; i++) {
        const jvm_class *c = jvm_cls(vm, cl[i]);
        const jvm_method *ms = jvm_meth(vm, c->methods);
        for (uint32_t k = 0; c->methods && k < c->nmethods; k++)
            vm->invocations += ms[k].invocations;
    }
    uint32_t used = vm->alloc - vm->space;
    if (used > vm->heap_hwm)
        vm->heap_hwm = used;
    if (vm->fatal)
        return JVM_RUN_FATAL;
    return vm->exit_status;
}
