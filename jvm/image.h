/* image.h -- the JVM guest image: the contract between the host linker (the "romizer",
 * jvm/link*.c) and the firmware's bytecode interpreter (jvm/interp.c, firmware/jvm_main.c).
 *
 * Portable C (C11, freestanding): the same header builds into the host tools and into the
 * RV32 firmware. Every structure here is made of 32-bit words (and 16-bit halves where said),
 * so the layout is the same for both. docs/jvm.md explains the design; this file is the layout.
 *
 * ADDRESSES. Everything of the guest lives in the guest window: the image (classes, methods,
 * quick bytecode, constant strings, statics), then the heap, then the Java stack. A reference
 * ("ref") is a byte offset from the window's base, 4-byte aligned; 0 is null (the image header
 * sits at offset 0, so no object ever does). Fields of the structures below that say "ref" hold
 * such offsets. The firmware adds the window base; it checks every offset it computes from guest
 * data against the window size, so no guest value can reach concealed memory.
 *
 * OBJECTS (in the image and in the heap):
 *   word 0  the class (ref to a jvm_class); the collector uses bit 0 while it runs
 *   word 1  the identity hash: 0 until asked for, then a non-zero value that never changes
 *   objects: the instance fields from word 2 (byte offset 8), superclass fields first; every
 *            field of type int, short, char, byte, boolean, or a reference takes one word, a long
 *            two (low word first); the size is jvm_class.inst_bytes
 *   arrays:  word 2 the length, elements from byte offset 12, packed: 1 byte (boolean, byte),
 *            2 (char, short), 4 (int, reference), 8 (long, low word first); the size is
 *            12 + length * element size rounded up to a multiple of 4
 *
 * VALUES on the operand stack and in locals are 32-bit slots: int-like values as int32, refs as
 * window offsets, a long in two slots, the low word in the lower-numbered slot.
 *
 * QUICK BYTECODE. The linker rewrites each method's bytecode in place, keeping every
 * instruction's length and pc (exception tables, line numbers and GC maps use the class file's
 * pcs); then it fuses pairs of instructions (FUSED OPCODES below). An instruction that names
 * the constant pool (but the instance field forms) has its index rewritten into an index of
 * the class's resolved constant pool (jvm_class.rcp: words numbered from 0 in the order the
 * reached code uses them, ldc's entries first so that its 8-bit index reaches them; the
 * linker's own entries, such as anewarray's array class, among them); the opcode says how to
 * read that word (JVM_Q_* below). Standard opcodes
 * not listed below keep their JVMS meaning. An instruction the linker shortens (invokeinterface
 * to a direct call, invokedynamic to a call of a synthesized method) is followed by nop (0x00)
 * bytes up to its original length.
 */
#ifndef JVM_IMAGE_H
#define JVM_IMAGE_H

#include <stdint.h>

#define JVM_IMAGE_MAGIC   0x4d564a31u /* "1JVM" little-endian */
#define JVM_IMAGE_VERSION 3u

/* object layout (byte offsets) */
#define JVM_OBJ_CLASS    0
#define JVM_OBJ_HASH     4
#define JVM_OBJ_FIELDS   8  /* first instance field */
#define JVM_ARR_LENGTH   8
#define JVM_ARR_DATA     12 /* first element */

/* array element kinds: the JVMS newarray atype codes, and JVM_T_REF for reference arrays */
#define JVM_T_BOOLEAN 4
#define JVM_T_CHAR    5
#define JVM_T_FLOAT   6 /* refused by the linker */
#define JVM_T_DOUBLE  7 /* refused by the linker */
#define JVM_T_BYTE    8
#define JVM_T_SHORT   9
#define JVM_T_INT     10
#define JVM_T_LONG    11
#define JVM_T_REF     12

/* Well-known classes: the header holds a ref to each. The firmware allocates the exceptions it
 * throws from these classes and needs the array classes for its own allocations. */
