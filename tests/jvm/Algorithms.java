// small real programs together: quicksort and insertion sort on a pseudo-random int array,
// the eight queens (all 92 solutions), Towers of Hanoi, gcd and modular power in long,
// Fibonacci to 90 in long, a prime sieve, permutations of a char array.
public class Algorithms {
    static void quicksort(int[] a, int lo, int hi) {
        if (lo >= hi) return;
        int p = a[(lo + hi) >>> 1], i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        quicksort(a, lo, j);
        quicksort(a, i, hi);
    }

    static int queens(int row, int cols, int d1, int d2) {
        if (row == 8) return 1;
        int n = 0;
        for (int c = 0; c < 8; c++) {
            if ((cols & (1 << c)) != 0 || (d1 & (1 << (row + c))) != 0 || (d2 & (1 << (row - c + 7))) != 0) continue;
            n += queens(row + 1, cols | 1 << c, d1 | 1 << (row + c), d2 | 1 << (row - c + 7));
        }
        return n;
    }

    static int moves;
    static void hanoi(int n, int from, int to, int via) {
        if (n == 0) return;
        hanoi(n - 1, from, via, to);
        moves++;
        hanoi(n - 1, via, to, from);
    }

    static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }

    static long powmod(long b, long e, long m) {
        long r = 1;
        b %= m;
        while (e > 0) {
            if ((e & 1) == 1) r = r * b % m;
            b = b * b % m;
            e >>= 1;
        }
        return r;
    }

    static int perms;
    static StringBuilder first = new StringBuilder();
    static void permute(char[] a, int k) {
        if (k == a.length) {
            perms++;
            if (perms <= 3 || perms == 120) first.append(a).append(' ');
            return;
        }
        for (int i = k; i < a.length; i++) {
            char t = a[k]; a[k] = a[i]; a[i] = t;
            permute(a, k + 1);
            t = a[k]; a[k] = a[i]; a[i] = t;
        }
    }

    public static void main(String[] args) {
        int[] a = new int[500];
        int seed = 42;
        for (int i = 0; i < a.length; i++) { seed = seed * 1664525 + 1013904223; a[i] = seed >> 8; }
        int[] b = a.clone();
        quicksort(a, 0, a.length - 1);
        for (int i = 1; i < b.length; i++) {
            int v = b[i], j = i - 1;
            while (j >= 0 && b[j] > v) { b[j + 1] = b[j]; j--; }
            b[j + 1] = v;
        }
        boolean same = true;
        for (int i = 0; i < a.length; i++) same &= a[i] == b[i];
        System.out.println(a[0] + " " + a[249] + " " + a[499] + " " + same);
        System.out.println("queens " + queens(0, 0, 0, 0));
        hanoi(12, 1, 3, 2);
        System.out.println("hanoi " + moves);
        System.out.println(gcd(1071L * 1000000007L, 462L * 1000000007L) + " " + powmod(3, 1000000006L, 1000000007L) + " " + powmod(2, 62, Long.MAX_VALUE));
        long f0 = 0, f1 = 1;
        for (int i = 2; i <= 90; i++) { long t = f0 + f1; f0 = f1; f1 = t; }
        System.out.println("fib90 " + f1);
        boolean[] comp = new boolean[5000];
        int count = 0, last = 0;
        for (int i = 2; i < comp.length; i++) {
            if (comp[i]) continue;
            count++;
            last = i;
            for (int j = i * i; j < comp.length; j += i) comp[j] = true;
        }
        System.out.println("primes " + count + " last " + last);
        permute("abcde".toCharArray(), 0);
        System.out.println(perms + " " + first.toString().trim());
    }
}
