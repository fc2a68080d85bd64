// the smallest program: one line of output, exit status 0 (make run GUEST=tests/jvm/Hello.java).
public class Hello {
    public static void main(String[] args) {
        System.out.println("Hello, world");
    }
}
