/* jar.c -- a .jar's entries (jar.h). */
#include "jar.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef JVM_LINK_ZLIB
#include <zlib.h>
#endif

struct jvm_jar {
    char *path;
    uint8_t *b;
    size_t n;
    uint32_t cd, ncd; /* the central directory's offset and entry count */
};

#ifdef JVM_LINK_ZLIB
static uint32_t le16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const uint8_t *p)
{
    return le16(p) | le16(p + 2) << 16;
}
#endif

void jvm_jar_close(jvm_jar *j)
{
    if (!j)
        return;
    free(j->path);
    free(j->b);
    free(j);
}

jvm_jar *jvm_jar_open(const char *path, char *err, size_t errlen)
{
#ifndef JVM_LINK_ZLIB
    snprintf(err, errlen, "%s: .jar files need zlib, which this build was made without", path);
    return NULL;
#else
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    jvm_jar *j = calloc(1, sizeof *j);
    size_t cap = 1 << 16;
    if (j)
        j->b = malloc(cap);
    while (j && j->b) {
        j->n += fread(j->b + j->n, 1, cap - j->n, f);
        if (j->n < cap)
            break;
        uint8_t *nb = cap < (256u << 20) ? realloc(j->b, cap * 2) : NULL;
        if (!nb) {
            free(j->b);
            j->b = NULL;
            break;
        }
        j->b = nb;
        cap *= 2;
    }
    fclose(f);
    if (!j || !j->b) {
        snprintf(err, errlen, "%s: too large or out of memory", path);
        jvm_jar_close(j);
        return NULL;
    }
    size_t pl = strlen(path) + 1;
    j->path = malloc(pl);
    if (j->path)
        memcpy(j->path, path, pl);
    /* the end of central directory record: the last one in the final 64 KiB + 22 bytes */
    size_t e = j->n >= 22 ? j->n - 22 + 1 : 0;
    int found = 0;
    while (e-- > 0 && j->n - e <= 65557u) {
        if (le32(j->b + e) == 0x06054b50u) {
            found = 1;
            break;
        }
    }
    if (!found || !j->path) {
        snprintf(err, errlen, "%s: not a jar (zip) file: no end of central directory", path);
        jvm_jar_close(j);
        return NULL;
    }
    j->ncd = le16(j->b + e + 10);
    j->cd = le32(j->b + e + 16);
    uint32_t cdsize = le32(j->b + e + 12);
    if ((uint64_t)j->cd + cdsize > e) {
        snprintf(err, errlen, "%s: malformed zip: the central directory is outside the file", path);
        jvm_jar_close(j);
        return NULL;
    }
    /* every entry inside it */
    size_t p = j->cd;
    for (uint32_t i = 0; i < j->ncd; i++) {
        if (p + 46 > e || le32(j->b + p) != 0x02014b50u ||
            p + 46 + le16(j->b + p + 28) + le16(j->b + p + 30) + le16(j->b + p + 32) > e) {
            snprintf(err, errlen, "%s: malformed zip: central directory entry %u", path, i);
            jvm_jar_close(j);
            return NULL;
        }
        p += 46 + le16(j->b + p + 28) + le16(j->b + p + 30) + le16(j->b + p + 32);
    }
    return j;
#endif
}

int jvm_jar_read(jvm_jar *j, const char *name, uint8_t **out, size_t *len, char *err,
                 size_t errlen)
{
#ifndef JVM_LINK_ZLIB
    (void)j; (void)name; (void)out; (void)len; (void)err; (void)errlen;
    return 0;
#else
    size_t nl = strlen(name);
    size_t p = j->cd;
    for (uint32_t i = 0; i < j->ncd; i++) {
        const uint8_t *c = j->b + p;
        uint32_t fnl = le16(c + 28);
        size_t next = p + 46 + fnl + le16(c + 30) + le16(c + 32);
        if (fnl != nl || memcmp(c + 46, name, nl)) {
            p = next;
            continue;
        }
        uint32_t method = le16(c + 10), csize = le32(c + 20), usize = le32(c + 24);
        uint32_t lh = le32(c + 42);
        if ((uint64_t)lh + 30 > j->n || le32(j->b + lh) != 0x04034b50u) {
            snprintf(err, errlen, "%s: malformed zip: %s's local header", j->path, name);
            return -1;
        }
        uint64_t data = (uint64_t)lh + 30 + le16(j->b + lh + 26) + le16(j->b + lh + 28);
        if (data + csize > j->n || usize > (64u << 20)) {
            snprintf(err, errlen, "%s: malformed zip: %s's data", j->path, name);
            return -1;
        }
        uint8_t *buf = malloc(usize ? usize : 1);
        if (!buf) {
            snprintf(err, errlen, "%s: out of memory", j->path);
            return -1;
        }
        if (method == 0 && csize == usize) {
            memcpy(buf, j->b + data, usize);
        } else if (method == 8) {
            z_stream z;
            memset(&z, 0, sizeof z);
            z.next_in = j->b + data;
            z.avail_in = csize;
            z.next_out = buf;
            z.avail_out = usize;
            int ok = inflateInit2(&z, -MAX_WBITS) == Z_OK;
            int rc = ok ? inflate(&z, Z_FINISH) : Z_STREAM_ERROR;
            if (ok)
                inflateEnd(&z);
            if (rc != Z_STREAM_END || z.total_out != usize) {
                free(buf);
                snprintf(err, errlen, "%s: %s: bad deflated data", j->path, name);
                return -1;
            }
        } else {
            free(buf);
            snprintf(err, errlen, "%s: %s: unsupported zip compression method %u", j->path, name,
                     method);
            return -1;
        }
        *out = buf;
        *len = usize;
        return 1;
    }
    return 0;
#endif
}
