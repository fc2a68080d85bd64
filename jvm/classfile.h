/* classfile.h -- a class file reader for the JVM guest's host linker (jvm/link*.c).
 *
 * Reads class files of versions 52 to 61 (Java 8 to 17) into memory, with the structural checks
 * of JVMS 4.8 that the linker relies on: every constant-pool index in range and of the kind its
 * user needs, lengths inside their attribute, code no longer than 65535 bytes, every instruction
 * known and inside the code, branch targets and exception ranges at instruction starts. jsr and
 * ret (not allowed in class files >= 51) are refused. Every error is one line naming the file
 * (and the method and bytecode offset where there is one).
 *
 * Host C (C11, malloc). No globals.
 */
#ifndef JVM_CLASSFILE_H
#define JVM_CLASSFILE_H

#include <stddef.h>
#include <stdint.h>

/* constant-pool tags (JVMS 4.4) */
enum {
    CF_UTF8 = 1, CF_INTEGER = 3, CF_FLOAT = 4, CF_LONG = 5, CF_DOUBLE = 6, CF_CLASS = 7,
    CF_STRING = 8, CF_FIELDREF = 9, CF_METHODREF = 10, CF_IMETHODREF = 11, CF_NAMETYPE = 12,
    CF_METHODHANDLE = 15, CF_METHODTYPE = 16, CF_DYNAMIC = 17, CF_INVOKEDYNAMIC = 18,
    CF_MODULE = 19, CF_PACKAGE = 20
};

/* access flags (JVMS 4.1, 4.5, 4.6) */
#define CF_ACC_PUBLIC     0x0001u
#define CF_ACC_PRIVATE    0x0002u
#define CF_ACC_PROTECTED  0x0004u
#define CF_ACC_STATIC     0x0008u
#define CF_ACC_FINAL      0x0010u
#define CF_ACC_SUPER      0x0020u
#define CF_ACC_SYNCHRONIZED 0x0020u
#define CF_ACC_NATIVE     0x0100u
#define CF_ACC_INTERFACE  0x0200u
#define CF_ACC_ABSTRACT   0x0400u
#define CF_ACC_SYNTHETIC  0x1000u
#define CF_ACC_ENUM       0x4000u

typedef struct {
    uint8_t tag;
    uint16_t a, b;        /* Class: a = name; String: a = utf8; *ref: a = class, b = name&type;
                           * NameAndType: a = name, b = descriptor; MethodHandle: a = kind,
                           * b = reference; MethodType: a = descriptor; (Invoke)Dynamic: a =
                           * bootstrap index, b = name&type; Module/Package: a = name */
    uint32_t lo, hi;      /* Integer/Float: lo; Long/Double: hi:lo */
    char *str;            /* Utf8: the bytes, NUL-terminated (modified UTF-8, checked) */
    uint16_t len;         /* Utf8: byte length */
} cf_cp;

typedef struct {
    uint16_t start_pc, end_pc, handler_pc, catch_type;
} cf_handler;

typedef struct {
    uint16_t start_pc, line;
} cf_line;

typedef struct {
    uint16_t access;
    const char *name, *desc;
    uint16_t constval;    /* ConstantValue's CP index, or 0 */
} cf_field;

typedef struct {
    uint16_t access;
    const char *name, *desc;
    uint8_t *code;        /* NULL when there is no Code attribute */
    uint32_t code_len;
    uint16_t max_stack, max_locals;
    uint16_t nhandlers, nlines;
    cf_handler *handlers;
    cf_line *lines;
} cf_method;

typedef struct {
    uint16_t method_ref;  /* CP index of a MethodHandle */
    uint16_t nargs;
    uint16_t *args;       /* CP indices */
} cf_bootstrap;

typedef struct {
    char *file;           /* the path it was read from (for messages) */
    uint16_t minor, major;
    uint16_t ncp;         /* constant_pool_count: valid indices are 1..ncp-1 */
    cf_cp *cp;
    uint16_t access;
    const char *this_name;   /* "pkg/Name" */
    const char *super_name;  /* NULL for java/lang/Object */
    uint16_t ninterfaces;
    const char **interfaces;
    uint16_t nfields, nmethods;
    cf_field *fields;
    cf_method *methods;
    const char *source_file; /* SourceFile, or NULL */
    uint16_t nbootstrap;
    cf_bootstrap *bootstrap;
    const char *nest_host;   /* NestHost, or NULL */
} cf_class;

/* Parses buf[0, len) (the bytes of `path`). Returns NULL with a one-line message in err on any
 * malformed or unsupported input. The result owns copies of everything it needs (buf may be
 * freed). */
cf_class *cf_parse(const uint8_t *buf, size_t len, const char *path, char *err, size_t errlen);
/* Reads and parses a file; NULL with a message when it cannot be read or is malformed. */
cf_class *cf_load(const char *path, char *err, size_t errlen);
void cf_free(cf_class *c);

/* CP accessors for indices the reader has checked */
const char *cf_utf8(const cf_class *c, unsigned i);
const char *cf_class_name(const cf_class *c, unsigned i);  /* a Class entry's name */

/* Makes a message one line: control characters (a class file's names may hold any) become '?'. */
void cf_one_line(char *s);

/* Bytecode: the length of the instruction at pc (code checked by cf_parse); 0 if unknown. */
uint32_t cf_insn_len(const uint8_t *code, uint32_t code_len, uint32_t pc);
/* The JVMS mnemonic of an opcode ("iadd"), or NULL for an opcode JVMS does not define. */
const char *cf_opname(unsigned op);

#endif
