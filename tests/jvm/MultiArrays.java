// multi-dimensional arrays: multianewarray with every dimension given, partial dimensions
// (new int[3][]), jagged rows, 3 and 4 dimensions, default values, lengths, negative sizes.
public class MultiArrays {
    public static void main(String[] args) {
        int[][] grid = new int[4][5];
        for (int i = 0; i < grid.length; i++)
            for (int j = 0; j < grid[i].length; j++) grid[i][j] = i * 10 + j;
        int sum = 0;
        for (int[] row : grid) for (int v : row) sum += v;
        System.out.println(grid.length + " " + grid[0].length + " " + sum + " " + grid[3][4]);

        int[][] partial = new int[3][];
        System.out.println((partial[0] == null) + " " + partial.length);
        for (int i = 0; i < 3; i++) partial[i] = new int[i + 1];
        partial[2][2] = 9;
        System.out.println(partial[0].length + " " + partial[1].length + " " + partial[2].length + " " + partial[2][2]);

        long[][][] cube = new long[2][3][4];
        cube[1][2][3] = Long.MAX_VALUE;
        cube[0][0][0] = -1;
        System.out.println(cube.length + " " + cube[1].length + " " + cube[1][2].length + " " + cube[1][2][3] + " " + cube[0][0][0] + " " + cube[1][1][1]);

        String[][][] partial3 = new String[2][2][];
        System.out.println((partial3[1][1] == null) + " " + partial3[1].length);
        partial3[1][1] = new String[] {"deep"};
        System.out.println(partial3[1][1][0]);

        byte[][][][] four = new byte[2][2][2][2];
        four[1][1][1][1] = (byte) 200;
        System.out.println(four[1][1][1][1] + " " + four[0][1][0][1]);

        char[][] chars = new char[2][3];
        chars[1][2] = 'z';
        System.out.println((int) chars[0][0] + " " + chars[1][2]);
        boolean[][] flags = new boolean[3][3];
        for (int i = 0; i < 3; i++) flags[i][i] = true;
        StringBuilder sb = new StringBuilder();
        for (boolean[] row : flags) { for (boolean f : row) sb.append(f ? '1' : '0'); sb.append('/'); }
        System.out.println(sb);

        int[][] jag = {{1}, {2, 3}, {}, {4, 5, 6}};
        int total = 0;
        for (int[] r : jag) { total = total * 10 + r.length; }
        System.out.println(total + " " + jag[3][2]);

        Object[] asObj = new int[2][2];
        System.out.println(asObj[0] instanceof int[]);

        int[][] zero = new int[0][5];
        int[][] zero2 = new int[5][0];
        System.out.println(zero.length + " " + zero2.length + " " + zero2[4].length);

        int[][] tri = new int[10][];
        for (int i = 0; i < tri.length; i++) {
            tri[i] = new int[i + 1];
            tri[i][0] = tri[i][i] = 1;
            for (int j = 1; j < i; j++) tri[i][j] = tri[i - 1][j - 1] + tri[i - 1][j];
        }
        StringBuilder p = new StringBuilder();
        for (int v : tri[9]) p.append(v).append(' ');
        System.out.println(p.toString().trim());

        int n = -2;
        try {
            int[][] bad = new int[3][n];
            System.out.println("not reached " + bad.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("NegativeArraySizeException " + e.getMessage());
        }
        try {
            int[][] bad = new int[n][3];
            System.out.println("not reached " + bad.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("NegativeArraySizeException " + e.getMessage());
        }
        try {
            int[][] bad = new int[0][n];
            System.out.println("not reached " + bad.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("NegativeArraySizeException " + e.getMessage() + " (zero outer)");
        }
        try {
            grid[4][0] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            grid[0][-1] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        int[][] cl = grid.clone();
        cl[0][0] = 77;
        System.out.println(grid[0][0] + " " + (cl[0] == grid[0]) + " " + (cl != grid));
    }
}
