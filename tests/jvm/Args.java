// the program's arguments reach main(String[]): count, order, empty and spaced arguments.
// args: one "two words" 3 "" -4
public class Args {
    public static void main(String[] args) {
        System.out.println(args.length);
        int sum = 0;
        for (int i = 0; i < args.length; i++) {
            System.out.println(i + " [" + args[i] + "] " + args[i].length());
            if (args[i].length() > 0 && (args[i].charAt(0) == '-' || Character.isDigit(args[i].charAt(0))))
                sum += Integer.parseInt(args[i]);
        }
        System.out.println(sum);
    }
}
