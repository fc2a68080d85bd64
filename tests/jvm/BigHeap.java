// BigHeap: one array of 80,000 bytes, more than the iCEBreaker's whole guest window (45,056
// bytes) and inside the ULX3S's (docs/fpga.md): the ULX3S chip's RTL runs it from the flash
// model in make test-postsynth; with 64 KiB of DMEM the same program gets OutOfMemoryError.
public class BigHeap {
    public static void main(String[] args) {
        int[] a = new int[20000];
        for (int i = 0; i < a.length; i++)
            a[i] = i * i;
        long sum = 0;
        int odd = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i];
            odd += a[i] & 1;
        }
        System.out.println("int[" + a.length + "] of squares: sum " + sum + ", " + odd + " odd");
        System.out.println("a[19999] = " + a[19999] + ", a[12345] = " + a[12345]);
    }
}
