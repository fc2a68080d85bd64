/* interp.h -- the JVM guest's bytecode interpreter and precise collector (jvm/interp.c,
 * jvm/gc.c, jvm/natives.c).
 *
 * Portable freestanding C11: no libc, no globals. All state lives in a jvm_vm the caller owns;
 * the platform (output bytes, the clock, nothing else) comes through jvm_platform. The same
 * sources build into the firmware (firmware/jvm_main.c -> build/fw/jvm.elf) and into the host
 * runner (jvm/host_main.c -> build/jvm-host).
 *
 * THE WINDOW (jvm/image.h: refs are byte offsets from its base, 0 = null):
 *
 *   [0, image_bytes)              the image (the linker's output, header at 0)
 *   [heap_lo, heap_lo + semi)     semispace A  \ the heap: objects are allocated in one,
 *   [heap_lo + semi, + 2 * semi)  semispace B  / copied into the other by a collection
 *   [stack_lo, stack_hi)          the Java stack: frames, growing upwards
 *
 * A FRAME (word offsets from the frame's base F, a ref):
 *   F - 4 * max_locals .. F   its locals; the first arg_slots are the caller's pushed
 *                             arguments (the callee's locals overlap the caller's operands)
 *   F + 0   method            ref of the jvm_method
 *   F + 4   caller            ref of the caller's frame; 0 for the bottom frame
 *   F + 8   pc                the frame's pc (byte offset in its code) at its latest call or
 *                             point where a collection or exception can happen; JVM_PC_NOT_STARTED
 *                             for a frame pushed but not yet entered (a <clinit> whose
 *                             superclass's <clinit> runs first, main before the main class's)
 *   F + 12  resume            bytes to advance over when its callee returns: the invoke's
 *                             length, or 0 to execute the instruction again (after a <clinit>)
 *   F + 16  ..                the operand stack, max_stack slots
 */
#ifndef JVM_INTERP_H
#define JVM_INTERP_H

#include <stddef.h>
#include <stdint.h>
#include "image.h"

/* the native methods' ids (jvm_method.native_id), in natives.def's order */
#ifndef JVM_NATIVE_COUNT
enum {
#define JVM_NATIVE(id, cls, name, desc) JVM_NATIVE_##id,
#include "natives.def"
#undef JVM_NATIVE
    JVM_NATIVE_COUNT_
};
#define JVM_NATIVE_COUNT JVM_NATIVE_COUNT_
#endif

#define JVM_PC_NOT_STARTED 0xffffffffu
#define JVM_BACKTRACE_MAX 1024 /* frames a backtrace keeps (java's MaxJavaStackTraceDepth) */
#define JVM_TMP_ROOTS 16       /* the interpreter's own temporaries the collector updates */

/* what jvm_run returns besides the guest's exit status (>= 0 is never one of these) */
#define JVM_RUN_FATAL (-1) /* the VM stopped: vm->fatal says why (a corrupt image, a ref
                            * outside the window) */

typedef struct {
    void *ctx;
    /* write n bytes to fd 1 (standard output) or 2 (standard error) */
    void (*write)(void *ctx, int fd, const uint8_t *p, uint32_t n);
    /* nanoseconds since the run began (System.nanoTime, currentTimeMillis) */
    uint64_t (*nanos)(void *ctx);
    /* a counter for the collector's cost (native cycles on the chip); may be NULL */
    uint64_t (*cycles)(void *ctx);
    /* asked about every 2^20 bytecodes (at a backward branch or return): non-zero stops the
     * run with vm->limit set (the host's cycle limit); may be NULL */
    int (*limit)(void *ctx);
} jvm_platform;

typedef struct {
    /* the window */
    uint8_t *win;
    uint32_t win_bytes;
    uint32_t image_bytes;
    const jvm_image_hdr *hdr;
    const jvm_platform *plat;
    /* the heap */
    uint32_t heap_lo, semi_bytes; /* semispace A at heap_lo, B at heap_lo + semi_bytes */
    uint32_t space;               /* the current semispace's base */
    uint32_t alloc, alloc_end;    /* bump allocation in [space, alloc_end) */
    uint32_t hash_seed;
    /* the Java stack */
    uint32_t stack_lo, stack_hi;
    uint32_t fp;                  /* the top frame, or 0 (run() writes it before anything
                                   * outside it may walk the frames) */
    /* roots besides statics and frames */
    uint32_t exc;                 /* the exception being thrown */
    uint32_t tmp[JVM_TMP_ROOTS];  /* objects being built (multianewarray, exception objects) */
    uint32_t ntmp;
    uint32_t error_class;         /* java/lang/Error, or 0 */
    /* results */
    int32_t exit_status;
    int done;
    int limit;                    /* the platform's limit stopped the run */
    const char *fatal;            /* set with JVM_RUN_FATAL */
    uint32_t fatal_detail;
    /* statistics (the host block's jvm_* fields) */
    uint64_t bytecodes, invocations, alloc_bytes, gc_cycles;
    uint32_t allocations, gcs, heap_hwm;
} jvm_vm;

