// switch on strings: javac switches on hashCode() then calls equals(); "Aa" and "BB" (and their
// combinations) share a hash code, so the collision path must pick by equals.
public class StringSwitch {
    static String kind(String s) {
        switch (s) {
            case "Aa": return "Aa";
            case "BB": return "BB";
            case "AaAa": return "AaAa";
            case "BBBB": return "BBBB";
            case "AaBB": return "AaBB";
            case "": return "empty";
            case "hello": return "greeting";
            case "polygenelubricants": return "min hash";
            default: return "unknown";
        }
    }

    static int days(String month) {
        int d;
        switch (month) {
            case "feb": d = 28; break;
            case "apr": case "jun": case "sep": case "nov": d = 30; break;
            default: d = 31;
        }
        return d;
    }

    public static void main(String[] args) {
        String[] in = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "", "hello", "Hello", "polygenelubricants",
                       "C#", "Ab"};
        for (String s : in) System.out.println("[" + s + "] " + s.hashCode() + " " + kind(s));
        StringBuilder sb = new StringBuilder();
        sb.append('A').append('a');
        System.out.println(kind(sb.toString()));
        String[] m = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        int total = 0;
        for (String s : m) total += days(s);
        System.out.println(total);
        try {
            String nul = null;
            System.out.println(kind(nul));
        } catch (NullPointerException e) {
            System.out.println("NullPointerException");
        }
    }
}
