// an uncaught exception without a message (the first line has no ": "), thrown after output
// to both streams: exit status 1.
public class UncaughtNoMessage {
    public static void main(String[] args) {
        System.out.println("out");
        System.err.println("err");
        throw new UnsupportedOperationException();
    }
}
