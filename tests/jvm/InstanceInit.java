// object construction order: superclass constructor first, then field initialisers and
// instance initialiser blocks in textual order, then the constructor body; this(...) chains;
// default values of every field type before initialisation.
public class InstanceInit {
    static StringBuilder log = new StringBuilder();
    static int note(String s) { log.append(s).append(' '); return s.length(); }

    static class Base {
        int baseField = note("Base.field");
        { note("Base.block"); }
        Base() { note("Base()"); hook(); }
        void hook() { note("Base.hook"); }
    }

    static class Derived extends Base {
        int x = note("Derived.x");
        String str = "set";
        long big = 1L << 40;
        boolean flag;
        char ch;
        byte by;
        short sh;
        Object ref;
        long lng;
        { note("Derived.block1"); }
        int y = note("Derived.y!");
        { note("Derived.block2"); }
        Derived() { this(7); note("Derived()"); }
        Derived(int k) { super(); note("Derived(" + k + ")"); }
        void hook() { note("Derived.hook sees x=" + x + " str=" + str + " big=" + big); }
    }

    public static void main(String[] args) {
        Derived d = new Derived();
        System.out.println(log.toString().trim().replace(" D", "\nD").replace(" B", "\nB"));
        System.out.println(d.x + " " + d.y + " " + d.str + " " + d.big + " " + d.flag + " " + (int) d.ch + " " + d.by + " " + d.sh + " " + d.ref + " " + d.lng + " " + d.baseField);
    }
}
