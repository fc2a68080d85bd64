// refused: a native method of the program's own
//@refuse Nat.main([Ljava/lang/String;)V at 0 (Nat.java:7): Nat.n()V: native method is not one of jvm/natives.def
public class Nat {
    static native void n();

    public static void main(String[] args) {
        n();
    }
}