#define JVM_WK_LIST(X) \
    X(OBJECT, "java/lang/Object") \
    X(CLASS, "java/lang/Class") \
    X(STRING, "java/lang/String") \
    X(THROWABLE, "java/lang/Throwable") \
    X(ARITHMETIC, "java/lang/ArithmeticException") \
    X(AIOOBE, "java/lang/ArrayIndexOutOfBoundsException") \
    X(NEGATIVE_SIZE, "java/lang/NegativeArraySizeException") \
    X(NPE, "java/lang/NullPointerException") \
    X(CLASS_CAST, "java/lang/ClassCastException") \
    X(ARRAY_STORE, "java/lang/ArrayStoreException") \
    X(STACK_OVERFLOW, "java/lang/StackOverflowError") \
    X(OOM, "java/lang/OutOfMemoryError") \
    X(CLONE_NOT_SUPPORTED, "java/lang/CloneNotSupportedException") \
    X(INIT_ERROR, "java/lang/ExceptionInInitializerError") \
    X(NO_CLASS_DEF, "java/lang/NoClassDefFoundError") \
    X(ABSTRACT_METHOD, "java/lang/AbstractMethodError") \
    X(CLONEABLE, "java/lang/Cloneable") \
    X(CHAR_ARRAY, "[C") \
    X(BYTE_ARRAY, "[B") \
    X(INT_ARRAY, "[I")
#define JVM_WK_ENUM(id, name) JVM_WK_##id,
enum { JVM_WK_LIST(JVM_WK_ENUM) JVM_WK_COUNT };
#undef JVM_WK_ENUM

/* The image header, at window offset 0. */
typedef struct {
    uint32_t magic;          /* JVM_IMAGE_MAGIC */
    uint32_t version;        /* JVM_IMAGE_VERSION */
    uint32_t image_bytes;    /* the image is [0, image_bytes); the heap may start there */
    uint32_t main_method;    /* ref: the main class's public static void main(String[]) */
    uint32_t main_class;     /* ref: initialized (JVMS 5.5) before main runs */
    uint32_t args;           /* ref: the String[] passed to main (in the image) */
    uint32_t uncaught;       /* ref: static void (Throwable) the firmware calls, in a fresh
                              * frame, when an exception leaves main: it prints the report java
                              * prints and exits with status 1 (java/lang/VM.uncaught) */
    uint32_t nclasses;       /* classes in the image (library, program, arrays, synthesized) */
    uint32_t classes;        /* ref: nclasses refs to jvm_class, sorted by name */
    uint32_t statics;        /* ref: the static fields of every class, one block */
    uint32_t statics_bytes;
    uint32_t static_refs;    /* ref: the static fields of reference type are exactly the words
                              * [static_refs, static_refs + 4 * nstatic_refs): the collector's
                              * roots besides the Java stack */
    uint32_t nstatic_refs;
    uint32_t string_value_off;     /* byte offset of String.value (char[]) in a String */
    uint32_t string_bytes;         /* jvm_class.inst_bytes of String */
    uint32_t throwable_message_off;   /* Throwable's detail message (String) */
    uint32_t throwable_backtrace_off; /* Throwable's backtrace (int[]: method ref, pc pairs,
                                       * innermost first), filled by fillInStackTrace */
    uint32_t throwable_cause_off;     /* Throwable's cause (Throwable) */
    uint32_t wk[JVM_WK_COUNT];    /* refs to the well-known classes, JVM_WK_* order */
    uint32_t prim_array[8];       /* refs to the array classes [Z [C [F [D [B [S [I [J
                                   * (index: JVM_T_* - JVM_T_BOOLEAN; [F and [D are 0) */
    uint32_t reserved[4];         /* 0 */
} jvm_image_hdr;

/* jvm_class.flags */
#define JVM_CF_INTERFACE 0x0001u
#define JVM_CF_ABSTRACT  0x0002u
#define JVM_CF_ARRAY     0x0004u
#define JVM_CF_FINAL     0x0008u
#define JVM_CF_PRIMITIVE_ARRAY 0x0010u /* an array of a primitive type (elem_type != JVM_T_REF) */
#define JVM_CF_SYNTHETIC 0x0020u       /* made by the linker (array classes) */

