/* ssem_print.c -- the SSEM translator's text forms (docs/translator.md, "IR text form"):
 * region, naive IR, optimized IR, bundles, metadata. Into the caller's buffer, no libc. */
#include "ssem_txi.h"

static const char *const mnem[8] = { "JMP", "JRP", "LDN", "STO", "SUB", "SUB", "CMP", "STP" };

static void put_ref(stx_buf *b, const stx_work *w, int r)
{
    if (r == 0) stx_puts(b, "0");
    else if (r == STX_TR_A) stx_puts(b, "A");
    else if (r == STX_TR_CI) stx_puts(b, "CI");
    else if (r == STX_TR_BUDGET) stx_puts(b, "N");
    else if (r >= STX_TR_CACHE0 && r < STX_TR_CACHE0 + STX_NCACHE) {
        stx_putc(b, 'm');
        if ((unsigned)(r - STX_TR_CACHE0) < w->meta.ncached)
            stx_putu(b, w->meta.cached_line[r - STX_TR_CACHE0]);
        else
            stx_putc(b, '?');
    } else if (r < STX_NVREG0) { stx_putc(b, 't'); stx_putu(b, (uint32_t)r); }
    else { stx_putc(b, 'v'); stx_putu(b, (uint32_t)(r - STX_NVREG0)); }
}

static void put_guest(stx_buf *b, const stx_work *w, unsigned l)
{
    uint32_t pi = (uint32_t)w->store[l];
    stx_putu(b, l);
    stx_putc(b, ' ');
    stx_puts(b, mnem[STX_OP(pi)]);
    if (STX_OP(pi) != SSEM_CMP && STX_OP(pi) != SSEM_STP) {
        stx_putc(b, ' ');
        stx_putu(b, STX_S(pi));
    }
}

static void put_bname(stx_buf *b, const stx_work *w, int i)
{
    const stx_block *k = &w->blk[i];
    stx_putc(b, 'b');
    stx_putu(b, (uint32_t)i);
    if (k->kind == STX_BK_BODY) { stx_puts(b, "(L"); stx_putu(b, k->lines[0]); stx_putc(b, ')'); }
}

size_t stx_print_region(const stx_work *w, char *buf, size_t size)
{
    stx_buf b = { buf, size, 0 };
    const stx_meta *m = &w->meta;
    if (size) buf[0] = 0;
    stx_puts(&b, "region: entry line ");
    stx_putu(&b, w->entry);
    stx_puts(&b, ", lines");
    for (unsigned l = 0; l < STX_NLINES; l++)
        if (w->region >> l & 1u) { stx_putc(&b, ' '); stx_putu(&b, l); }
    stx_puts(&b, "\n  constant lines:");
    for (unsigned l = 0; l < STX_NLINES; l++)
        if (m->const_lines >> l & 1u) {
            stx_putc(&b, ' '); stx_putu(&b, l); stx_putc(&b, '=');
            stx_puti(&b, w->store[l]);
        }
    stx_puts(&b, "\n  written lines (cached):");
    for (unsigned i = 0; i < m->ncached; i++) {
        stx_puts(&b, " "); stx_putu(&b, m->cached_line[i]); stx_puts(&b, " in TR");
        stx_putu(&b, STX_TR_CACHE0 + i);
    }
    stx_putc(&b, '\n');
    for (int i = 0; i < w->nblocks; i++) {
        const stx_block *k = &w->blk[i];
        if (k->kind != STX_BK_BODY) continue;
        stx_puts(&b, "  block ");
        put_bname(&b, w, i);
        stx_puts(&b, ": lines");
        for (unsigned j = 0; j < k->nlines; j++) { stx_putc(&b, ' '); stx_putu(&b, k->lines[j]); }
        for (int e = 0; e < 2; e++) {
            if (k->term == STX_T_STP || (e == 1 && k->term != STX_T_CMP)) continue;
            stx_puts(&b, e ? ", skip -> " : (k->term == STX_T_CMP ? ", fall -> " : ", -> "));
            if (k->succ[e] >= 0) {
                put_bname(&b, w, k->succ[e]);
                if (k->back[e]) stx_puts(&b, " (loop)");
            } else {
                stx_puts(&b, "exit to line ");
                stx_putu(&b, (uint32_t)(-1 - k->succ[e]));
            }
        }
        if (k->term == STX_T_STP) stx_puts(&b, ", STP");
        if (k->header) stx_puts(&b, ", loop header");
        stx_puts(&b, ", maxlen ");
        stx_putu(&b, (uint32_t)k->maxlen);
        stx_putc(&b, '\n');
    }
    return b.len;
}

