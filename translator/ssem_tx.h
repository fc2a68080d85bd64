/* ssem_tx.h -- the SSEM translator: store image + profile -> region -> IR -> optimized IR ->
 * bundles -> linked translation-cache words + metadata (docs/translator.md, "The SSEM
 * translator"). "stx" = SSEM translation.
 *
 * Portable C11, freestanding (<stdint.h>, <stddef.h>, <stdbool.h>, cms_defs.h via nm.h): no
 * globals, no allocation. The caller passes the work area (stx_work, about 70 KB) and the
 * output buffer; the printers write into a caller buffer.
 *
 * Run-time contract (docs/translator.md): TR1 = A, TR2 = CI, TR3 = step budget, TR4..TR7 cache
 * the store lines the region writes (meta.cached_line[]), TR8..TR15 scratch. Enter at
 * meta.tc_addr when (CI + 1) & 31 == meta.entry_line, with TR1..TR3 written (tx.wr) and the
 * store in the guest window (line L at offset 4*L), the lines of meta.protect protected.
 * EXIT codes: STX_EXIT_BUDGET 0, STX_EXIT_STP 1, 2 + k = exit k (meta.exit[k]).
 */
#ifndef SSEM_TX_H
#define SSEM_TX_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nm.h"

#define STX_NLINES     32
#define STX_NCACHE     4          /* TR4..TR7 */
#define STX_TR_A       1
#define STX_TR_CI      2
#define STX_TR_BUDGET  3
#define STX_TR_CACHE0  4
#define STX_TR_SCRATCH0 8
#define STX_TR_FLAG    15         /* a budget flag computed one block ahead */
#ifndef STX_MAX_BLOCKS
#define STX_MAX_BLOCKS 128
#endif
#if STX_MAX_BLOCKS > 128
#error "STX_MAX_BLOCKS: a block index must fit stx_op.tgt (int8_t)"
#endif
#ifndef STX_MAX_NAIVE
#define STX_MAX_NAIVE 512
#endif
#ifndef STX_MAX_OPS
#define STX_MAX_OPS 1024
#endif
#ifndef STX_MAX_BUNDLES
#define STX_MAX_BUNDLES 768
#endif
#ifndef STX_MAX_EXITS
#define STX_MAX_EXITS 48
#endif
/* The sizes above (and so sizeof(stx_work), about 70 KB with these defaults) may be set smaller
 * by the build: the firmware (mk/morph.mk) compiles the library with smaller ones so that its
 * work area fits DMEM; a region that does not fit gives STX_E_SPACE (not translated). */
#define STX_NVREG0     16         /* IR value refs: 0..15 = TRs, 16.. = virtual registers */

enum { STX_EXIT_BUDGET = 0, STX_EXIT_STP = 1, STX_EXIT_FIRST = 2 };

/* errors of stx_translate */
typedef enum stx_err {
    STX_OK = 0, STX_E_ARGS, STX_E_EMPTY, STX_E_SPACE, STX_E_REGS, STX_E_ENCODE,
    STX_E_INTERNAL        /* host builds: a fast path's result differs from the general one's */
} stx_err;

/* an exit of a translation */
typedef struct stx_exit {
    uint16_t code;        /* the EXIT code */
    uint8_t kind;         /* STX_EXIT_BUDGET, STX_EXIT_STP, or STX_EXIT_FIRST (leaves the region) */
    uint8_t line;         /* the guest line executed next ((TR2 + 1) & 31) */
    uint32_t word;        /* index (from the translation's first word) of the EXIT word: the
                             chaining step may rewrite it into a J */
} stx_exit;

/* metadata of one translation: a plain struct the firmware keeps in concealed memory */
typedef struct stx_meta {
    uint32_t entry_line;            /* enter when (CI + 1) & 31 == entry_line */
    uint32_t tc_addr, nwords;       /* TC byte address of the first bundle, words */
    uint32_t slots;
    uint32_t protect;               /* bit L: protect line L (instruction + constant lines) */
    uint32_t insn_lines, const_lines, written_lines;   /* bit masks */
    uint32_t ncached;
    uint8_t cached_line[STX_NCACHE];/* TR4+i caches store line cached_line[i] */
    uint32_t wb_from;               /* byte offset: after an abort with TXPC >= tc_addr + wb_from
                                       the committed TR4.. are written back to their lines */
    uint32_t min_budget;            /* the entry check: fewer steps than this -> EXIT 0 at once */
    uint32_t guest_insns;           /* guest instructions (lines) covered */
    uint32_t nexits;
    stx_exit exit[STX_MAX_EXITS];
    uint32_t nbundles, nops;        /* statistics: bundles, operations other than NOP */
} stx_meta;

/* an IR operation. Naive IR: k is an STX_N_* kind; optimized IR: k is an nm_opk. */
typedef struct stx_op {  /* 16 bytes: an index is a shift */
    int8_t k;
    uint8_t line;         /* guest line it comes from, 0xff none */
    uint8_t bun, slot;    /* schedule */
    int16_t d, a, b;      /* value refs: -1 none, 0..15 TR, 16.. virtual */
    int8_t tgt;           /* branch target block (STX_MAX_BLOCKS <= 128); naive: successor line */
    uint8_t pad;
    int32_t imm;
} stx_op;

/* naive IR kinds (one guest instruction -> a few of these) */
enum {
    STX_N_LD = 1,   /* d = store line imm */
    STX_N_GETA,     /* d = A */
    STX_N_NEG,      /* d = -a */
    STX_N_SUB,      /* d = a - b */
    STX_N_SETA,     /* A = a */
    STX_N_ST,       /* store line imm = a */
    STX_N_CMP,      /* if a < 0: skip (CI += 1) */
    STX_N_JMP,      /* CI = a (speculated/constant value imm) */
    STX_N_JRP,      /* CI += a (value imm) */
    STX_N_STP,
    STX_N_COUNT
};

