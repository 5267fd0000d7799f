package dev.racelock.agent.runtime;

import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObjectInfo;

/**
 * The hooks instrumented code calls. Public, static and on the bootstrap class path, so code
 * of every class loader links to this one copy.
 *
 * <p><b>Hot path rule</b> (STYLE.md): everything below {@link #enter} runs at every access of the
 * recorded program. It allocates nothing (an object's first sight inserts one map entry), takes
 * no lock on the common path, and calls no JDK code that could be instrumented or synchronize.
 * The context comes in as an argument: instrumented code looks it up once per method.
 */
public final class Rt {
    private static final int MONITOR = LockFlags.MONITOR;

    private Rt() {}

    // ---- method entry / exit ------------------------------------------------------------------

    /** Method entry with stacks on: the context for this activation, and the enter event. */
    @DontInline
    public static ThreadContext enter(int method) {
        return pushFrame(method);
    }

    /** The calling thread's context, with {@code method}'s frame pushed, entered from the caller's call site. */
    private static ThreadContext pushFrame(int method) {
        ThreadContext c = Recording.context();
        c.calls.methodEnter(method, c.callSite);
        return c;
    }

    /** Method entry with stacks off: only the context. */
    @DontInline
    public static ThreadContext context() {
        return Recording.context();
    }

    /**
     * Method exit with stacks on. The caller's call site comes back: it is what the frame below
     * was calling from while this method ran, so a method that uninstrumented code (a JDK
     * iteration, a callback) calls next from the same call still gets that call site, and one
     * entered when no instrumented frame is calling out (a pool thread's next task) gets
     * {@link ContextInfo#UNRECORDED_CALLER} (or the thread's entry mark), never a call site left
     * by code that has returned.
     */
    @DontInline
    public static void exit(ThreadContext c, int method) {
        c.callSite = c.calls.methodExit(method);
    }

    /**
     * First thing in each of a method's exception handlers, with stacks on: the frames the caught
     * exception left above the method without an exit go. Only a constructor leaves one: its
     * catch-all handler cannot cover its {@code this(...)} or {@code super(...)} call, so when that
     * call throws, the constructor's frame stays until the method that catches comes here.
     */
    @DontInline
    public static void caught(ThreadContext c, int method) {
        c.callSite = c.calls.methodResumed(method, c.callSite);
    }

    // ---- fields -------------------------------------------------------------------------------

    @DontInline
    public static void read(Object object, int field, int site, ThreadContext c) {
        readField(object, field, site, c);
    }

    @DontInline
    public static void write(Object object, int field, int site, ThreadContext c) {
        writeField(object, field, site, c);
    }

    @DontInline
    public static void staticRead(int field, int site, ThreadContext c) {
        c.accesses.read(0, field, site);
    }

    @DontInline
    public static void staticWrite(int field, int site, ThreadContext c) {
        c.accesses.write(0, field, site);
    }

    private static void readField(Object object, int field, int site, ThreadContext c) {
        if (c.owned != null && object instanceof Identified i && i.$racelock$shadow() instanceof ObjectShadow s
                && s.self == object && Ownership.read(object, s, field, site, c)) {
            return; // owned: kept beside the object (Ownership)
        }
        c.accesses.read(ObjectIds.of(object, site, c), field, site);
    }

    private static void writeField(Object object, int field, int site, ThreadContext c) {
        if (c.owned != null && object instanceof Identified i && i.$racelock$shadow() instanceof ObjectShadow s
                && s.self == object && Ownership.write(object, s, field, site, c)) {
            return;
        }
        c.accesses.write(ObjectIds.of(object, site, c), field, site);
    }

    // ---- accesses of a method that frames them ------------------------------------------------
    //
    // A small method that calls nothing, takes no monitor and has no loop (ClassInstrumenter
    // decides) has no entry or exit of its own (with stacks on): nothing can happen below it, so
    // its frame is needed only by its own recorded accesses, and each of these hooks looks the
    // context up, pushes the frame (method, entered from the caller's call site), records the
    // access and pops it: a getter makes this one call, instead of an entry, the access's hook and
    // an exit (docs/agent.md, "What is recorded", method entry and exit). The stack each access is
    // recorded with is the one the entry would have made. The pop gives back the call site the
    // frame was pushed with, which is still the thread's: nothing to store.

    @DontInline
    public static void framedRead(Object object, int field, int site, int method) {
        ThreadContext c = pushFrame(method);
        readField(object, field, site, c);
        c.calls.methodExit();
    }

    @DontInline
    public static void framedWrite(Object object, int field, int site, int method) {
        ThreadContext c = pushFrame(method);
        writeField(object, field, site, c);
        c.calls.methodExit();
    }

    @DontInline
    public static void framedStaticRead(int field, int site, int method) {
        ThreadContext c = pushFrame(method);
        c.accesses.read(0, field, site);
        c.calls.methodExit();
    }

    @DontInline
    public static void framedStaticWrite(int field, int site, int method) {
        ThreadContext c = pushFrame(method);
        c.accesses.write(0, field, site);
        c.calls.methodExit();
    }

    @DontInline
    public static void framedArrayRead(Object array, int index, int site, int method) {
        ThreadContext c = pushFrame(method);
        readElement(array, index, site, c);
        c.calls.methodExit();
    }

    @DontInline
    public static void framedArrayWrite(Object array, int index, int site, int method) {
        ThreadContext c = pushFrame(method);
        writeElement(array, index, site, c);
        c.calls.methodExit();
    }

    /** After the volatile read: an acquire must follow the release it observed (ThreadEventBuffer). */
    @DontInline
    public static void volatileRead(Object object, int field, int site, ThreadContext c) {
        c.recorder.volatileRead(ObjectIds.of(object, site, c), field, site);
    }

