/* hostif.h -- the host block: how a harness (simulator, or the board build's memory image)
 * hands parameters to the firmware and reads results back.
 *
 * It lives at CMS_HOSTBLK_ADDR in DMEM. The host writes the "in" fields before reset; the
 * firmware writes the "out" fields and then writes its status to MMIO_EXIT. All fields are
 * 32-bit words so the layout is the same for the RV32 firmware and a 64-bit host.
 * The guest window (the SSEM store) is hostif_t.store: the firmware points GWBASE at it.
 */
#ifndef HOSTIF_H
#define HOSTIF_H

#include "cms_defs.h" /* spec/chip.tbl: the numbers below come from there */

#define HOSTIF_MAGIC CMS_HOSTIF_MAGIC /* "1CMS" little-endian; written by the host */

/* flags (in) */
#define HOSTIF_F_STOP_AFTER 0x1u /* stop after exactly stop_after guest instructions */
#define HOSTIF_F_MAX_CYCLES 0x2u /* stop once the run has used max_cycles native cycles; checked
                                    * between chunks of at most CMS_CHUNK_STEPS guest instructions,
                                    * so a run may overshoot by up to one chunk */
#define HOSTIF_F_CRT        0x4u /* print the final store as the Baby's CRT showed it */
#define HOSTIF_F_STATS      0x8u /* print the hardware counters */
#define HOSTIF_F_QUIET      0x10u /* print nothing (tests) */
#define HOSTIF_F_ANSWER     0x20u /* end the report with store[answer_line] ("answer: ...") */
#define HOSTIF_F_INTERPRET_ONLY 0x40u /* the translating firmware only interprets (as the
                                       * interpret-only firmware always does) */
#define HOSTIF_F_THRESHOLD_SHIFT 16 /* flags[31:16]: the translating firmware's hot-line threshold
                                     * (guest executions of a line before it is translated);
                                     * 0 = its default. The interpret-only firmware ignores it. */

/* status (out) -- also the firmware's MMIO_EXIT code and the harness's exit status */
#define HOSTIF_ST_HALTED      CMS_EXIT_HALTED     /* guest executed STP */
#define HOSTIF_ST_LIMIT       CMS_EXIT_LIMIT      /* stop-after count or cycle limit reached */
#define HOSTIF_ST_LOAD_ERROR  CMS_EXIT_LOAD_ERROR /* (harness only) the program could not be loaded */
#define HOSTIF_ST_FAULT       CMS_EXIT_FAULT      /* internal fault: unexpected trap, bad host block, time-out */
#define HOSTIF_ST_USAGE       CMS_EXIT_USAGE      /* (harness only) bad command line */

#define HOSTIF_NCOUNTERS CMS_HOSTIF_NCOUNTERS /* counters[i] = CSR 0xFC0 + i at the end of the run, for
                             * the counters docs/isa.md section 8 defines; the others stay 0 */
#define HOSTIF_STORE_WORDS CMS_HOSTIF_STORE_WORDS /* SSEM store lines (the guest window holds store[]) */
/* sizeof(hostif_t), for link.ld and assembly: CMS_HOSTIF_SCALARS scalar words, the counters,
 * store and profile. firmware/fw.h and sim/hostblk.c check it against sizeof(hostif_t). */
#define HOSTIF_BYTES (4 * (CMS_HOSTIF_SCALARS + HOSTIF_NCOUNTERS + 2 * HOSTIF_STORE_WORDS + \
                          CMS_HOSTIF_JVM_WORDS))

/* guest (in): which guest the host loaded; a firmware built for another one refuses to run */
#define HOSTIF_GUEST_SSEM 0u
#define HOSTIF_GUEST_JVM  1u

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>
typedef struct {
    /* in */
    uint32_t magic;
    uint32_t flags;
    uint32_t stop_after_lo, stop_after_hi;
    uint32_t max_cycles_lo, max_cycles_hi;
    uint32_t answer_line;            /* with HOSTIF_F_ANSWER: a store line, 0..31 */
    /* out */
    uint32_t status;
    uint32_t a, ci;
    uint32_t steps_lo, steps_hi;
    uint32_t cycles_lo, cycles_hi;   /* native cycles spent running the guest */
    uint32_t instret_lo, instret_hi; /* firmware instructions retired running the guest */
    uint32_t trap_cause, trap_pc, trap_tval; /* set with HOSTIF_ST_FAULT */
    uint32_t irqs;                   /* external interrupts taken (and acknowledged) in the run */
    uint32_t counters[HOSTIF_NCOUNTERS];
    /* in and out: the guest store (the guest window) */
    int32_t store[HOSTIF_STORE_WORDS];
    /* out: times each store line was executed as an instruction (the translator's profile) */
    uint32_t profile[HOSTIF_STORE_WORDS];
    /* The JVM guest (docs/jvm.md). in: */
    uint32_t guest;                  /* HOSTIF_GUEST_*: 0 for SSEM (hosts that predate it) */
    uint32_t jvm_window;             /* physical byte address of the guest window: the image
                                      * (jvm/image.h) starts there; DMEM_BASE + JVM_WINDOW_OFF */
    uint32_t jvm_window_bytes;       /* the window: image, heap and Java stack */
    uint32_t jvm_image_bytes;        /* the image's size (its header says it too) */
    /* out: */
    uint32_t jvm_exit;               /* the guest's exit status: System.exit's argument, 1 after
                                      * an uncaught exception, 0 when main returns */
    uint32_t jvm_bytecodes_lo, jvm_bytecodes_hi; /* bytecodes executed */
    uint32_t jvm_invocations_lo, jvm_invocations_hi; /* method invocations (natives included) */
    uint32_t jvm_allocations;        /* objects and arrays allocated */
    uint32_t jvm_alloc_bytes_lo, jvm_alloc_bytes_hi;
    uint32_t jvm_gcs;                /* collections */
    uint32_t jvm_gc_cycles_lo, jvm_gc_cycles_hi; /* native cycles spent collecting */
    uint32_t jvm_heap_hwm;           /* the most heap bytes live after a collection, or in use
                                      * when the run ended */
    uint32_t jvm_heap_bytes;         /* the heap's size (one semispace) */
    uint32_t jvm_reserved[15];
} hostif_t;
#ifndef __cplusplus
_Static_assert(sizeof(hostif_t) == HOSTIF_BYTES, "HOSTIF_BYTES disagrees with hostif_t");
_Static_assert(offsetof(hostif_t, counters) == 4 * CMS_HOSTIF_SCALARS, "CMS_HOSTIF_SCALARS");
_Static_assert(sizeof(hostif_t) - offsetof(hostif_t, guest) == 4 * CMS_HOSTIF_JVM_WORDS,
               "CMS_HOSTIF_JVM_WORDS");
#endif
#endif
#endif
