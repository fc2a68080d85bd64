// refused: a class outside the library (java.util.ArrayList), on the reachable path only
//@refuse Util.main([Ljava/lang/String;)V at 6 (Util.java:10): java/util/ArrayList: class not found
public class Util {
    static void never() {
        new java.util.ArrayList<String>();
    }

    public static void main(String[] args) {
        if (args.length > 5) {
            new java.util.ArrayList<String>();
        }
    }
}