size_t stx_print_naive(const stx_work *w, char *buf, size_t size)
{
    stx_buf b = { buf, size, 0 };
    if (size) buf[0] = 0;
    for (int i = 0; i < w->nblocks; i++) {
        const stx_block *k = &w->blk[i];
        unsigned cur = 0xffu;
        if (k->kind != STX_BK_BODY || !k->nn) continue;
        put_bname(&b, w, i);
        stx_puts(&b, ":\n");
        for (int j = 0; j < k->nn; j++) {
            const stx_op *o = &w->naive[k->n0 + j];
            size_t st;
            if (o->line != cur) {
                cur = o->line;
                stx_puts(&b, "  ; ");
                put_guest(&b, w, cur);
                stx_putc(&b, '\n');
            }
            st = b.len;
            stx_puts(&b, "  ");
            switch (o->k) {
            case STX_N_LD: put_ref(&b, w, o->d); stx_puts(&b, " = ld m"); stx_putu(&b, (uint32_t)o->imm); break;
            case STX_N_GETA: put_ref(&b, w, o->d); stx_puts(&b, " = A"); break;
            case STX_N_NEG: put_ref(&b, w, o->d); stx_puts(&b, " = neg "); put_ref(&b, w, o->a); break;
            case STX_N_SUB: put_ref(&b, w, o->d); stx_puts(&b, " = sub "); put_ref(&b, w, o->a);
                stx_puts(&b, ", "); put_ref(&b, w, o->b); break;
            case STX_N_SETA: stx_puts(&b, "A = "); put_ref(&b, w, o->a); break;
            case STX_N_ST: stx_puts(&b, "st m"); stx_putu(&b, (uint32_t)o->imm); stx_puts(&b, ", ");
                put_ref(&b, w, o->a); break;
            case STX_N_CMP: stx_puts(&b, "cmp "); put_ref(&b, w, o->a); break;
            case STX_N_JMP: stx_puts(&b, "jmp "); put_ref(&b, w, o->a); stx_puts(&b, "   ; now ");
                stx_puti(&b, o->imm); break;
            case STX_N_JRP: stx_puts(&b, "jrp "); put_ref(&b, w, o->a); stx_puts(&b, "   ; now ");
                stx_puti(&b, o->imm); break;
            default: stx_puts(&b, "stp"); break;
            }
            (void)st;
            stx_putc(&b, '\n');
        }
    }
    return b.len;
}

static void put_opt(stx_buf *b, const stx_work *w, const stx_op *o)
{
    switch (o->k) {
    case NM_ADD: case NM_SUB: case NM_MUL:
        put_ref(b, w, o->d); stx_puts(b, " = "); stx_puts(b, nm_opk_name((nm_opk)o->k)); stx_putc(b, ' ');
        put_ref(b, w, o->a); stx_puts(b, ", "); put_ref(b, w, o->b); break;
    case NM_ADDI: case NM_XORI: case NM_SLTI:
        put_ref(b, w, o->d); stx_puts(b, " = "); stx_puts(b, nm_opk_name((nm_opk)o->k)); stx_putc(b, ' ');
        put_ref(b, w, o->a); stx_puts(b, ", "); stx_puti(b, o->imm); break;
    case NM_LUI:
        put_ref(b, w, o->d); stx_puts(b, " = lui 0x"); stx_putx(b, (uint32_t)o->imm >> 12, 5); break;
    case NM_LW:
        put_ref(b, w, o->d); stx_puts(b, " = lw [line "); stx_putu(b, (uint32_t)o->imm / 4u); stx_putc(b, ']'); break;
    case NM_SW:
        stx_puts(b, "sw [line "); stx_putu(b, (uint32_t)o->imm / 4u); stx_puts(b, "], "); put_ref(b, w, o->b); break;
    case NM_BR:
        stx_putc(b, 'b'); stx_puts(b, nm_cond_name(o->imm)); stx_putc(b, ' '); put_ref(b, w, o->a);
        stx_puts(b, ", "); put_ref(b, w, o->b); stx_puts(b, " -> "); put_bname(b, w, o->tgt); break;
    case NM_J:
        stx_puts(b, "j -> "); put_bname(b, w, o->tgt); break;
    case NM_ASSERT:
        stx_puts(b, "assert."); stx_puts(b, nm_cond_name(o->imm)); stx_putc(b, ' '); put_ref(b, w, o->a);
        stx_puts(b, ", "); put_ref(b, w, o->b); break;
    case NM_EXIT:
        stx_puts(b, "exit "); stx_putu(b, (uint32_t)o->imm); break;
    case NM_COMMIT:
        stx_puts(b, "commit"); break;
    default:
        stx_puts(b, "?"); break;
    }
}

static const char *kind_name(int kind)
{
    return kind == STX_BK_BODY ? "body" : kind == STX_BK_PROLOGUE ? "prologue" :
           kind == STX_BK_EDGE ? "edge" : "exit stub";
}

