/* nm_model.h -- the executable model of translation mode, written from docs/isa.md
 * sections 4 (tx.* instructions), 5 (bundles, slot classes, operations), 6 (guest window),
 * 7 (shadows, commit, rollback, store buffer, protection, abort), the counters of section 8 and
 * the corner cases of section 10. Operations are decoded by nm_decode (nm.h).
 *
 * The model is independent of the RTL. Where docs/isa.md is silent it follows the reading the
 * RTL implements; each such place is marked "DOC-SILENT" in nm_model.c.
 *
 * No globals, no allocation: the caller owns the state (large: it holds DMEM and the TC). Host
 * only (it uses memset from <string.h>); tests/txfuzz/txgen.c is its user.
 *
 * Usage: nm_init, then the firmware-side setters (nm_fw_*, nm_mem_*, nm_tc_write), then
 * nm_run from a TC address. Memory that the caller did not define (nm_mem_write/nm_tc_write)
 * is "unknown": a run that reads or writes it, or fetches from it, ends with NM_RUN_UNDEF (the
 * generator then throws the case away, since the chip's content there is not known).
 *
 * For the generator's look-ahead, one bundle can be evaluated without side effects
 * (nm_eval_words) and its effect applied afterwards (nm_apply).
 */
#ifndef NM_MODEL_H
#define NM_MODEL_H
#include <stdint.h>
#include "nm.h"

#define NM_NTR        CMS_TR_COUNT
#define NM_NSH        CMS_TR_SHADOWED
#define NM_DMEM_WORDS (CMS_DMEM_BYTES_SIM / 4)
#define NM_TC_WORDS   (CMS_TC_BYTES / 4)
#define NM_SB_MAX     64
#define NM_NCAUSE     7   /* rollback counters: causes CAUSE_TX_FIRST .. CAUSE_TX_FIRST+6 */

/* outcome of nm_run */
enum nm_status { NM_RUN_EXIT, NM_RUN_ABORT, NM_RUN_LIMIT, NM_RUN_UNDEF };

/* fault bits of one bundle (several can hold at once; nm_cause picks one) */
enum {
    NM_F_ILLEGAL = 1 << 0,
    NM_F_BOUNDS  = 1 << 1,
    NM_F_PROT    = 1 << 2,
    NM_F_SBFULL  = 1 << 3,
    NM_F_DIVZERO = 1 << 4,
    NM_F_ASSERT  = 1 << 5,
    NM_F_UNDEF   = 1 << 6   /* not a chip fault: the bundle touches memory the model does not know */
};

typedef struct {
    uint32_t commits, bundles, ops_a, ops_m, ops_x, ops_b, sbstores;
    uint32_t rb[NM_NCAUSE];
} nm_counters;

typedef struct {
    int slots, sb_depth;
    uint32_t gwbase, gwlimit;
    uint32_t tr[NM_NTR];
    uint32_t sh[NM_NSH];
    uint32_t dmem[NM_DMEM_WORDS];
    uint8_t dmem_known[NM_DMEM_WORDS];
    uint8_t prot[CMS_PROT_WORDS];
    uint32_t tc[NM_TC_WORDS];
    uint8_t tc_known[NM_TC_WORDS];
    int sbn;
    uint32_t sb_widx[NM_SB_MAX];   /* DMEM word index */
    uint32_t sb_data[NM_SB_MAX];
    nm_counters cnt;
} nm_state;

/* everything one bundle would do (nm_eval_words), applied by nm_apply */
typedef struct {
    uint32_t pc;
    nm_op op[NM_MAX_SLOTS];
    unsigned faults;           /* NM_F_* */
    int cause;                 /* 0 if no fault, else CAUSE_TX_* (nm_cause(faults)) */
    int nwr;                   /* TR writes in slot order (later ones win) */
    int wr_rd[NM_MAX_SLOTS];
    uint32_t wr_val[NM_MAX_SLOTS];
    int store;                 /* a store enters the buffer */
    uint32_t st_widx, st_data;
    int load;                  /* slot 0 loads (for statistics) */
    int load_fwd;              /* ... and the value came from the store buffer */
    uint32_t mem_off;          /* slot 0 LW/SW offset (TR[rs1] + imm) */
    int commit, exit;
    uint32_t exit_code;
    int taken;                 /* next bundle = target */
    uint32_t target;
    uint32_t n_a, n_m, n_x, n_b;
} nm_bundle;

typedef struct {
    enum nm_status status;
    uint32_t rd_value;         /* x[rd] of tx.enter: EXIT code or TX_ABORT_BIT | cause */
    int cause;                 /* abort cause (0 for EXIT) */
    uint32_t abort_pc;         /* TC address of the aborting bundle (TXPC, mtval) */
    unsigned bundles;          /* bundles completed in this run */
    const char *why;           /* NM_RUN_UNDEF / NM_RUN_LIMIT: what happened */
} nm_result;

void nm_init(nm_state *s, int slots, int sb_depth);
/* firmware side (section 4): what tx.wr, tx.rd, ... do to the model's state (nm.h's nm_fw_tx_*
 * build those instructions' words) */
void nm_fw_wr(nm_state *s, int n, uint32_t v);            /* tx.wr: working, and shadow if n < TR_SHADOWED */
uint32_t nm_fw_rd(const nm_state *s, int n);               /* tx.rd */
void nm_fw_prot(nm_state *s, uint32_t off, int bit);      /* tx.prot (off < PROT_WORDS*4) */
void nm_fw_commit(nm_state *s);                           /* tx.commit */
void nm_fw_rollback(nm_state *s);                         /* tx.rollback */
void nm_set_window(nm_state *s, uint32_t gwbase_written, uint32_t gwlimit); /* csrw GWBASE/GWLIMIT */
void nm_mem_write(nm_state *s, uint32_t phys, uint32_t v); /* firmware word store into DMEM */
uint32_t nm_mem_read(const nm_state *s, uint32_t phys);
void nm_tc_write(nm_state *s, uint32_t tc_addr, uint32_t v);

/* the cause a bundle with these faults reports: docs/isa.md section 10's order */
int nm_cause(unsigned faults);

/* one bundle: evaluate the words at TC address pc without changing s; then apply it */
void nm_eval_words(const nm_state *s, uint32_t pc, const uint32_t *words, nm_bundle *b);
void nm_apply(nm_state *s, const nm_bundle *b);
/* the rollback of an abort (section 7), including the rollback counter */
void nm_abort(nm_state *s, int cause);

/* tx.enter at tc_addr; runs at most max_bundles bundles. nm_run_hook calls hook (if not NULL)
 * with every bundle evaluated, before its effect (or its abort) is applied. */
nm_result nm_run(nm_state *s, uint32_t tc_addr, unsigned max_bundles);
typedef void nm_hook(void *ctx, const nm_state *s, const nm_bundle *b);
nm_result nm_run_hook(nm_state *s, uint32_t tc_addr, unsigned max_bundles, nm_hook *hook,
                        void *ctx);

/* RV32 semantics: an A or X operation's result (NM_ADD..NM_SRAI with b = TR[rs2] or the
 * immediate, NM_MUL..NM_REMU; a zero divisor as RISC-V has it); a branch/ASSERT condition */
uint32_t nm_alu(nm_opk op, uint32_t a, uint32_t b);
int nm_bcond(int cond, uint32_t a, uint32_t b);
#endif
