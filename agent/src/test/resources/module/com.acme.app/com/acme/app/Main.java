package com.acme.app;
public class Main {
    static int counter;
    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> { synchronized (Main.class) { counter++; } });
        t.start(); t.join();
        int[] a = new int[2]; a[1] = counter;
        System.out.println("module " + Main.class.getModule().getName() + " " + a[1]);
    }
}
