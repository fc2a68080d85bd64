// equals and hashCode: overridden pairs, the default identity versions (consistent, and equal
// to System.identityHashCode), String's and the wrappers' exact hash codes, a hand-made hash
// table of chains using them.
public class HashEquals {
    static final class Key {
        final int a;
        final String b;
        Key(int a, String b) { this.a = a; this.b = b; }
        public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Key)) return false;
            Key k = (Key) o;
            return a == k.a && b.equals(k.b);
        }
        public int hashCode() { return 31 * a + b.hashCode(); }
    }

    static final class Entry {
        final Object key;
        int value;
        Entry next;
        Entry(Object key, int value, Entry next) { this.key = key; this.value = value; this.next = next; }
    }

    static final class Table {
        Entry[] buckets = new Entry[16];
        int size;
        int index(Object k) { return (k.hashCode() & 0x7fffffff) % buckets.length; }
        void put(Object k, int v) {
            for (Entry e = buckets[index(k)]; e != null; e = e.next) {
                if (e.key.equals(k)) { e.value = v; return; }
            }
            buckets[index(k)] = new Entry(k, v, buckets[index(k)]);
            size++;
        }
        int get(Object k) {
            for (Entry e = buckets[index(k)]; e != null; e = e.next) if (e.key.equals(k)) return e.value;
            return -1;
        }
    }

    public static void main(String[] args) {
        Key k1 = new Key(1, "one"), k2 = new Key(1, "one"), k3 = new Key(2, "one");
        System.out.println(k1.equals(k2) + " " + k1.equals(k3) + " " + (k1.hashCode() == k2.hashCode()) + " " + k1.hashCode() + " " + k1.equals(null) + " " + k1.equals("one"));
        Object o1 = new Object(), o2 = new Object();
        System.out.println(o1.equals(o1) + " " + o1.equals(o2) + " " + (o1.hashCode() == o1.hashCode())
                + " " + (o1.hashCode() == System.identityHashCode(o1)) + " " + (System.identityHashCode(k1) == System.identityHashCode(k1))
                + " " + System.identityHashCode(null));
        String[] strs = {"", "a", "ab", "hello world", "Aa", "BB", "polygenelubricants", "\u00ff\u0100"};
        for (String s : strs) System.out.print(s.hashCode() + " ");
        System.out.println();
        System.out.println(Integer.valueOf(-5).hashCode() + " " + Long.valueOf(-5L).hashCode() + " " + Long.valueOf(1L << 32).hashCode()
                + " " + Character.valueOf('A').hashCode() + " " + Boolean.valueOf(true).hashCode() + " " + Short.valueOf((short) -1).hashCode()
                + " " + Byte.valueOf((byte) -1).hashCode());
        Table t = new Table();
        for (int i = 0; i < 200; i++) t.put(new Key(i % 50, "k" + (i % 7)), i);
        for (int i = 0; i < 100; i++) t.put("s" + i, i * 2);
        for (int i = 0; i < 100; i++) t.put(Integer.valueOf(i * 1000), i * 3);
        System.out.println(t.size + " " + t.get(new Key(3, "k3")) + " " + t.get(new Key(49, "k0")) + " " + t.get("s99") + " " + t.get(Integer.valueOf(99000))
                + " " + t.get("missing") + " " + t.get(new Key(0, "k1")));
        Object[] mixed = {"Aa", "BB", new Key(0, ""), Integer.valueOf(2112), Long.valueOf(2112)};
        StringBuilder sb = new StringBuilder();
        for (Object a : mixed) for (Object b : mixed) sb.append(a.equals(b) ? '1' : '0');
        System.out.println(sb);
    }
}