/* Set up vm over a window holding an image. semi_bytes = 0: split the room after the image
 * between the stack and two semispaces by the default policy. Returns NULL, or the reason the
 * window or image cannot be run. */
const char *jvm_init(jvm_vm *vm, const jvm_platform *plat, uint8_t *win, uint32_t win_bytes,
                     uint32_t image_bytes, uint32_t semi_bytes);

/* Run the program: initialize the main class, call main, report an uncaught exception. Returns
 * the guest's exit status (System.exit's argument, any int, 1 after an uncaught exception, 0
 * when main returns); when the VM stopped on a fatal error vm->fatal is set (and JVM_RUN_FATAL
 * returned, which a guest may also give: test vm->fatal). */
int jvm_run(jvm_vm *vm);

/* ---- shared by interp.c, gc.c and natives.c (not for the platform) ---- */

/* Allocate `bytes` (a multiple of 4) of heap with the class word set, the rest zero; collects
 * when needed. Returns 0 when it cannot make room (the caller throws OutOfMemoryError).
 * `reserve`: may use the last JVM_HEAP_RESERVE bytes (the VM's own exception objects). */
#define JVM_HEAP_RESERVE 512u
uint32_t jvm_alloc(jvm_vm *vm, uint32_t cls, uint32_t bytes, int reserve);
/* a collection; returns the bytes free afterwards */
uint32_t jvm_gc(jvm_vm *vm);
/* new array of class acls (length >= 0 checked by the caller); 0 when out of memory */
uint32_t jvm_new_array(jvm_vm *vm, uint32_t acls, int32_t length, int reserve);
/* a String of the ASCII bytes s[0..n) (the VM's messages); 0 when out of memory */
uint32_t jvm_new_string(jvm_vm *vm, const char *s, uint32_t n);
/* is an object of class s assignable to class t (checkcast, instanceof, handlers, aastore) */
int jvm_assignable(jvm_vm *vm, uint32_t s, uint32_t t);
/* build and set vm->exc: a new object of well-known class wk with a message (may be NULL),
 * its backtrace from the current frames. An OutOfMemoryError stands in when there is no room. */
void jvm_make_exc(jvm_vm *vm, unsigned wk, const char *msg);
/* the backtrace int[] of the current frames, skipping `skip` frames on top; 0 without room */
uint32_t jvm_backtrace(jvm_vm *vm, uint32_t skip_ctor_of);
/* stop with a fatal error */
void jvm_fatal(jvm_vm *vm, const char *why, uint32_t detail);

/* a native method: args = its argument slots; the result goes to ret[0] (and ret[1] for a
 * long). Returns 0 done, 1 an exception was thrown (vm->exc), 2 the run ends (vm->done). */
int jvm_native(jvm_vm *vm, unsigned id, uint32_t *args, uint32_t *ret);

/* window access */
static inline uint32_t *jvm_w(const jvm_vm *vm, uint32_t ref) { return (uint32_t *)(vm->win + ref); }
/* is [ref, ref + n) inside the window (and ref 4-aligned)? */
static inline int jvm_in_win(const jvm_vm *vm, uint32_t ref, uint32_t n)
{
    return (ref & 3) == 0 && n <= vm->win_bytes && ref <= vm->win_bytes - n;
}
static inline const jvm_class *jvm_cls(const jvm_vm *vm, uint32_t ref)
{
    return (const jvm_class *)(vm->win + ref);
}
static inline const jvm_method *jvm_meth(const jvm_vm *vm, uint32_t ref)
{
    return (const jvm_method *)(vm->win + ref);
}

/* a message for an exception the VM throws, built in a caller's buffer (always terminated) */
typedef struct {
    char *b;
    uint32_t n, cap;
} jvm_msg;
void jvm_msg_str(jvm_msg *m, const char *s);
void jvm_msg_int(jvm_msg *m, int64_t v);
void jvm_msg_class(jvm_vm *vm, jvm_msg *m, uint32_t cls); /* the class's name, as getName() */

/* freestanding helpers (no libc) */
void jvm_memcpy(void *d, const void *s, uint32_t n);
void jvm_memset(void *d, int c, uint32_t n);
uint64_t jvm_udiv64(uint64_t n, uint64_t d, uint64_t *rem);

#endif
