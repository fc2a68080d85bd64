// Shared.java -- quick bytecode that test-jvmlink checks (tests/jvm/run_jvmlink_tests.py),
// compiled by javac 17 and --release 8. An //@insn line: METHOD, a quick mnemonic, and text
// that the --dump line of at least one such instruction of the method contains; //@noinsn:
// the method has no such instruction. An //@at line: METHOD, a pc, the mnemonic the --dump shows
// there (a fused opcode as A+B) and text its line contains.
public class Shared {
    static class Thing {
    }

    static int counter;

    // anewarray names the component class's constant-pool entry, which ldc of the class shares:
    // the array class and the class stay apart (a bug once: ldc read the array class)
    //@insn main anewarray [LShared$Thing;
    //@insn main ldc class Shared$Thing
    //@insn main ldc "text"
    // a static of the class's own needs no initialization check; another class's does
    //@insn main putstatic_w #
    //@noinsn main putstatic_w_c
    //@insn main getstatic_w_c java.lang.System
    // a private method: invokevirtual (javac 11+ nestmates) or invokespecial (8), both direct
    //@insn main invokedirect Shared.own
    public static void main(String[] args) {
        Thing[] things = new Thing[2];
        Class<?> c = Thing.class;
        String s = "text";
        counter = things.length;
        System.out.println(new Shared().own() + s + c);
    }

    private int own() {
        return counter;
    }

    // instance fields: words from byte 8 (after the two header words), in declaration order;
    // getfield's operand is the byte offset itself
    int f, g;

    // 0 aload_0, 1 getfield f, 4 aload_0, 5 getfield g, 8 iadd, 9 ireturn: each aload_0 fused
    // with the getfield after it (which stays as it was, at its own pc)
    //@at fields 0 aload_0+getfield_w
    //@at fields 1 getfield_w +8
    //@at fields 4 aload_0+getfield_w
    //@at fields 5 getfield_w +12
    //@at fields 8 iadd
    //@at fields 9 ireturn
    int fields() {
        return f + g;
    }

    // locals t 0, s 1, x 2, y 3, lim 4, i 5:
    //   0 iload_2, 1 iload_3, 2 iadd, 3 istore 5, 5 iload 5, 7 iload 4, 9 if_icmpge 17,
    //   12 aload_1, 13 iload 5, 15 caload, 16 ireturn,
    //   17 aload_0, 18 iload 5, 20 iaload, 21 iconst_1, 22 iadd, 23 ireturn
    // every instruction starting a listed pair is fused (pairs overlap: 5 and 7; 12, 13; 17,
    // 18); the others, the branch target 17's and each pair's second, keep their opcodes
    //@at probe 0 iload_2
    //@at probe 1 iload_3
    //@at probe 2 iadd
    //@at probe 3 istore 5
    //@at probe 5 iload+iload 5
    //@at probe 7 iload+if_icmpge 4
    //@at probe 9 if_icmpge -> 17
    //@at probe 12 aload_1+iload
    //@at probe 13 iload+caload 5
    //@at probe 15 caload
    //@at probe 16 ireturn
    //@at probe 17 aload_0+iload
    //@at probe 18 iload+iaload 5
    //@at probe 20 iaload
    //@at probe 21 iconst_1+iadd
    //@at probe 22 iadd
    //@at probe 23 ireturn
    static int probe(int[] t, char[] s, int x, int y, int lim) {
        int i = x + y;
        if (i < lim)
            return s[i];
        return t[i] + 1;
    }

    // locals a 0, n 1, i 2: 0 iconst_0, 1 istore_2, 2 iload_2, 3 iload_1, 4 if_icmpge 17,
    // 7 aload_0, 8 iload_2, 9 iconst_1, 10 iastore, 11 iinc 2 1, 14 goto 2, 17 return
    // (iconst_1 before iastore is no pair: only iconst_1 before iadd or isub)
    //@at fill 11 iinc+goto 2 1
    //@at fill 14 goto -> 2
    //@at fill 9 iconst_1
    static void fill(int[] a, int n) {
        for (int i = 0; i < n; i++)
            a[i] = 1;
    }

    static {
        probe(new int[1], new char[1], 0, 0, 0);
        fill(new int[1], 1);
        new Shared().fields();
    }
}
