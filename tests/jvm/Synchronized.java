// synchronized methods and blocks run single-threaded: monitorenter/monitorexit balanced on
// normal exits and on exceptions (javac's catch-all handler), nested and re-entrant locking,
// a static synchronized method, synchronizing on a null reference (NullPointerException).
public class Synchronized {
    private int count;
    private static int total;
    private final Object lock = new Object();

    synchronized void inc() { count++; }
    static synchronized void add(int n) { total += n; }

    int guarded(int n) {
        synchronized (lock) {
            synchronized (this) {
                synchronized (lock) {
                    inc();
                    if (n < 0) throw new IllegalArgumentException("negative " + n);
                    return count + n;
                }
            }
        }
    }

    public static void main(String[] args) {
        Synchronized s = new Synchronized();
        for (int i = 0; i < 100; i++) { s.inc(); add(i); }
        System.out.println(s.count + " " + total);
        System.out.println(s.guarded(5));
        try {
            s.guarded(-1);
        } catch (IllegalArgumentException e) {
            System.out.println("caught " + e.getMessage());
        }
        System.out.println(s.guarded(0));
        Object nothing = null;
        try {
            synchronized (nothing) {
                System.out.println("not reached");
            }
        } catch (NullPointerException e) {
            System.out.println("NullPointerException");
        }
        synchronized (Synchronized.class) {
            add(1000);
        }
        synchronized ("literal") {
            System.out.println(total + " " + s.count);
        }
    }
}
