/* ssem_txi.h -- internals shared by ssem_tx.c, ssem_sched.c, ssem_print.c (not an API). */
#ifndef SSEM_TXI_H
#define SSEM_TXI_H
#include "ssem_tx.h"

/* not inlined (GCC, Clang): keeps a caller's large arrays out of a hot function's frame, whose
 * accesses then stay within RV32's 12-bit offsets */
#if defined(__GNUC__)
#define STX_NOINLINE __attribute__((noinline))
#else
#define STX_NOINLINE
#endif

#define STX_OP(pi)   (((uint32_t)(pi) >> 13) & 7u)
#define STX_S(pi)    ((uint32_t)(pi) & 31u)
enum { SSEM_JMP, SSEM_JRP, SSEM_LDN, SSEM_STO, SSEM_SUB, SSEM_SUB5, SSEM_CMP, SSEM_STP };

/* inlined where it is called (GCC, Clang): a small function on a hot path whose call costs
 * more than its copies (measured: docs/bench.md) */
#if defined(__GNUC__)
#define STX_INLINE inline __attribute__((always_inline))
#else
#define STX_INLINE inline
#endif

/* a text buffer (always NUL-terminated when size > 0; len counts the full text) */
typedef struct stx_buf { char *p; size_t size, len; } stx_buf;

static inline void stx_putc(stx_buf *b, char c)
{
    if (b->size && b->len + 1 < b->size) {
        b->p[b->len] = c;
        b->p[b->len + 1] = 0;
    }
    b->len++;
}
static inline void stx_puts(stx_buf *b, const char *s)
{
    while (*s)
        stx_putc(b, *s++);
}
static inline void stx_putu(stx_buf *b, uint32_t v)
{
    char t[12];
    int n = 0;
    do { t[n++] = (char)('0' + v % 10u); v /= 10u; } while (v);
    while (n)
        stx_putc(b, t[--n]);
}
static inline void stx_puti(stx_buf *b, int32_t v)
{
    if (v < 0) {
        stx_putc(b, '-');
        stx_putu(b, 0u - (uint32_t)v);
    } else {
        stx_putu(b, (uint32_t)v);
    }
}
static inline void stx_putx(stx_buf *b, uint32_t v, int digits)
{
    for (int i = digits - 1; i >= 0; i--)
        stx_putc(b, "0123456789abcdef"[(v >> (4 * i)) & 15u]);
}
static inline void stx_pad(stx_buf *b, size_t col, size_t start)
{
    while (b->len - start < col)
        stx_putc(b, ' ');
}
#endif