/* jvm_class.state: class initialization (JVMS 5.5), written by the firmware */
#define JVM_CS_LINKED       0u /* not initialized yet: has a <clinit> (itself or a superclass) */
#define JVM_CS_INITIALIZING 1u /* its <clinit> is running (the one thread may use it) */
#define JVM_CS_INITIALIZED  2u
#define JVM_CS_ERRONEOUS    3u /* its <clinit> threw: uses throw NoClassDefFoundError */
#define JVM_CS_PENDING      4u /* (run time only) no <clinit> of its own, waiting for the <clinit>s
                                * of superclasses that are to run: fails if one of them fails */

/* A class. It is itself an object of class java/lang/Class (obj_class, obj_hash): getClass()
 * returns the class's ref. Variable-length: vtable[] ends it. */
typedef struct {
    uint32_t obj_class;      /* ref: java/lang/Class */
    uint32_t obj_hash;
    uint32_t name;           /* ref: String, the name as Class.getName() gives it:
                              * "java.lang.String", "Outer$Inner", "[I", "[Ljava.lang.String;" */
    uint32_t super;          /* ref: the superclass (interfaces and Object: 0; arrays: Object) */
    uint32_t flags;          /* JVM_CF_* */
    uint32_t state;          /* JVM_CS_* (classes without any <clinit> up the chain are linked
                              * as JVM_CS_INITIALIZED) */
    uint32_t clinit;         /* ref: its own <clinit> method, or 0 */
    uint32_t depth;          /* superclass chain length: Object 0, its subclasses 1, ... */
    uint32_t inst_bytes;     /* objects: the instance size in bytes, header included;
                              * arrays: the element size (1, 2, 4 or 8) */
    uint32_t refmap;         /* objects: ref to a bitmap, bit i of word i/32 = instance word i
                              * holds a reference (words 0 and 1, the header, are 0); 0 when the
                              * class has no reference field. arrays: 0 */
    uint32_t elem_class;     /* arrays: ref to the component class (a class for reference
                              * arrays; 0 for primitive arrays) */
    uint32_t elem_type;      /* arrays: JVM_T_*; objects: 0 */
    uint32_t dims;           /* arrays: dimensions ([[I: 2); objects: 0 */
    uint32_t ninterfaces;    /* every interface the class implements, directly or inherited
                              * (an interface: its superinterfaces) */
    uint32_t interfaces;     /* ref: ninterfaces jvm_itable_ref */
    uint32_t rcp;            /* ref: the resolved constant pool, words (JVM_Q_* say how each
                              * opcode reads its entry) */
    uint32_t source_file;    /* ref: String from the SourceFile attribute, or 0 */
    uint32_t nmethods;       /* the methods the class declares */
    uint32_t methods;        /* ref: nmethods jvm_method, contiguous */
    uint32_t enum_values;    /* enums (ACC_ENUM, superclass java/lang/Enum): ref of the static
                              * field $VALUES; 0 for other classes */
    uint32_t vtable_len;     /* vtable[] entries */
    uint32_t vtable[];       /* refs to jvm_method: the virtual methods, superclass's first,
                              * overrides in the superclass's slots; abstract entries point at
                              * the abstract method (invoking it throws AbstractMethodError) */
} jvm_class;

/* One interface a class implements: itable[i] is the ref of the method that implements the
 * interface's i-th method (jvm_imethod.index), or of a default method, or of the abstract
 * interface method itself (AbstractMethodError). */
typedef struct {
    uint32_t iface;          /* ref: the interface class */
    uint32_t itable;         /* ref: words, one per method of the interface's itable */
} jvm_itable_ref;

/* jvm_method.flags: the JVMS access flags that matter, and the linker's own */
#define JVM_MF_STATIC       0x0008u
#define JVM_MF_SYNCHRONIZED 0x0020u
#define JVM_MF_NATIVE       0x0100u
#define JVM_MF_ABSTRACT     0x0400u
#define JVM_MF_RET_MASK     0x3000u /* what it returns: */
#define JVM_MF_RET_VOID     0x0000u
#define JVM_MF_RET_INT      0x1000u /* one slot, int-like */
#define JVM_MF_RET_REF      0x2000u /* one slot, a reference */
#define JVM_MF_RET_LONG     0x3000u /* two slots */
#define JVM_MF_CLINIT       0x4000u /* a <clinit> */
#define JVM_MF_INIT         0x8000u /* an <init> */

