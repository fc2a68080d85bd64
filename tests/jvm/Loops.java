// control flow: nested loops with labelled break and continue, do-while, while with complex
// conditions and short-circuit evaluation, ternaries nested and mixed with assignments.
public class Loops {
    static int calls;
    static boolean t(boolean v) { calls++; return v; }

    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        outer:
        for (int i = 0; i < 6; i++) {
            inner:
            for (int j = 0; j < 6; j++) {
                if (j == i) continue outer;
                if (i + j == 7) break outer;
                if ((i * j) % 4 == 3) continue inner;
                for (int k = 0; ; k++) {
                    if (k > j) break;
                    if (k == 2) break inner;
                    sb.append(i).append(j).append(k).append(' ');
                }
            }
            sb.append("| ");
        }
        System.out.println(sb);
        int n = 0, steps = 0;
        do {
            n += 7;
            steps++;
        } while (n % 5 != 0);
        System.out.println(n + " " + steps);
        int count = 0;
        block:
        {
            for (int i = 0; i < 100; i++) {
                count += i;
                if (count > 100) break block;
            }
            count = -1;
        }
        System.out.println(count);
        calls = 0;
        boolean r = t(false) && t(true) || t(true) && (t(false) || t(true));
        System.out.println(r + " " + calls);
        calls = 0;
        r = t(true) | t(false) & t(true) ^ t(true);
        System.out.println(r + " " + calls);
        for (int i = -3; i <= 3; i++) {
            String s = i < 0 ? "neg" : i == 0 ? "zero" : i % 2 == 0 ? "even" : "odd";
            int m = i > 0 ? i * 10 : i < -2 ? -100 : 0;
            long l = i == 1 ? Long.MAX_VALUE : i;
            System.out.print(s + m + "/" + l + " ");
        }
        System.out.println();
        int x = 0, y = 0;
        x = (y = 5) > 3 ? y++ : --y;
        System.out.println(x + " " + y);
        int collatz = 27, len = 0;
        while (collatz != 1) { collatz = (collatz & 1) == 0 ? collatz >> 1 : 3 * collatz + 1; len++; }
        System.out.println(len);
        int primes = 0;
        next:
        for (int p = 2; p < 2000; p++) {
            for (int d = 2; d * d <= p; d++) if (p % d == 0) continue next;
            primes++;
        }
        System.out.println(primes);
        int w = 100;
        while (true) {
            if (--w < 90) break;
        }
        System.out.println(w);
        char grade;
        int score = 85;
        grade = score >= 90 ? 'A' : score >= 80 ? 'B' : 'C';
        System.out.println(grade);
    }
}
