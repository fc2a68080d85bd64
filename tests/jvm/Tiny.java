// Tiny.java -- small enough for the iCEBreaker's 64 KiB of DMEM (the post-synthesis test runs it
// on the board's netlist): a loop, a call, an array, an int printed.
public class Tiny {
    static int triangle(int n) {
        int s = 0;
        for (int i = 1; i <= n; i++)
            s += i;
        return s;
    }

    public static void main(String[] args) {
        int[] t = new int[8];
        for (int i = 0; i < t.length; i++)
            t[i] = triangle(i * 10);
        System.out.println("triangles:");
        for (int v : t)
            System.out.println(v);
    }
}
