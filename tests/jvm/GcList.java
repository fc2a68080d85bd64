// many collections: a linked list of 1,200 live nodes (about 75 KB) (each with its own array) survives while
// about 2.5 MB of garbage (arrays, strings, short lists) is allocated around it; nodes are replaced
// as we go, so old ones die and new ones must be kept. Checked by sums computed independently.
public class GcList {
    static final int N = 1200;

    static final class Node {
        final int key;
        final int[] payload;
        Node next;
        Node(int key, Node next) {
            this.key = key;
            this.next = next;
            payload = new int[8];
            for (int i = 0; i < payload.length; i++) payload[i] = key * 8 + i;
        }
        int check() {
            int s = 0;
            for (int v : payload) s += v;
            return s;
        }
    }

    public static void main(String[] args) {
        Node head = null;
        for (int i = 0; i < N; i++) head = new Node(i, head);
        int seed = 12345;
        long garbageBytes = 0;
        Object keep = null;
        for (int round = 0; round < 2400; round++) {
            int[] junk = new int[200 + (round & 63)];
            junk[junk.length - 1] = round;
            garbageBytes += 4L * junk.length;
            if ((round & 7) == 0) {
                String s = "round " + round;
                garbageBytes += 2L * s.length();
                keep = s;
            }
            // replace the node at a pseudo-random position by a new one with the same key
            seed = seed * 1103515245 + 12345;
            int pos = (seed >>> 16) % (N - 1);
            Node p = head;
            for (int k = 0; k < pos % 64; k++) p = p.next;
            Node old = p.next;
            p.next = new Node(old.key, old.next);
            garbageBytes += 64;
        }
        long keys = 0, checks = 0;
        int count = 0;
        for (Node p = head; p != null; p = p.next) {
            keys += p.key;
            checks += p.check();
            count++;
        }
        long wantKeys = (N - 1L) * N / 2;
        long wantChecks = 0;
        for (int k = 0; k < N; k++) wantChecks += 64L * k + 28;
        System.out.println(count + " nodes, keys ok " + (keys == wantKeys) + ", payloads ok " + (checks == wantChecks));
        System.out.println("garbage over 2 MB: " + (garbageBytes > 2000000) + ", last: " + keep);
    }
}