/* A method. */
typedef struct {
    uint32_t clazz;          /* ref: the declaring class */
    uint32_t name;           /* ref: String, "main", "<init>" */
    uint32_t code;           /* ref: the quick bytecode (code_len bytes); 0 for native and
                              * abstract methods */
    uint16_t code_len;
    uint16_t flags;          /* JVM_MF_* */
    uint16_t max_locals;     /* locals, arguments included */
    uint16_t max_stack;      /* operand stack slots */
    uint16_t arg_slots;      /* argument slots, the receiver included */
    uint16_t native_id;      /* native methods: JVM_NATIVE_* (jvm/natives.def) */
    uint16_t nhandlers;      /* exception table entries */
    uint16_t nlines;         /* line number table entries */
    uint32_t handlers;       /* ref: nhandlers jvm_handler, in class-file order */
    uint32_t lines;          /* ref: nlines jvm_line, sorted by start_pc */
    uint16_t ngcmaps;        /* GC map entries */
    uint16_t gcmap_words;    /* words per GC map entry: 1 + ceil((max_locals + max_stack) / 32) */
    uint32_t gcmaps;         /* ref: ngcmaps entries of gcmap_words words, sorted by pc */
    uint16_t nloops;         /* loop headers: targets of backward branches */
    uint16_t vindex;         /* virtual methods: its vtable index; 0xffff for the others */
    uint32_t loops;          /* ref: nloops jvm_loop (the firmware counts in them) */
    uint32_t invocations;    /* profile: written by the firmware; 0 in the image */
    /* precomputed for the call and the return, so each reads one word where it would read
     * several fields (the firmware's frame layout: jvm/interp.h, JVM_FRAME_WORDS below) */
    uint32_t rcp;            /* ref: the declaring class's resolved constant pool (clazz's
                              * jvm_class.rcp, the same word) */
    uint32_t args_bytes;     /* 4 * arg_slots: the caller's operand stack top less this is
                              * where the callee's locals begin */
    uint32_t locals_bytes;   /* 4 * max_locals: from the locals to the frame header */
    uint32_t frame_bytes;    /* 4 * (max_locals + JVM_FRAME_WORDS + max_stack): the whole
                              * frame, from its locals to the end of its operand stack;
                              * 0 for native and abstract methods (no frame: a call tests
                              * this word, not the flags) */
} jvm_method;

/* the firmware's frame header, in words, between a frame's locals and its operand stack */
#define JVM_FRAME_WORDS 4

typedef struct {
    uint16_t start_pc, end_pc;  /* [start_pc, end_pc) */
    uint16_t handler_pc, pad;
    uint32_t catch_class;       /* ref to the class caught, or 0 for any (finally) */
} jvm_handler;

typedef struct {
    uint16_t start_pc, line;
} jvm_line;

typedef struct {
    uint32_t pc;                /* a loop header: the target of a backward branch */
    uint32_t taken;             /* profile: taken backward branches to it (firmware) */
} jvm_loop;

/* GC MAPS. For every instruction of a method at which a collection can happen -- the
 * instructions that allocate, call, initialize a class or throw (new, newarray, anewarray,
 * multianewarray, invoke*, getstatic, putstatic, athrow, idiv, irem, ldiv, lrem, the array
 * loads and stores, arraylength, getfield, putfield, checkcast, instanceof, monitorenter,
 * monitorexit, ldc and ldc_w) -- one entry describes the frame as it is *before* the
 * instruction executes:
 *   word 0       pc (bits 15:0) | operand stack depth in slots (bits 31:16)
 *   words 1..    bit i (word 1 + i/32, bit i%32): for i < max_locals, local i holds a reference
 *                (or null); for i = max_locals + j, operand stack slot j (0 = bottom) does.
 * Slots whose type differs between two paths that meet, and uninitialized locals, are 0 (no
 * reference): javac's code never uses them before storing to them again. */
