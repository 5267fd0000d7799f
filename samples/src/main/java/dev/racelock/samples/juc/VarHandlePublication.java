package dev.racelock.samples.juc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code data} is published through a plain boolean field accessed only with VarHandle
 * release/acquire modes: setRelease happens-before the getAcquire that reads it.
 * Twin: {@link VarHandleReadBeforeAcquire}.
 */
// requires atomics
// expect none
public final class VarHandlePublication {
    static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findVarHandle(VarHandlePublication.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    int data;
    boolean ready;

    public static void main(String[] args) throws InterruptedException {
        VarHandlePublication box = new VarHandlePublication();
        Thread writer = new Thread(() -> {
            box.data = 42;
            READY.setRelease(box, true);
        }, "writer");
        writer.start();
        while (!(boolean) READY.getAcquire(box)) {
            Thread.onSpinWait();
        }
        System.out.println("data " + box.data);
    }
}
