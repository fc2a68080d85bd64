// the binary-trees pattern: one long-lived tree, many short-lived trees built and checked in
// between, arrays of references surviving collections: about 1 MB allocated in all, the live
// data at most about 3,000 nodes.
public class GcTrees {
    static final class Tree {
        Tree left, right;
        int item;
        Tree(Tree l, Tree r, int item) { left = l; right = r; this.item = item; }
        int check() { return left == null ? item : item + left.check() - right.check(); }
    }

    static Tree build(int item, int depth) {
        if (depth == 0) return new Tree(null, null, item);
        return new Tree(build(2 * item - 1, depth - 1), build(2 * item, depth - 1), item);
    }

    public static void main(String[] args) {
        Tree longLived = build(0, 9);
        Tree[] kept = new Tree[8];
        int total = 0;
        for (int d = 4; d <= 8; d += 2) {
            int iters = 1 << (12 - d);
            int check = 0;
            for (int i = 1; i <= iters; i++) {
                Tree a = build(i, d);
                Tree b = build(-i, d);
                check += a.check() + b.check();
                if (d <= 6 && (i & 3) == 0) kept[(i / 4) & 7] = a;
            }
            System.out.println(2 * iters + " trees of depth " + d + " check " + check);
            total += check;
        }
        int keptSum = 0;
        for (Tree t : kept) if (t != null) keptSum += t.check() + t.item;
        System.out.println("long lived " + longLived.check() + " kept " + keptSum + " total " + total);
    }
}