size_t stx_print_opt(const stx_work *w, char *buf, size_t size)
{
    stx_buf b = { buf, size, 0 };
    if (size) buf[0] = 0;
    for (int i = 0; i < w->norder; i++) {
        int bi = w->order[i];
        const stx_block *k = &w->blk[bi];
        put_bname(&b, w, bi);
        stx_puts(&b, ": ");
        stx_puts(&b, kind_name(k->kind));
        if (k->kind == STX_BK_BODY) {
            stx_puts(&b, ", lines");
            for (unsigned j = 0; j < k->nlines; j++) { stx_putc(&b, ' '); stx_putu(&b, k->lines[j]); }
            stx_puts(&b, ", CI = TR2 + ");
            stx_puti(&b, k->skew);
            stx_puts(&b, ", budget = N - ");
            stx_puti(&b, k->bskew);
        }
        if (k->kind == STX_BK_STUB) {
            stx_puts(&b, " (exit ");
            stx_putu(&b, (uint32_t)k->exit_code);
            stx_puts(&b, ", next line ");
            stx_putu(&b, k->exit_line);
            stx_putc(&b, ')');
        }
        stx_putc(&b, '\n');
        for (int j = 0; j < k->no; j++) {
            const stx_op *o = &w->ops[k->o0 + j];
            size_t st = b.len;
            if (o->k == 0) continue;
            stx_puts(&b, "  ");
            put_opt(&b, w, o);
            if (o->line != 0xffu) {
                stx_pad(&b, 30, st);
                stx_puts(&b, "; ");
                put_guest(&b, w, o->line);
            }
            stx_putc(&b, '\n');
        }
    }
    return b.len;
}

size_t stx_print_bundles(const stx_work *w, char *buf, size_t size)
{
    stx_buf b = { buf, size, 0 };
    unsigned S = w->slots;
    if (size) buf[0] = 0;
    for (int i = 0; i < w->norder; i++) {
        int bi = w->order[i];
        const stx_block *k = &w->blk[bi];
        put_bname(&b, w, bi);
        stx_puts(&b, ": ");
        stx_puts(&b, kind_name(k->kind));
        stx_puts(&b, " @+0x");
        stx_putx(&b, k->addr, 4);
        stx_putc(&b, '\n');
        for (int t = 0; t < k->nb; t++) {
            uint32_t base = (uint32_t)(k->b0 + t) * S;
            stx_puts(&b, "  ");
            stx_putx(&b, (base * 4u + w->meta.tc_addr), 8);
            stx_puts(&b, ": ");
            for (unsigned s = 0; s < S; s++) {
                char t2[64];
                size_t st = b.len;
                nm_dis_slot(w->words[base + s], S, s, t2, sizeof t2);
                if (s) stx_puts(&b, " | ");
                stx_puts(&b, t2);
                if (s + 1 < S) stx_pad(&b, 22, st);
            }
            stx_putc(&b, '\n');
        }
    }
    return b.len;
}

size_t stx_print_meta(const stx_meta *m, char *buf, size_t size)
{
    stx_buf b = { buf, size, 0 };
    if (size) buf[0] = 0;
    stx_puts(&b, "metadata: entry line "); stx_putu(&b, m->entry_line);
    stx_puts(&b, ", tc 0x"); stx_putx(&b, m->tc_addr, 8);
    stx_puts(&b, ", "); stx_putu(&b, m->nwords); stx_puts(&b, " words (");
    stx_putu(&b, m->nbundles); stx_puts(&b, " bundles of "); stx_putu(&b, m->slots);
    stx_puts(&b, "), "); stx_putu(&b, m->nops); stx_puts(&b, " operations\n  protect lines:");
    for (unsigned l = 0; l < STX_NLINES; l++)
        if (m->protect >> l & 1u) { stx_putc(&b, ' '); stx_putu(&b, l); }
    stx_puts(&b, "\n  cached:");
    for (unsigned i = 0; i < m->ncached; i++) {
        stx_puts(&b, " TR"); stx_putu(&b, STX_TR_CACHE0 + i); stx_puts(&b, "=line ");
        stx_putu(&b, m->cached_line[i]);
    }
    stx_puts(&b, "\n  write-back after an abort at TC offset >= 0x"); stx_putx(&b, m->wb_from, 4);
    stx_puts(&b, "; entry check: budget >= "); stx_putu(&b, m->min_budget);
    stx_puts(&b, "; guest instructions covered: "); stx_putu(&b, m->guest_insns);
    stx_puts(&b, "\n  exits: 0 budget, 1 STP");
    for (unsigned i = 0; i < m->nexits; i++) {
        stx_puts(&b, ", "); stx_putu(&b, m->exit[i].code); stx_puts(&b, " line ");
        stx_putu(&b, m->exit[i].line); stx_puts(&b, " (word "); stx_putu(&b, m->exit[i].word);
        stx_putc(&b, ')');
    }
    stx_putc(&b, '\n');
    return b.len;
}
