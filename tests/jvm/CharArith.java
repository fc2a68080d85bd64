// char arithmetic: chars are unsigned 16-bit, promoted to int in expressions; increments wrap
// at 65535, casts from negative ints, char compared with int, Caesar and case shifts by hand.
public class CharArith {
    public static void main(String[] args) {
        char c = 'a';
        c++;
        c += 2;
        System.out.println(c + " " + (int) c + " " + (c + 1) + " " + (char) (c + 1));
        char max = '\uffff';
        max++;
        System.out.println((int) max);
        char neg = (char) -1;
        System.out.println((int) neg + " " + (neg > 0) + " " + (short) neg + " " + (byte) neg);
        char big = (char) 70000;
        System.out.println((int) big);
        char[] msg = "Hello, Zebra!".toCharArray();
        for (int i = 0; i < msg.length; i++) {
            char ch = msg[i];
            if (ch >= 'a' && ch <= 'z') msg[i] = (char) ('a' + (ch - 'a' + 3) % 26);
            else if (ch >= 'A' && ch <= 'Z') msg[i] = (char) ('A' + (ch - 'A' + 3) % 26);
        }
        System.out.println(new String(msg));
        StringBuilder sb = new StringBuilder();
        for (char ch = 'z'; ch >= 'a'; ch -= 5) sb.append(ch).append((char) (ch ^ 0x20));
        System.out.println(sb);
        int digits = 0;
        String num = "a1b22c333";
        for (int i = 0; i < num.length(); i++) {
            char ch = num.charAt(i);
            if (ch >= '0' && ch <= '9') digits = digits * 10 + (ch - '0');
        }
        System.out.println(digits);
        char x = 'x';
        int diff = 'a' - x;
        System.out.println(diff + " " + (char) ('A' + 25) + " " + ('A' < 'a') + " " + (int) (char) 0x263A);
        char[] all = new char[3];
        System.out.println((int) all[0] + " " + (all[1] == '\u0000'));
        char s = 'S';
        s *= 2;
        System.out.println((int) s);
        s = 'A';
        s ^= ' ';
        System.out.println(s);
        short fromChar = (short) '\u8000';
        char fromShort = (char) (short) -2;
        System.out.println(fromChar + " " + (int) fromChar + " " + (int) fromShort);
    }
}
