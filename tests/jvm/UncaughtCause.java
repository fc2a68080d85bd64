// an uncaught exception with a cause, thrown from a catch block after a finally ran: the first
// line of stderr names the outer exception, exit status 1.
public class UncaughtCause {
    static class ConfigException extends Exception {
        ConfigException(String m, Throwable cause) { super(m, cause); }
    }

    static int parse(String s) throws ConfigException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ConfigException("bad setting '" + s + "'", e);
        } finally {
            System.out.println("finally for " + s);
        }
    }

    public static void main(String[] args) throws ConfigException {
        System.out.println(parse("12"));
        System.out.println(parse("1x"));
    }
}
