// An allocation no heap can hold gives OutOfMemoryError, which can be caught; the program goes
// on allocating normally afterwards.
public class InterpOutOfMemory {
    public static void main(String[] args) {
        try {
            long[] huge = new long[Integer.MAX_VALUE - 16];
            System.out.println("allocated " + huge.length);
        } catch (OutOfMemoryError e) {
            System.out.println("caught " + e.getClass().getName());
        }
        int[] fine = new int[1000];
        fine[999] = 5;
        System.out.println("after " + fine[999]);
        Object[] nested = new Object[10];
        try {
            int[][] m = new int[3][Integer.MAX_VALUE - 16];
            nested[0] = m;
        } catch (OutOfMemoryError e) {
            System.out.println("caught again");
        }
    }
}
