// the operand-stack shuffles javac emits for postfix and compound operations used as values:
// dup_x1 (o.f++), dup2_x1 (o.longField++), dup_x2 (ia[i]++), dup2_x2 (la[i]++), dup2 (static
// long s++), pop2 (an ignored long result), chained assignments and long/int mixes on the stack.
public class StackOps {
    int f = 10;
    long lf = 1L << 33;
    static long sl = -5;
    static int si = 7;

    static long ignored() { return 99; }

    public static void main(String[] args) {
        StackOps o = new StackOps();
        int a = o.f++;
        int b = ++o.f;
        long c = o.lf++;
        long d = --o.lf;
        System.out.println(a + " " + b + " " + o.f + " " + c + " " + d + " " + o.lf);
        int[] ia = {5, 6, 7};
        long[] la = {Long.MAX_VALUE, -1, 0};
        int i = 1;
        int e = ia[i]++;
        long g = la[0]++;
        long h = la[i] += 10;
        int k = ia[2] <<= 3;
        System.out.println(e + " " + ia[1] + " " + g + " " + la[0] + " " + h + " " + la[1] + " " + k + " " + ia[2]);
        long s1 = sl++;
        long s2 = --sl;
        int s3 = si++ + si--;
        System.out.println(s1 + " " + s2 + " " + sl + " " + s3 + " " + si);
        ignored();
        long x, y, z;
        x = y = z = 3L << 40;
        int p, q;
        p = q = ia[0] = 77;
        System.out.println(x + y + z + " " + p + q + ia[0]);
        char[] ca = {'a'};
        char cc = ca[0]++;
        ca[0] += 2;
        byte[] ba = {127};
        byte bb = ba[0]++;
        short[] sa = {-32768};
        short ss = sa[0]--;
        System.out.println(cc + " " + ca[0] + " " + bb + " " + ba[0] + " " + ss + " " + sa[0]);
        long mix = (long) ia[0] * la[1] + (ia[1] - la[2]) * (o.f % 7);
        System.out.println(mix);
    }
}