#define JVM_GCMAP_PC(w0)    ((w0) & 0xffffu)
#define JVM_GCMAP_DEPTH(w0) ((w0) >> 16)

/* Interface method record (the rcp entry of invokeinterface_q): which interface, which slot. */
typedef struct {
    uint32_t iface;          /* ref: the interface */
    uint32_t index;          /* its index in the interface's itables */
} jvm_imethod;

/* Static field record (the rcp entry of the *_c forms): the class to initialize first, and
 * the field's address. */
typedef struct {
    uint32_t clazz;          /* ref: the class whose initialization the access triggers */
    uint32_t addr;           /* ref: the static field's word (a long: two words) */
} jvm_sfield;

/* QUICK OPCODES: the linker writes these in place of the JVMS instruction of the same length.
 * "rcp[i]" is the current class's resolved constant pool entry i (the instruction's 16-bit
 * index, or 8-bit for ldc).
 *
 * Kept as in JVMS but reading rcp:
 *   ldc (0x12) i8, ldc_w (0x13) i16   push rcp[i] (an int, or a ref: a String or a class)
 *   ldc2_w (0x14) i16                 push rcp[i] (low word), rcp[i+1] (high word)
 *   checkcast (0xc0), instanceof (0xc1), anewarray (0xbd) i16   rcp[i] = ref of the class to
 *                                     test against (anewarray: of the *array* class to create)
 *   multianewarray (0xc5) i16 d8      rcp[i] = ref of the array class
 *   athrow, arraylength, the array loads and stores, and every opcode without an operand that
 *   names the constant pool: as in JVMS.
 * Rewritten: */
/* the four instance field forms: u16 = the field's byte offset in the object itself, not an rcp
 * index (written after the GC maps; the class's rcp keeps the field's entry, which the code no
 * longer reads) */
#define JVM_Q_GETFIELD_W       0xcb /* u16: the byte offset of a one-word field */
#define JVM_Q_GETFIELD_L       0xcc /* u16: the byte offset of a long field */
#define JVM_Q_PUTFIELD_W       0xcd
#define JVM_Q_PUTFIELD_L       0xce
#define JVM_Q_GETSTATIC_W      0xcf /* i16: rcp[i] = ref of the field (no initialization check:
                                     * the linker proved the class initialized here) */
#define JVM_Q_GETSTATIC_L      0xd0
#define JVM_Q_PUTSTATIC_W      0xd1
#define JVM_Q_PUTSTATIC_L      0xd2
#define JVM_Q_GETSTATIC_W_C    0xd3 /* i16: rcp[i] = ref of a jvm_sfield: initialize
                                     * sfield.clazz if needed (JVMS 5.5), then access */
#define JVM_Q_GETSTATIC_L_C    0xd4
#define JVM_Q_PUTSTATIC_W_C    0xd5
#define JVM_Q_PUTSTATIC_L_C    0xd6
#define JVM_Q_INVOKEVIRTUAL    0xd7 /* i16: rcp[i] = vtable index << 16 | argument slots (the
                                     * receiver included): null-check, dispatch on the
                                     * receiver's class */
#define JVM_Q_INVOKEDIRECT     0xd8 /* i16: rcp[i] = ref of the method; a non-static method
                                     * called without dispatch (invokespecial, private and final
                                     * methods): null-check the receiver */
#define JVM_Q_INVOKESTATIC     0xd9 /* i16: rcp[i] = ref of the method; no initialization check */
#define JVM_Q_INVOKESTATIC_C   0xda /* i16: the same, initializing the method's class first */
#define JVM_Q_INVOKEINTERFACE  0xdb /* i16 n8 0: rcp[i] = ref of a jvm_imethod; n8 = argument
                                     * slots, receiver included: null-check, find the itable of
                                     * the interface in the receiver's class, call itable[index] */
