package dev.racelock.samples.juc;

import java.util.concurrent.Phaser;

/**
 * Three parties each fill their slot and arrive; the phaser's {@code onAdvance}, run by whichever
 * party arrives last, sums the slots into {@code total} and keeps a history across phases; every
 * party reads {@code total} after the advance. Phaser's memory-consistency effects: actions
 * before any arrive happen-before the advance and onAdvance, which happen-before actions after
 * the advance (and the next phase's onAdvance). Twin: {@link PhaserOnAdvanceReadEarly}.
 */
// requires juc
// expect none
public final class PhaserOnAdvanceHandOff {
    static final int[] slots = new int[3];
    static int total;
    static String history = "";

    public static void main(String[] args) throws InterruptedException {
        Phaser phaser = new Phaser(slots.length) {
            @Override
            protected boolean onAdvance(int phase, int registeredParties) {
                int sum = 0;
                for (int s : slots) {
                    sum += s;
                }
                total = sum;
                history = history + phase + ":" + sum + " ";
                return false;
            }
        };
        Thread[] parties = new Thread[slots.length];
        for (int i = 0; i < parties.length; i++) {
            int slot = i;
            parties[i] = new Thread(() -> {
                for (int round = 1; round <= 2; round++) {
                    slots[slot] = round * (slot + 1);
                    phaser.arriveAndAwaitAdvance();
                    System.out.println("party " + slot + " sees total " + total);
                    phaser.arriveAndAwaitAdvance(); // nobody writes a slot before everyone has read total
                }
            }, "party-" + i);
            parties[i].start();
        }
        for (Thread party : parties) {
            party.join();
        }
    }
}
