/* outfile.h -- output files that are never destroyed or half-written (cms-sim, cms-bootimg,
 * ssem-ref: --state-json, --trace, --boot-image, --output).
 *
 * Before the run, outfile_check() refuses a path whose directory is missing or not writable,
 * an existing path that is not a regular file or not writable, and a path that names an input
 * (the program, the firmware) or another output (compared by device and inode when the file
 * exists, by real path otherwise). The message names the option:
 *   cms-sim: --state-json prog.ssem: is the program file
 * The file is written to a temporary name in the same directory (outfile_open) and renamed onto
 * the target only when everything was written (outfile_commit); on any failure the temporary
 * file is removed and the target is left as it was.
 */
#ifndef OUTFILE_H
#define OUTFILE_H
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    const char *label; /* what the file is: "the program file", "the --firmware file" */
    const char *path;  /* NULL: absent */
} outfile_other_t;

/* 0 if opt's path may be written; else a message on stderr and -1. "-" (stdout) passes. */
int outfile_check(const char *tool, const char *opt, const char *path,
                  const outfile_other_t *others, int n_others);

typedef struct {
    const char *tool, *opt, *path;
    char *tmp;  /* the temporary file's name */
    FILE *f;    /* open for writing (stdout when path is "-") */
} outfile_t;

/* Create the temporary file beside path. 0, or -1 with a message. */
int outfile_open(outfile_t *of, const char *tool, const char *opt, const char *path);
/* Close the temporary file without renaming it (its name stays in of->tmp: a trace is written
 * by Verilator under that name). 0, or -1 with a message (and the file removed). */
int outfile_close_tmp(outfile_t *of);
/* Flush, close and rename onto the target. 0, or -1 with a message (the target untouched). */
int outfile_commit(outfile_t *of);
/* Forget the output: remove the temporary file. */
void outfile_abort(outfile_t *of);

#ifdef __cplusplus
}
#endif
#endif