#define JVM_Q_NEW              0xdc /* i16: rcp[i] = ref of the class; no initialization check */
#define JVM_Q_NEW_C            0xdd /* i16: the same, initializing the class first */
/* newarray (0xbc) a8 is unchanged: the array class is jvm_image_hdr.prim_array[a8 - JVM_T_BOOLEAN]. */
#define JVM_Q_FIRST            0xcb
#define JVM_Q_LAST             0xdd

/* FUSED OPCODES (superinstructions). After the GC maps, the linker rewrites the opcode byte of
 * an instruction A that is followed by an instruction B (the next pc, in the same method) to the
 * fused opcode of the pair (A, B) when this list has one. The fused opcode means: execute A,
 * then B, exactly as the two would execute; its length is A's (its operand bytes are A's,
 * unchanged), and B's bytes stay as they are, so that a branch, a return or an exception
 * handler that lands on B still finds an instruction there (B's own opcode byte, or the fused
 * opcode of B and the instruction after it). Both count as bytecodes; whatever B does (throw,
 * collect, call) it does at B's pc. The fused opcode of (A, B) is written wherever the pair
 * occurs, B a branch target or not; A and B are never a *_C form.
 *   X(name, opcode, A's opcode, B's opcode, A's length) */
#define JVM_FUSED_LIST(X) \
    X(ALOAD_0_GETFIELD_W,   0xde, 0x2a, JVM_Q_GETFIELD_W, 1) \
    X(ALOAD_1_GETFIELD_W,   0xdf, 0x2b, JVM_Q_GETFIELD_W, 1) \
    X(ALOAD_2_GETFIELD_W,   0xe0, 0x2c, JVM_Q_GETFIELD_W, 1) \
    X(ALOAD_3_GETFIELD_W,   0xe1, 0x2d, JVM_Q_GETFIELD_W, 1) \
    X(ALOAD_GETFIELD_W,     0xe2, 0x19, JVM_Q_GETFIELD_W, 2) \
    X(ICONST_1_IADD,        0xe3, 0x04, 0x60, 1) \
    X(ICONST_1_ISUB,        0xe4, 0x04, 0x64, 1) \
    X(IINC_GOTO,            0xe5, 0x84, 0xa7, 3) \
    X(ILOAD_ILOAD,          0xe6, 0x15, 0x15, 2) \
    X(ILOAD_IALOAD,         0xe7, 0x15, 0x2e, 2) \
    X(ILOAD_CALOAD,         0xe8, 0x15, 0x34, 2) \
    X(ILOAD_1_IALOAD,       0xe9, 0x1b, 0x2e, 1) \
    X(ILOAD_2_IALOAD,       0xea, 0x1c, 0x2e, 1) \
    X(ILOAD_3_IALOAD,       0xeb, 0x1d, 0x2e, 1) \
    X(ILOAD_IF_ICMPEQ,      0xec, 0x15, 0x9f, 2) \
    X(ILOAD_IF_ICMPNE,      0xed, 0x15, 0xa0, 2) \
    X(ILOAD_IF_ICMPLT,      0xee, 0x15, 0xa1, 2) \
    X(ILOAD_IF_ICMPGE,      0xef, 0x15, 0xa2, 2) \
    X(ILOAD_IF_ICMPGT,      0xf0, 0x15, 0xa3, 2) \
    X(ILOAD_IF_ICMPLE,      0xf1, 0x15, 0xa4, 2) \
    X(ALOAD_0_ILOAD,        0xf2, 0x2a, 0x15, 1) \
    X(ALOAD_1_ILOAD,        0xf3, 0x2b, 0x15, 1) \
    X(ALOAD_2_ILOAD,        0xf4, 0x2c, 0x15, 1) \
    X(ALOAD_3_ILOAD,        0xf5, 0x2d, 0x15, 1)
#define JVM_FUSED_ENUM(name, op, a, b, alen) JVM_F_##name = op,
enum { JVM_FUSED_LIST(JVM_FUSED_ENUM) };
#undef JVM_FUSED_ENUM
#define JVM_F_FIRST            0xde
#define JVM_F_LAST             0xf5

#endif
