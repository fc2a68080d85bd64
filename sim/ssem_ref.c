/* ssem_ref.c -- the reference SSEM interpreter (see ssem_ref.h). */
#include "ssem_ref.h"

#include <string.h>

void ssem_ref_init(ssem_state_t *s, const ssem_image_t *img)
{
    memset(s, 0, sizeof *s);
    memcpy(s->store, img->store, sizeof s->store);
}

/* Two's complement reinterpretation without implementation-defined conversions. */
static int32_t as_signed(uint32_t v)
{
    int32_t r;
    memcpy(&r, &v, sizeof r);
    return r;
}

int ssem_ref_run(ssem_state_t *s, uint64_t max_steps)
{
    uint32_t m[32];
    uint32_t a = s->a, ci = s->ci;
    uint64_t steps = s->steps;
    int halted = s->halted;

    memcpy(m, s->store, sizeof m); /* unsigned arithmetic on the words: no signed overflow */
    while (!halted && steps < max_steps) {
        uint32_t pi, v;
        ci += 1u;
        pi = m[ci & 31u];
        v = m[pi & 31u];
        steps++;
        switch ((pi >> 13) & 7u) {
        case 0: /* JMP */
            ci = v;
            break;
        case 1: /* JRP */
            ci += v;
            break;
        case 2: /* LDN */
            a = 0u - v;
            break;
        case 3: /* STO */
            m[pi & 31u] = a;
            break;
        case 4: /* SUB */
        case 5:
            a -= v;
            break;
        case 6: /* CMP */
            if (a & 0x80000000u)
                ci += 1u;
            break;
        default: /* 7: STP */
            halted = 1;
            break;
        }
    }
    memcpy(s->store, m, sizeof m);
    s->a = a;
    s->ci = ci;
    s->steps = steps;
    s->halted = halted;
    return halted;
}

int ssem_state_write_json(FILE *f, const ssem_state_t *s)
{
    fprintf(f, "{\"A\":%ld,\"CI\":%lu,\"store\":[", (long)as_signed(s->a), (unsigned long)s->ci);
    for (int i = 0; i < 32; i++)
        fprintf(f, "%s%ld", i ? "," : "", (long)s->store[i]);
    fprintf(f, "],\"steps\":%llu,\"halted\":%s}\n", (unsigned long long)s->steps,
            s->halted ? "true" : "false");
    return (fflush(f) == 0 && !ferror(f)) ? 0 : -1;
}
