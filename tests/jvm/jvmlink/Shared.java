// Shared.java -- quick bytecode that test-jvmlink checks (tests/jvm/run_jvmlink_tests.py),
// compiled by javac 17 and --release 8. An //@insn line: METHOD, a quick mnemonic, and text
// that the --dump line of at least one such instruction of the method contains; //@noinsn:
// the method has no such instruction.
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
}
