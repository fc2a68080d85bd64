/* ssem_ref.h -- the reference SSEM interpreter: the oracle every run on the chip is compared to.
 *
 * Each step: CI = CI + 1; PI = store[CI & 31]; op = (PI >> 13) & 7; s = PI & 31;
 *   0 JMP CI = store[s]        1 JRP CI = CI + store[s]     2 LDN A = -store[s]
 *   3 STO store[s] = A         4, 5 SUB A = A - store[s]    6 CMP if A < 0: CI = CI + 1
 *   7 STP halt (CI stays at the STP line)
 * 32-bit two's complement, wrapping. steps counts executed instructions, the STP included.
 */
#ifndef SSEM_REF_H
#define SSEM_REF_H

#include <stdint.h>
#include <stdio.h>

#include "ssem_load.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    uint32_t a, ci;
    int32_t store[32];
    uint64_t steps;
    int halted;
} ssem_state_t;

/* A = 0, CI = 0, steps = 0, not halted, store = the image. */
void ssem_ref_init(ssem_state_t *s, const ssem_image_t *img);

/* Run until STP or until s->steps == max_steps (nothing runs if it already is, or if the
 * machine has halted). Returns 1 if halted. May be called again to continue. */
int ssem_ref_run(ssem_state_t *s, uint64_t max_steps);

/* Write {"A":..,"CI":..,"store":[..],"steps":..,"halted":true|false} and a newline.
 * A and the store words as signed 32-bit decimals, CI as the raw register (unsigned decimal),
 * the same conventions as the corpus's expected.json. Returns 0, or -1 on an output error. */
int ssem_state_write_json(FILE *f, const ssem_state_t *s);

#ifdef __cplusplus
}
#endif

#endif
