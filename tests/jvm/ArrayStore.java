// array covariance: a String[] seen as Object[] refuses an Integer (ArrayStoreException with the
// stored object's class as message), arrays of interfaces, of arrays; null always stores.
public class ArrayStore {
    interface Animal { String sound(); }
    static class Dog implements Animal { public String sound() { return "woof"; } }
    static class Puppy extends Dog { public String sound() { return "yip"; } }
    static class Cat implements Animal { public String sound() { return "meow"; } }

    static void store(Object[] a, int i, Object v, String what) {
        try {
            a[i] = v;
            System.out.println("stored " + what);
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException " + e.getMessage() + " (" + what + ")");
        }
    }

    public static void main(String[] args) {
        Object[] strings = new String[2];
        store(strings, 0, "s", "String into String[]");
        store(strings, 1, Integer.valueOf(7), "Integer into String[]");
        store(strings, 1, null, "null into String[]");
        Object[] dogs = new Dog[3];
        store(dogs, 0, new Puppy(), "Puppy into Dog[]");
        store(dogs, 1, new Cat(), "Cat into Dog[]");
        store(dogs, 2, new Object(), "Object into Dog[]");
        Animal[] animals = new Animal[2];
        store(animals, 0, new Cat(), "Cat into Animal[]");
        store(animals, 1, new Puppy(), "Puppy into Animal[]");
        store(animals, 1, "str", "String into Animal[]");
        Object[] grid = new int[2][];
        store(grid, 0, new int[3], "int[] into int[][]");
        store(grid, 1, new long[3], "long[] into int[][]");
        store(grid, 1, new Object(), "Object into int[][]");
        Object[] objs = new Object[2];
        store(objs, 0, new int[1], "int[] into Object[]");
        store(objs, 1, new String[1], "String[] into Object[]");
        Object[][] nested = new Animal[1][];
        store(nested, 0, new Dog[1], "Dog[] into Animal[][]");
        store(nested, 0, new Object[1], "Object[] into Animal[][]");
        Object[] chars = new CharSequence[1];
        store(chars, 0, "cs", "String into CharSequence[]");
        store(chars, 0, Boolean.TRUE, "Boolean into CharSequence[]");
        try {
            store(strings, 2, "x", "out of bounds");
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        for (Animal a : animals) System.out.println(a.sound());
        System.out.println(((Dog) dogs[0]).sound() + " " + strings[0] + " " + strings[1]);
    }
}
