/* outfile.c -- see outfile.h. C11 with POSIX. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* realpath, mkstemp, fchmod, fsync, S_IFREG */
#endif
#include "outfile.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary files that exist now: removed if the process is interrupted (SIGINT, SIGTERM,
 * SIGHUP), so that a stopped run leaves no hidden file behind (a trace may be gigabytes). */
#define MAX_LIVE 4
static char *volatile live[MAX_LIVE];

static void on_signal(int sig)
{
    for (int i = 0; i < MAX_LIVE; i++)
        if (live[i])
            unlink(live[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void track(char *tmp, int on)
{
    static int handlers;
    if (on && !handlers) {
        const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
        for (int i = 0; i < 3; i++) {
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = on_signal;
            sigemptyset(&sa.sa_mask);
            sigaction(sigs[i], &sa, NULL);
        }
        handlers = 1;
    }
    for (int i = 0; i < MAX_LIVE; i++) {
        if (on && !live[i]) {
            live[i] = tmp;
            return;
        }
        if (!on && live[i] == tmp) {
            live[i] = NULL;
            return;
        }
    }
}

/* The directory part of path ("." when there is none), malloc'd. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    char *d = (char *)malloc((size_t)(slash - path) + 1);
    if (d) {
        memcpy(d, path, (size_t)(slash - path));
        d[slash - path] = 0;
    }
    return d;
}

/* realpath of the directory + "/" + the base name: a name for a file that may not exist. */
static char *canon(const char *path)
{
    char *d = dir_of(path), *r = NULL;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char buf[PATH_MAX];
    if (d && realpath(d, buf)) {
        r = (char *)malloc(strlen(buf) + strlen(base) + 2);
        if (r)
            sprintf(r, "%s/%s", buf, base);
    }
    free(d);
    return r;
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    char *ca = canon(a), *cb = canon(b);
    int same = ca && cb && strcmp(ca, cb) == 0;
    free(ca);
    free(cb);
    return same;
}

int outfile_check(const char *tool, const char *opt, const char *path,
                  const outfile_other_t *others, int n_others)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return 0;
    const char *slash = strrchr(path, '/');
    if ((slash ? slash[1] : path[0]) == '\0' || strcmp(slash ? slash + 1 : path, ".") == 0 ||
        strcmp(slash ? slash + 1 : path, "..") == 0) {
        fprintf(stderr, "%s: %s %s: is a directory\n", tool, opt, path);
        return -1;
    }
    for (int i = 0; i < n_others; i++) {
        if (others[i].path && strcmp(others[i].path, "-") != 0 && same_file(path, others[i].path)) {
            fprintf(stderr, "%s: %s %s: is %s\n", tool, opt, path, others[i].label);
            return -1;
        }
    }
    char *d = dir_of(path);
    if (!d) {
        fprintf(stderr, "%s: out of memory\n", tool);
        return -1;
    }
    int rc = 0;
    if (stat(d, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: %s %s: directory %s: %s\n", tool, opt, path, d,
                stat(d, &st) != 0 ? strerror(errno) : "not a directory");
        rc = -1;
    } else if (access(d, W_OK | X_OK) != 0) {
        fprintf(stderr, "%s: %s %s: directory %s is not writable\n", tool, opt, path, d);
        rc = -1;
    } else if (lstat(path, &st) == 0) {
        if (S_ISLNK(st.st_mode) && stat(path, &st) != 0)
            st.st_mode = S_IFREG; /* a dangling link: the rename replaces the link */
        if (S_ISDIR(st.st_mode)) {
            fprintf(stderr, "%s: %s %s: is a directory\n", tool, opt, path);
            rc = -1;
        } else if (!S_ISREG(st.st_mode)) {
            fprintf(stderr, "%s: %s %s: not a regular file (only regular files are written, "
                    "through a temporary file renamed into place)\n", tool, opt, path);
            rc = -1;
        } else if (access(path, W_OK) != 0 || !(st.st_mode & 0222)) {
            fprintf(stderr, "%s: %s %s: the file is not writable (left as it is)\n", tool, opt, path);
            rc = -1;
        }
    }
    free(d);
    return rc;
}

int outfile_open(outfile_t *of, const char *tool, const char *opt, const char *path)
{
    memset(of, 0, sizeof *of);
    of->tool = tool;
    of->opt = opt;
    of->path = path;
    if (strcmp(path, "-") == 0) {
        of->f = stdout;
        return 0;
    }
    /* dir/.base.tmp-XXXXXX: hidden, beside the target, on the same file system */
    char *d = dir_of(path);
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    of->tmp = d ? (char *)malloc(strlen(d) + strlen(base) + 16) : NULL;
    if (!of->tmp) {
        free(d);
        fprintf(stderr, "%s: out of memory\n", tool);
        return -1;
    }
    sprintf(of->tmp, "%s/.%s.tmp-XXXXXX", d, base);
    free(d);
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old); /* created and tracked at once */
    int fd = mkstemp(of->tmp);
    if (fd >= 0)
        track(of->tmp, 1);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        fprintf(stderr, "%s: %s %s: cannot create a temporary file beside it: %s\n", tool, opt, path,
                strerror(errno));
        free(of->tmp);
        of->tmp = NULL;
        return -1;
    }
    mode_t um = umask(0);
    umask(um);
    if (fchmod(fd, 0666 & ~um) != 0 || !(of->f = fdopen(fd, "w"))) {
        fprintf(stderr, "%s: %s %s: %s\n", tool, opt, path, strerror(errno));
        close(fd);
        outfile_abort(of);
        return -1;
    }
    return 0;
}

int outfile_close_tmp(outfile_t *of)
{
    if (!of->f || of->f == stdout)
        return 0;
    int bad = ferror(of->f);
    bad |= fclose(of->f) != 0;
    of->f = NULL;
    if (bad) {
        fprintf(stderr, "%s: %s %s: cannot write the file: %s (the target is left as it was)\n",
                of->tool, of->opt, of->path, errno ? strerror(errno) : "write error");
        outfile_abort(of);
        return -1;
    }
    return 0;
}

int outfile_commit(outfile_t *of)
{
    if (of->f == stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "%s: %s -: cannot write to stdout: %s\n", of->tool, of->opt, strerror(errno));
            return -1;
        }
        return 0;
    }
    errno = 0;
    int flush_err = 0;
    if (of->f && (fflush(of->f) != 0 || fsync(fileno(of->f)) != 0))
        flush_err = errno ? errno : EIO;
    if (flush_err) {
        fprintf(stderr, "%s: %s %s: cannot write the file: %s (the target is left as it was)\n",
                of->tool, of->opt, of->path, strerror(flush_err));
        outfile_abort(of);
        return -1;
    }
    if (outfile_close_tmp(of) != 0)
        return -1;
    if (!of->tmp)
        return -1;
    if (rename(of->tmp, of->path) != 0) {
        fprintf(stderr, "%s: %s %s: cannot rename the temporary file into place: %s (the target is "
                "left as it was)\n", of->tool, of->opt, of->path, strerror(errno));
        outfile_abort(of);
        return -1;
    }
    track(of->tmp, 0); /* after the rename: a signal in between unlinks a name that is gone */
    free(of->tmp);
    of->tmp = NULL;
    return 0;
}

void outfile_abort(outfile_t *of)
{
    if (of->f && of->f != stdout)
        fclose(of->f);
    of->f = NULL;
    if (of->tmp) {
        track(of->tmp, 0);
        unlink(of->tmp);
        free(of->tmp);
        of->tmp = NULL;
    }
}
