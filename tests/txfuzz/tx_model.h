/* tx_model.h -- a host reference model of translation mode, written from docs/isa.md
 * sections 4 (tx.* instructions), 5 (bundles, slot classes, operations), 6 (guest window) and
 * 7 (shadows, commit, rollback, store buffer, protection, abort) and the counters of section 8.
 *
 * The model is independent of the RTL. Where docs/isa.md is silent it follows the reading the
 * RTL implements; each such place is marked "DOC-SILENT" in tx_model.c.
 *
 * Usage: txm_init, then the firmware-side setters (txm_fw_*, txm_mem_*, txm_tc_write), then
 * txm_run from a TC address. Memory that the caller did not define (txm_mem_write/txm_tc_write)
 * is "unknown": a run that reads or writes it, or fetches from it, ends with TXM_UNDEF (the
 * generator then throws the case away, since the chip's content there is not known).
 *
 * For the generator's look-ahead, one bundle can be evaluated without side effects
 * (txm_eval_words) and its effect applied afterwards (txm_apply).
 */
#ifndef TX_MODEL_H
#define TX_MODEL_H
#include <stdint.h>
#include "cms_defs.h"

#define TXM_NTR        CMS_TR_COUNT
#define TXM_NSH        CMS_TR_SHADOWED
#define TXM_DMEM_WORDS (CMS_DMEM_BYTES / 4)
#define TXM_TC_WORDS   (CMS_TC_BYTES / 4)
#define TXM_MAX_SLOTS  8
#define TXM_SB_MAX     64
#define TXM_NCAUSE     7   /* rollback counters: causes CAUSE_TX_FIRST .. CAUSE_TX_FIRST+6 */

/* outcome of txm_run */
enum txm_status { TXM_EXIT, TXM_ABORT, TXM_LIMIT, TXM_UNDEF };

/* fault bits of one bundle (several can hold at once; txm_cause picks one) */
enum {
    TXM_F_ILLEGAL = 1 << 0,
    TXM_F_BOUNDS  = 1 << 1,
    TXM_F_PROT    = 1 << 2,
    TXM_F_SBFULL  = 1 << 3,
    TXM_F_DIVZERO = 1 << 4,
    TXM_F_ASSERT  = 1 << 5,
    TXM_F_UNDEF   = 1 << 6   /* not a chip fault: the bundle touches memory the model does not know */
};

/* operation kinds after decoding */
enum txm_kind {
    TXK_ILL, TXK_NOP, TXK_ALU, TXK_LUI, TXK_LW, TXK_SW, TXK_MUL, TXK_DIV,
    TXK_BR, TXK_JAL, TXK_EXIT, TXK_COMMIT, TXK_ASSERT
};
enum txm_class { TXC_NONE, TXC_A, TXC_M, TXC_X, TXC_B };

typedef struct {
    enum txm_kind kind;
    enum txm_class cls;
    int rd, rs1, rs2;   /* TR numbers the operation uses (-1: none) */
    int f3, f7;
    uint32_t imm;       /* sign-extended immediate of the format (I, S, B, J, U) */
} txm_op;

typedef struct {
    uint32_t commits, bundles, ops_a, ops_m, ops_x, ops_b, sbstores;
    uint32_t rb[TXM_NCAUSE];
} txm_counters;

typedef struct {
    int slots, sb_depth;
    uint32_t gwbase, gwlimit;
    uint32_t tr[TXM_NTR];
    uint32_t sh[TXM_NSH];
    uint32_t dmem[TXM_DMEM_WORDS];
    uint8_t dmem_known[TXM_DMEM_WORDS];
    uint8_t prot[CMS_PROT_WORDS];
    uint32_t tc[TXM_TC_WORDS];
    uint8_t tc_known[TXM_TC_WORDS];
    int sbn;
    uint32_t sb_widx[TXM_SB_MAX];   /* DMEM word index */
    uint32_t sb_data[TXM_SB_MAX];
    txm_counters cnt;
} txm_state;

/* everything one bundle would do (txm_eval_words), applied by txm_apply */
typedef struct {
    uint32_t pc;
    txm_op op[TXM_MAX_SLOTS];
    unsigned faults;           /* TXM_F_* */
    int cause;                 /* 0 if no fault, else CAUSE_TX_* (txm_cause(faults)) */
    int nwr;                   /* TR writes in slot order (later ones win) */
    int wr_rd[TXM_MAX_SLOTS];
    uint32_t wr_val[TXM_MAX_SLOTS];
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
} txm_bundle;

typedef struct {
    enum txm_status status;
    uint32_t rd_value;         /* x[rd] of tx.enter: EXIT code or TX_ABORT_BIT | cause */
    int cause;                 /* abort cause (0 for EXIT) */
    uint32_t abort_pc;         /* TC address of the aborting bundle (TXPC, mtval) */
    unsigned bundles;          /* bundles completed in this run */
    const char *why;           /* TXM_UNDEF / TXM_LIMIT: what happened */
} txm_result;

void txm_init(txm_state *s, int slots, int sb_depth);
/* firmware side (section 4) */
void txm_fw_wr(txm_state *s, int n, uint32_t v);            /* tx.wr: working, and shadow if n < TR_SHADOWED */
uint32_t txm_fw_rd(const txm_state *s, int n);               /* tx.rd */
void txm_fw_prot(txm_state *s, uint32_t off, int bit);      /* tx.prot (off < PROT_WORDS*4) */
void txm_fw_commit(txm_state *s);                           /* tx.commit */
void txm_fw_rollback(txm_state *s);                         /* tx.rollback */
void txm_set_window(txm_state *s, uint32_t gwbase_written, uint32_t gwlimit); /* csrw GWBASE/GWLIMIT */
void txm_mem_write(txm_state *s, uint32_t phys, uint32_t v); /* firmware word store into DMEM */
uint32_t txm_mem_read(const txm_state *s, uint32_t phys);
void txm_tc_write(txm_state *s, uint32_t tc_addr, uint32_t v);

/* decoding and classes (section 5) */
txm_op txm_decode(uint32_t w);
int txm_slot_allows(int slots, int slot, enum txm_class cls);
int txm_cause(unsigned faults);   /* abort priority: DOC-SILENT, see tx_model.c */

/* one bundle: evaluate the words at TC address pc without changing s; then apply it */
void txm_eval_words(const txm_state *s, uint32_t pc, const uint32_t *words, txm_bundle *b);
void txm_apply(txm_state *s, const txm_bundle *b);
/* the rollback of an abort (section 7), including the rollback counter */
void txm_abort(txm_state *s, int cause);

/* tx.enter at tc_addr; runs at most max_bundles bundles. txm_run_hook calls hook (if not NULL)
 * with every bundle evaluated, before its effect (or its abort) is applied. */
txm_result txm_run(txm_state *s, uint32_t tc_addr, unsigned max_bundles);
typedef void txm_hook(void *ctx, const txm_state *s, const txm_bundle *b);
txm_result txm_run_hook(txm_state *s, uint32_t tc_addr, unsigned max_bundles, txm_hook *hook,
                        void *ctx);

/* one operation as text (for comments in generated files): "add x1, x2, x3" */
void txm_disasm(uint32_t w, char *buf, unsigned size);

/* RV32 helpers */
uint32_t txm_alu(int f3, int alt, uint32_t a, uint32_t b);
uint32_t txm_muldiv(int f3, uint32_t a, uint32_t b);
int txm_bcond(int f3, uint32_t a, uint32_t b);
#endif
