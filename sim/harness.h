/* harness.h -- the interface between the Verilator side of cms-sim (sim/main.cpp, C++) and
 * the harness logic (sim/harness.c, C).
 *
 * main.cpp owns the model (Vcms_chip) and exports the chip_* functions; everything else
 * (command line, ELF and guest loading, host block, run loop, reports) is harness.c, entered
 * through harness_main().
 */
#ifndef HARNESS_H
#define HARNESS_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- implemented by sim/main.cpp ---- */
enum chip_mem { CHIP_IMEM, CHIP_DMEM };

/* Backdoor access to the memories, by word index (word i = byte address base + 4*i). */
void chip_mem_write(enum chip_mem mem, uint32_t index, uint32_t value);
uint32_t chip_mem_read(enum chip_mem mem, uint32_t index);

/* Hold rst_ni low for a few clock cycles, then release it. The cycle count restarts at 0. */
void chip_reset(void);
void chip_set_irq(int level);

/* Output events, one bit each: what the chip pulsed in the last cycle chip_run() ran. */
#define CHIP_EV_CON     1u /* con_valid_o: out->con_byte, out->con_err (con_err_o) */
#define CHIP_EV_EXIT    2u /* exit_valid_o: out->exit_code */
#define CHIP_EV_IRQ_ACK 4u /* irq_ack_o */
typedef struct {
    unsigned events;
    uint8_t con_byte;
    uint8_t con_err;  /* the byte is the error console's (MMIO_CON_ERR): standard error */
    uint32_t exit_code;
} chip_out_t;

/* Run up to ncycles clock cycles; stop after the first cycle with an output event.
 * Returns the events of that cycle (0 if ncycles ran without any). */
unsigned chip_run(uint64_t ncycles, chip_out_t *out);
uint64_t chip_cycles(void); /* cycles since the end of reset */
/* --profile: from now on, every cycle the firmware-mode counter (CNT_FWCYC) counts adds 1 to
 * hist[i], i = the IMEM word index of the firmware PC in that cycle, or hist[nwords] when the
 * PC is outside IMEM (hist has nwords + 1 entries). NULL: off (chip_run's plain loop). */
void chip_profile(uint64_t *hist, uint32_t nwords);
uint32_t chip_fwcyc(void);  /* the chip's CNT_FWCYC counter (32 bits, wraps) */
unsigned chip_slots(void);  /* the SLOTS parameter the model was built with */
uint32_t chip_dmem_bytes(void); /* its DMEM_BYTES parameter (bytes of DMEM from DMEM_BASE) */

/* Start writing a VCD trace to path (dumping on); -1 (with a message on stderr) if it cannot be
 * opened or the model was built without --trace. */
int chip_trace_open(const char *path);
/* Dump the following cycles (1) or not (0): the --trace-from/--trace-cycles window. */
void chip_trace_enable(int on);
/* The first write error of the trace (an errno value), 0 if none. Verilator is never told:
 * the harness checks this and ends the run. */
int chip_trace_error(void);
/* Flush and close the trace; 0, or the first write error (errno value). */
int chip_trace_close(void);

/* ---- implemented by sim/harness.c ---- */
int harness_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif
#endif
