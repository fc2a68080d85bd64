/* link_int.h -- the linker's own structures, shared by jvm/link*.c (not by its users).
 *
 *   link.c        loading on demand, resolution, reachability, quick bytecode, string concat
 *   link_gc.c     GC maps and loop headers: a dataflow pass over each reached method; then
 *                 the fused opcodes (jvm/image.h, JVM_FUSED_LIST)
 *   link_image.c  layout (fields, statics, vtables, itables) and the image's bytes
 *   link_dump.c   the image printed (cms-jvmlink --dump)
 */
#ifndef JVM_LINK_INT_H
#define JVM_LINK_INT_H

#include <setjmp.h>
#include <stdint.h>

#include "classfile.h"
#include "image.h"
#include "jar.h"
#include "link.h"

/* the native ids: a native method's line in jvm/natives.def, from 0 */
enum {
#define JVM_NATIVE(id, cls, name, desc) JVM_NATIVE_##id,
#include "natives.def"
#undef JVM_NATIVE
    JVM_NATIVE_COUNT
};

typedef struct lk_class lk_class;

typedef struct {
    lk_class *cls;
    const char *name, *desc;
    uint16_t access;
    uint16_t constval;     /* static finals: ConstantValue CP index, or 0 */
    uint32_t off;          /* instance: byte offset in the object; static: byte offset in the
                            * statics block (link_image.c) */
} lk_field;

typedef struct {
    lk_class *cls;
    const char *name, *desc;
    uint16_t access;
    const cf_method *cf;   /* NULL for a synthesized method */
    uint8_t *code;         /* the quick bytecode (own copy) once scanned */
    uint32_t code_len;
    uint16_t max_stack, max_locals, arg_slots;
    int native_id;         /* -1 unless native */
    int reached, scanned;
    int vindex;            /* vtable slot, -1 for non-virtual methods */
    int iindex;            /* interface methods: the itable index, else -1 */
    uint32_t *gcmaps;      /* ngcmaps * gcmap_words words (link_gc.c) */
    uint32_t ngcmaps, gcmap_words;
    uint32_t *loops;       /* loop header pcs */
    uint32_t nloops;
    uint32_t img;          /* its jvm_method's offset in the image */
} lk_method;

/* what a resolved constant pool word holds (resolved to a number when the image is written) */
enum {
    RC_NONE, RC_INT, RC_STRING, RC_CLASS, RC_METHOD, RC_VIRT, RC_IMETHOD, RC_FOFF, RC_SADDR,
    RC_SFIELD
};

typedef struct {
    int kind;
    uint32_t val;          /* RC_INT: the value; RC_FOFF: unused (field) ; RC_STRING: string id */
    void *p;               /* RC_CLASS: lk_class; RC_METHOD, RC_VIRT, RC_IMETHOD: lk_method;
                            * RC_FOFF, RC_SADDR, RC_SFIELD: lk_field */
    const char *desc;      /* for the GC pass: the field's or method's descriptor, or "I", "J",
                            * "L" for a constant */
    int hi;                /* RC_SADDR/RC_INT of a long: the high word (+4) */
} lk_rc;

struct lk_class {
    char *name;            /* "pkg/Name", "[I", "[Ljava/lang/String;" */
    cf_class *cf;          /* NULL for array classes */
    lk_class *super;
    lk_class **ifaces;     /* the direct superinterfaces */
    int nifaces;
    lk_class **all_ifaces; /* every interface, inherited ones included (link_image.c) */
    int nall_ifaces;
    lk_field *fields;
    int nfields;
    lk_method **methods;   /* declared ones, then synthesized ones */
    int nmethods, methods_cap;
    uint32_t flags;        /* JVM_CF_* */
    int loading, init_marked, laid_out;
    int instantiated;      /* objects of it may exist: new, or made by the firmware */
    lk_class *elem;        /* arrays: the component class (NULL for primitive elements) */
    int elem_type, dims;
    uint32_t inst_bytes;
    lk_method **vtable;
    int vtable_len;
    lk_method **itable;    /* interfaces: their own methods in itable order */
    int itable_len;
    lk_rc *rcp;            /* one per CP index, then appended entries */
    int nrcp, rcp_cap;
    int nconcat;           /* synthesized concatenation methods so far */
    uint32_t img;          /* its jvm_class's offset in the image */
};

typedef struct {
    char *s;               /* modified UTF-8, NUL-terminated */
    uint32_t img;
} lk_string;

typedef struct {
    const jvm_link_opts *o;
    char *err;
    size_t errlen;
    jmp_buf fail;          /* every error longjmps here after writing err */
    lk_class **classes;
    int nclasses, classes_cap;
    lk_method **work;      /* reached methods not scanned yet */
    int nwork, work_cap;
    char **selectors;      /* "name desc" of every virtual or interface call: open hashing */
    uint32_t nsel, sel_cap;
    lk_string *strings;
    int nstrings, strings_cap;
    int *string_hash;      /* open hashing of strings: index + 1, 0 empty */
    uint32_t string_hash_cap;
    lk_class *wk[JVM_WK_COUNT];
    lk_method *main_method, *uncaught;
    lk_class *main_class;
    uint8_t *imgbuf;       /* the image being written (link_image.c) */
    uint32_t sizes[JVM_SIZE_COUNT]; /* its bytes by kind */
    jvm_jar **jars;        /* per class path entry: the open .jar, or NULL for a folder */
} lk_ctx;

/* link.c */
void lk_fail(lk_ctx *L, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
void *lk_alloc(lk_ctx *L, size_t n);
char *lk_strdup(lk_ctx *L, const char *s);
lk_class *lk_find_class(lk_ctx *L, const char *name); /* loaded already, or NULL */
lk_class *lk_load_class(lk_ctx *L, const char *name, const char *where);
lk_class *lk_array_class(lk_ctx *L, const char *name, const char *where);
lk_field *lk_lookup_field(lk_class *c, const char *name, const char *desc);
int lk_intern(lk_ctx *L, const char *mutf8);
int lk_is_subclass(const lk_class *c, const lk_class *of); /* c == of or extends it */
unsigned lk_arg_slots(const char *desc);   /* the arguments' slots, no receiver */
int lk_ret_kind(const char *desc);          /* 0 void, 1 int-like, 2 ref, 3 long (two slots) */

/* link_gc.c: the GC maps and loop headers of a scanned method (fails with a message) */
void lk_gcmaps(lk_ctx *L, lk_method *m);
int lk_gc_point(unsigned op);  /* 1 if op (standard or quick) needs a GC map entry */
unsigned lk_insn_len(const uint8_t *code, uint32_t len, uint32_t pc); /* quick forms too */
/* a fused opcode's first and second instructions' opcodes (a, b may be NULL) and the first's
 * length, which is the fused instruction's; 0 if op is no fused opcode */
unsigned lk_fused(unsigned op, unsigned *a, unsigned *b);
void lk_fuse(lk_ctx *L, lk_method *m); /* the fused opcodes, written in place (after the GC maps) */

/* link_image.c */
void lk_layout_class(lk_ctx *L, lk_class *c);  /* fields and vtable (supers first) */
void lk_write_image(lk_ctx *L, jvm_image_buf *out);

#endif
