// tableswitch and lookupswitch: gaps, negatives, defaults, fall-through, extremes.
public class Switches {
    static String dense(int x) {
        switch (x) {
            case -3: return "minus three";
            case -2: return "minus two";
            case -1: return "minus one";
            case 0: return "zero";
            case 1: return "one";
            case 3: return "three (after a gap)";
            case 4: return "four";
            case 6: return "six";
            default: return "default";
        }
    }

    static String sparse(int x) {
        switch (x) {
            case Integer.MIN_VALUE: return "min";
            case -100000: return "-100000";
            case -7: return "-7";
            case 0: return "0";
            case 1000: return "1000";
            case 65536: return "65536";
            case Integer.MAX_VALUE: return "max";
            default: return "other";
        }
    }

    static int fall(int x) {
        int r = 0;
        switch (x) {
            case 1: r += 1;
            case 2: r += 10;
            case 3: r += 100; break;
            case 4: r += 1000;
            default: r += 10000;
        }
        return r;
    }

    static int chars(char c) {
        switch (c) {
            case 'a': case 'e': case 'i': case 'o': case 'u': return 1;
            case 'y': return 2;
            case '\uffff': return 3;
            default: return 0;
        }
    }

    static int big(int x) {
        switch (x) {
            case 2147483646: return 1;
            case 2147483647: return 2;
            default: return 0;
        }
    }

    static int onlyDefault(int x) {
        switch (x) {
            default: return x * 2;
        }
    }

    public static void main(String[] args) {
        for (int i = -5; i <= 8; i++) System.out.println(i + " " + dense(i) + " " + fall(i));
        int[] probes = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -100000, -99999, -7, -6, 0, 1, 999, 1000,
                        65536, 65535, Integer.MAX_VALUE, Integer.MAX_VALUE - 1};
        for (int p : probes) System.out.println(p + " " + sparse(p) + " " + big(p));
        String s = "heavy duty \uffff";
        int sum = 0;
        for (int i = 0; i < s.length(); i++) sum = sum * 4 + chars(s.charAt(i));
        System.out.println(sum);
        System.out.println(onlyDefault(21));
        byte b = -2;
        switch (b) {
            case -2: System.out.println("byte -2"); break;
            default: System.out.println("byte default");
        }
        long count = 0;
        for (int i = -1000; i < 1000; i++) {
            switch (i & 15) {
                case 0: count += 1; break;
                case 5: count += 2; break;
                case 10: count += 3; break;
                case 15: count += 4; break;
            }
            switch (i) {
                case -999: case 999: count += 100; break;
                case -500: count += 1000;
            }
        }
        System.out.println(count);
    }
}