enum { STX_BK_BODY, STX_BK_PROLOGUE, STX_BK_EDGE, STX_BK_STUB };
enum { STX_T_GOTO, STX_T_CMP, STX_T_STP };

typedef struct stx_block {
    uint8_t kind, nlines, term, presched;   /* presched: bun, slot, nb set already (stubs) */
    uint8_t lines[STX_NLINES];
    int16_t succ[2];      /* body: [0] next/fall, [1] CMP skip: block index, or -1 - line (exit) */
    int16_t etgt[2];      /* the block the edge's code goes to (an edge or stub block, or succ) */
    int32_t skew;         /* body: TR2 = CI - skew at entry; stub/edge: TR2 += skew on entry */
    int ci_const;         /* stub/edge: TR2 = ci_val (instead of += skew) */
    uint32_t ci_val;
    int16_t after;        /* block laid out right after this one (-1: none required) */
    int16_t exit_code;    /* stub: code; -1 none */
    int16_t check_tgt;    /* edge: budget check then branch to this header; -1 none */
    uint8_t exit_line, nowb;
    uint8_t back[2];      /* body: succ[i] is a loop back edge (budget checked there) */
    int16_t fall;         /* the block the code falls into at the end (-1: none) */
    int16_t hoist;        /* body: compute the budget flag of this successor's back edge (TR15) */
    bool flag15;          /* body: its back edge's budget flag is in TR15 already */
    bool bplaced;         /* body: bskew assigned */
    int32_t bskew;        /* body: remaining budget = TR3 - bskew at entry */
    int32_t bsub;         /* edge, stub: TR3 -= bsub (then exact, or the target's bskew) */
    int32_t bpre;         /* edge: remaining budget = TR3 - bpre on entry */
    int32_t maxlen;       /* body: longest forward path in guest instructions from here */
    bool header, visited, onstack, placed;
    int n0, nn;           /* naive IR */
    int o0, no;           /* optimized IR */
    int b0, nb;           /* bundles */
    int vbase, nv;        /* its virtual registers: vbase .. vbase + nv - 1 */
    uint32_t addr;        /* byte offset from the translation's start */
} stx_block;

typedef struct stx_work {
    /* the counters and small arrays first, the large arrays last: on RV32 a field within 2 KB
     * of the start is one load or store from the work area's pointer, a field beyond it two
     * or three more instructions (a lui and an add) at every access that is not hoisted */
    uint32_t slots;
    const int32_t *store;             /* the caller's store image (stx_region): it must not
                                         change until stx_link and the printers are done */
    uint32_t entry;
    uint32_t region;                  /* bit L: line L translated */
    int nblocks, norder, nstubs, nnaive, nops;
    int npre, nfin, npost;                 /* optimizer scratch, one block at a time */
    int nvreg, vmark;                      /* virtual registers made; the first of the block */
    int nbundles;
    uint32_t *out;                         /* where stx_link writes the words: w->words, unless
                                              the caller sets it after stx_schedule (the
                                              firmware: the TC itself; stx_region resets it) */
    int16_t block_of[STX_NLINES];
    stx_op fin[16], post[8];               /* (the pre operations go straight into ops) */
    int order[STX_MAX_BLOCKS];             /* layout */
    int16_t stubs[STX_MAX_BLOCKS];         /* the exit stubs (shared by identical exits) */
    stx_meta meta;
    stx_block blk[STX_MAX_BLOCKS];
    stx_op ops[STX_MAX_OPS];
    uint32_t words[STX_MAX_BUNDLES * NM_MAX_SLOTS];
    stx_op naive[STX_MAX_NAIVE];           /* (only printed: the firmware does not make it) */
} stx_work;

/* the whole pipeline: region selection from the store image and profile, IR, optimization,
 * scheduling for `slots`, encoding, link at TC byte address tc_addr. On success the words are
 * in out[0..meta->nwords) (at most max_words) and *meta is filled. */
stx_err stx_translate(stx_work *w, const int32_t store[STX_NLINES],
                      const uint32_t profile[STX_NLINES], unsigned entry_line, unsigned slots,
                      uint32_t tc_addr, uint32_t *out, size_t max_words, stx_meta *meta);

/* the steps, for tools and tests (stx_translate calls them in this order) */
stx_err stx_region(stx_work *w, const int32_t store[STX_NLINES],
                   const uint32_t profile[STX_NLINES], unsigned entry_line, unsigned slots);
stx_err stx_build_ir(stx_work *w);     /* naive IR, per body block (for stx_print_naive) */
stx_err stx_optimize(stx_work *w);     /* optimized IR (constant/copy propagation, DCE), from the
                                          region's lines: it does not need stx_build_ir, which a
                                          caller that prints nothing may skip (the firmware does) */
stx_err stx_schedule(stx_work *w);     /* bundles, register allocation */
stx_err stx_link(stx_work *w, uint32_t tc_addr);   /* encoding, offsets, metadata */

/* text (NUL-terminated if size > 0; return the full length) */
size_t stx_print_region(const stx_work *w, char *buf, size_t size);
size_t stx_print_naive(const stx_work *w, char *buf, size_t size);
size_t stx_print_opt(const stx_work *w, char *buf, size_t size);
size_t stx_print_bundles(const stx_work *w, char *buf, size_t size);
size_t stx_print_meta(const stx_meta *m, char *buf, size_t size);
const char *stx_err_str(stx_err e);
#endif
