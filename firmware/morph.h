/* morph.h -- the code morphing part of the firmware (morph.c; only in the -DCMS_MORPH build,
 * build/fw/ssem-tx.elf): translation cache by entry line, TC allocation and flush, protection
 * bits, entering translations, EXIT and abort handling per docs/translator.md's contract. */
#ifndef MORPH_H
#define MORPH_H
#include <stdint.h>
#include "fw.h"

#define MORPH_THRESHOLD_DEFAULT 50u

/* results of morph_enter */
enum { MORPH_GO = 0, MORPH_HALT = 1, MORPH_NOPROGRESS = 2, MORPH_IRQ = 3 };

extern uint32_t morph_valid;          /* bit L: a translation enters at line L */
extern uint32_t morph_trig[32];       /* 0: line L has a translation; else translate line L when
                                         its profile count reaches this */
extern uint32_t morph_budget;         /* the most steps of the next entry: CMS_TX_BUDGET_MAX, or
                                         CMS_TX_BUDGET with a cycle limit; after an abort, half the
                                         aborted entry's budget; doubled by every entry that ends
                                         without one */

void morph_init(hostif_t *h);
/* line l, without a translation, is about to be interpreted and its profile count (this run
 * included) reached morph_trig[l]: translate it, or set when to try again */
void morph_hot(hostif_t *h, unsigned l);
/* run the translation entered at line (ci + 1) & 31 with a budget of at most `budget` steps;
 * *done = guest instructions it completed. Returns MORPH_GO (go on), MORPH_NOPROGRESS (it
 * made no progress or aborted: interpret one instruction before entering again), MORPH_IRQ (an
 * interrupt aborted it, and has been taken: enter again with interrupts off, which progresses),
 * MORPH_HALT (STP executed, counted in *done). */
int morph_enter(hostif_t *h, uint32_t *a, uint32_t *ci, uint32_t budget, uint32_t *done);
/* trap.c: a firmware store to a protected guest word at physical address pa */
void morph_prot_trap(uint32_t pa);
/* the --stats rows of code morphing: steps and cycles of the run, tx_mode its translation-mode
 * cycles */
void morph_report(uint64_t steps, uint64_t cycles, uint64_t tx_mode);
#endif