    /** Before the volatile write: a release precedes any acquire that can observe it. */
    @DontInline
    public static void volatileWrite(Object object, int field, int site, ThreadContext c) {
        c.recorder.volatileWrite(ObjectIds.of(object, site, c), field, site);
    }

    @DontInline
    public static void staticVolatileRead(int field, int site, ThreadContext c) {
        c.recorder.volatileRead(0, field, site);
    }

    @DontInline
    public static void staticVolatileWrite(int field, int site, ThreadContext c) {
        c.recorder.volatileWrite(0, field, site);
    }

    // ---- arrays -------------------------------------------------------------------------------

    @DontInline
    public static void arrayRead(Object array, int index, int site, ThreadContext c) {
        readElement(array, index, site, c);
    }

    @DontInline
    public static void arrayWrite(Object array, int index, int site, ThreadContext c) {
        writeElement(array, index, site, c);
    }

    private static void readElement(Object array, int index, int site, ThreadContext c) {
        c.accesses.arrayRead(ObjectIds.ofArray(array, site, c), index, site);
    }

    private static void writeElement(Object array, int index, int site, ThreadContext c) {
        c.accesses.arrayWrite(ObjectIds.ofArray(array, site, c), index, site);
    }

    /** Right after newarray/anewarray/multianewarray: the array's id and its allocation site. */
    @DontInline
    public static void arrayAllocated(Object array, int site, ThreadContext c) {
        ObjectIds.ofArray(array, site, c);
    }

    // ---- monitors -----------------------------------------------------------------------------

    /** @param field the field the lock was loaded from just before monitorenter, or -1 */
    @DontInline
    public static void monitorRequest(Object lock, int site, int field, ThreadContext c) {
        long id = ObjectIds.of(lock, site, field, c);
        describeMonitor(lock, id, field, c);
        c.lockRequest(id, site, MONITOR);
    }

    /** After monitorenter (the request came before it). */
    @DontInline
    public static void monitorAcquire(Object lock, int site, ThreadContext c) {
        long id = ObjectIds.of(lock, site, c);
        describeMonitor(lock, id, -1, c);
        c.lockAcquire(id, site, MONITOR);
    }

    /** The first event of a synchronized method, which has no request (the JVM locks at entry). */
    @DontInline
    public static void synchronizedMethodEntered(Object lock, int site, ThreadContext c) {
        long id = ObjectIds.of(lock, site, c);
        describeMonitor(lock, id, -1, c);
        c.synchronizedMethodEntered(id, site);
    }

    /**
     * The id of {@code lock} used as a monitor, described as {@link #monitorRequest} describes it
     * (class, the field it was loaded from): for monitors the JDK takes inside a call.
     */
    @DontInline
    public static long monitorId(Object lock, int site, int field, ThreadContext c) {
        long id = ObjectIds.of(lock, site, field, c);
        describeMonitor(lock, id, field, c);
        return id;
    }

    /**
     * An object of an instrumented class carries its id in a field, so unlike the objects of the
     * identity map it was never described in the trace; used as a monitor, it is (class, and the
     * field it was loaded from), once per thread, so the analyzer can name the lock
     * ("monitor of Account", "Account.lock") instead of by where it was first taken.
     */
    private static void describeMonitor(Object lock, long id, int field, ThreadContext c) {
        if (lock instanceof Identified && id != 0 && c.firstSightOfMonitor(id)) {
            Recording.output().dictionary().defineObject(new ObjectInfo(id, lock.getClass().getName(), -1, field));
        }
    }

    @DontInline
    public static void monitorRelease(Object lock, int site, ThreadContext c) {
        c.lockRelease(ObjectIds.of(lock, site, c), site, MONITOR);
    }

    // ---- Thread.run entry / exit (java.lang.Thread.run and overriding run methods) ------------

    /** First instruction of java.lang.Thread.run (or VirtualThread.run): makes sure the begin event comes first. */
    @DontInline
    public static void runBegin() {
        ThreadContext c = Recording.context();
        c.runDepth++;
    }

    /**
     * First instruction of an instrumented override of Thread.run, before its method entry: when
     * no instrumented frame is calling out, the JVM started the thread here, so this frame is
     * its thread's entry ({@link ContextInfo#THREAD_ENTRY}) and a stack down to it is whole.
     */
    @DontInline
    public static void runOverrideBegin() {
        ThreadContext c = Recording.context();
        if (c.runDepth++ == 0 && c.callSite == ContextInfo.UNRECORDED_CALLER) {
            c.callSite = ContextInfo.THREAD_ENTRY;
        }
    }

    /**
     * java.lang.Thread.run (or VirtualThread.run) is about to run {@code task}, the thread's
     * Runnable. When it is recorded code ({@link ThreadEntries#isRecorded}), the method it enters
     * is its thread's entry; a JDK pool's worker and any other task that is not recorded leave the
     * caller unrecorded, so the pool's tasks are stacks cut where it called them.
     */
    @DontInline
    public static void runTask(Runnable task) {
        ThreadContext c = Recording.context();
        if (c.runDepth == 1 && c.callSite == ContextInfo.UNRECORDED_CALLER && c.thread >= 0
                && ThreadEntries.isRecorded(task)) {
            c.callSite = ContextInfo.THREAD_ENTRY;
        }
    }

    /** Every exit of a Thread.run body: the outermost one is the thread's last event. */
    @DontInline
    public static void runEnd() {
        ThreadContext c = Recording.context();
        if (--c.runDepth == 0 && !c.ended) {
            c.ended = true;
            c.recorder.threadEnd(LastOwnedAccess.NONE);
            Recording.ended(c);
        }
    }
}
