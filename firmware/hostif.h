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

#define HOSTIF_MAGIC 0x534d4331u /* "1CMS" little-endian; written by the host */

/* flags (in) */
#define HOSTIF_F_STOP_AFTER 0x1u /* stop after exactly stop_after guest instructions */
#define HOSTIF_F_MAX_CYCLES 0x2u /* stop once the run has used max_cycles native cycles; checked
                                    * between chunks of at most 1024 guest instructions, so a run
                                    * may overshoot by up to one chunk */
#define HOSTIF_F_CRT        0x4u /* print the final store as the Baby's CRT showed it */
#define HOSTIF_F_STATS      0x8u /* print the hardware counters */
#define HOSTIF_F_QUIET      0x10u /* print nothing (tests) */
#define HOSTIF_F_ANSWER     0x20u /* end the report with store[answer_line] ("answer: ...") */

/* status (out) -- also the firmware's MMIO_EXIT code and the harness's exit status */
#define HOSTIF_ST_HALTED      0u /* guest executed STP */
#define HOSTIF_ST_LIMIT       2u /* stop-after count or cycle limit reached */
#define HOSTIF_ST_LOAD_ERROR  3u /* (harness only) the program could not be loaded */
#define HOSTIF_ST_FAULT       4u /* internal fault: unexpected trap, bad host block, time-out */
#define HOSTIF_ST_USAGE       64u /* (harness only) bad command line */

#define HOSTIF_NCOUNTERS 32 /* counters[i] = CSR 0xFC0 + i at the end of the run, for the
                             * counters docs/isa.md section 8 defines; the others stay 0 */
#define HOSTIF_STORE_WORDS 32 /* SSEM store lines (the guest window holds store[]) */
/* sizeof(hostif_t), for link.ld and assembly: 20 scalar words, the counters, store and
 * profile. firmware/fw.h and sim/harness.c check it against sizeof(hostif_t). */
#define HOSTIF_BYTES (4 * (20 + HOSTIF_NCOUNTERS + 2 * HOSTIF_STORE_WORDS))

#ifndef __ASSEMBLER__
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
} hostif_t;
#endif
#endif
