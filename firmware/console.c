/* console.c -- tiny polled console output and number formatting (no libc, no libgcc). */
#include "fw.h"

void con_putc(char c)
{
    while (!(mmio->con_status & MMIO_CON_READY))
        ;
    mmio->con_tx = (uint8_t)c;
}

void con_puts(const char *s)
{
    while (*s)
        con_putc(*s++);
}

void con_putc_err(char c)
{
    while (!(mmio->con_status & MMIO_CON_READY))
        ;
    mmio->con_err = (uint8_t)c;
}

void con_puts_err(const char *s)
{
    while (*s)
        con_putc_err(*s++);
}

void con_putc_fd(int fd, char c)
{
    if (fd == CON_FD_ERR)
        con_putc_err(c);
    else
        con_putc(c);
}

void con_write_fd(int fd, const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        con_putc_fd(fd, s[i]);
}

void con_pad(const char *s, unsigned width)
{
    unsigned n = 0;
    for (; *s; s++, n++)
        con_putc(*s);
    for (; n < width; n++)
        con_putc(' ');
}

uint64_t udiv64(uint64_t n, uint64_t d, uint64_t *rem)
{
    uint64_t q = 0, r = 0;
    if (d == 0) { /* as RISC-V: quotient all ones, remainder n */
        if (rem)
            *rem = n;
        return ~(uint64_t)0;
    }
    if ((n >> 32) == 0 && (d >> 32) == 0) { /* the common case: one hardware divide */
        uint32_t n32 = (uint32_t)n, d32 = (uint32_t)d;
        if (rem)
            *rem = n32 % d32;
        return n32 / d32;
    }
    for (int i = 63; i >= 0; i--) {
        r = r << 1 | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= (uint64_t)1 << i;
        }
    }
    if (rem)
        *rem = r;
    return q;
}

/* Digits of v, least significant first, into buf; returns the count (>= 1). */
static unsigned digits(uint64_t v, char *buf)
{
    unsigned n = 0;
    do {
        uint64_t r;
        v = udiv64(v, 10, &r);
        buf[n++] = (char)('0' + r);
    } while (v);
    return n;
}

void con_u64(uint64_t v)
{
    char buf[20];
    unsigned n = digits(v, buf);
    while (n--) {
        con_putc(buf[n]);
        if (n && n % 3 == 0)
            con_putc(',');
    }
}

void con_i32(int32_t v)
{
    char buf[20];
    uint32_t m = (uint32_t)v;
    if (v < 0) {
        con_putc('-');
        m = -m;
    }
    unsigned n = digits(m, buf);
    while (n--)
        con_putc(buf[n]);
}

void con_hex(uint32_t v)
{
    static const char hexd[] = "0123456789abcdef";
    con_puts("0x");
    for (int sh = 28; sh >= 0; sh -= 4)
        con_putc(hexd[(v >> sh) & 0xf]);
}

void con_ratio(uint64_t n, uint64_t d)
{
    if (d == 0) {
        con_putc('-');
        return;
    }
    uint64_t x = udiv64(n * 100 + d / 2, d, NULL);
    uint64_t rem;
    con_u64(udiv64(x, 100, &rem));
    uint32_t frac = (uint32_t)rem;
    con_putc('.');
    con_putc((char)('0' + frac / 10));
    con_putc((char)('0' + frac % 10));
}
