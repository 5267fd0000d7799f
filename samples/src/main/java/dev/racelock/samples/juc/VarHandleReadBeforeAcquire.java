package dev.racelock.samples.juc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Bug: {@code data} is read before the acquiring read of the flag. Fix: {@link VarHandlePublication}. */
// requires atomics
public final class VarHandleReadBeforeAcquire {
    static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findVarHandle(VarHandleReadBeforeAcquire.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    int data;
    boolean ready;

    public static void main(String[] args) throws InterruptedException {
        VarHandleReadBeforeAcquire box = new VarHandleReadBeforeAcquire();
        Thread writer = new Thread(() -> {
            box.data = 42; // expect race(write, VarHandleReadBeforeAcquire.data)
            READY.setRelease(box, true);
        }, "writer");
        writer.start();
        int early = box.data; // expect race(read, VarHandleReadBeforeAcquire.data)
        while (!(boolean) READY.getAcquire(box)) {
            Thread.onSpinWait();
        }
        System.out.println("early " + early);
    }
}
