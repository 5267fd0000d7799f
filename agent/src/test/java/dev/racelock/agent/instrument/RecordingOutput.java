package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.EventRecorder;
import dev.racelock.agent.runtime.TraceOutput;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.format.TraceDictionary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** A TraceOutput that keeps everything in memory, for tests of the instrumentation. */
final class RecordingOutput implements TraceOutput, TraceDictionary {

    /** One recorded event; unused arguments are 0 (array ranges: slot = from, flags = length). */
    record Event(int thread, String kind, long object, int slot, int site, int flags) {}

    final List<Event> events = new ArrayList<>();
    /** Numbers handed out by reserveSequence, from 1. */
    private final AtomicLong reservations = new AtomicLong();
    final Map<Integer, MethodInfo> methods = new ConcurrentHashMap<>();
    final Map<Integer, SiteInfo> sites = new ConcurrentHashMap<>();
    final Map<Integer, FieldInfo> fields = new ConcurrentHashMap<>();
    final Map<Integer, ThreadInfo> threads = new ConcurrentHashMap<>();
    final Map<Long, ObjectInfo> objects = new ConcurrentHashMap<>();

    synchronized void add(Event e) {
        events.add(e);
    }

    synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Events of one kind, optionally only those at a site of the given method name. */
    List<Event> ofKind(String kind) {
        return events().stream().filter(e -> e.kind().equals(kind)).collect(Collectors.toList());
    }

    FieldInfo field(Event e) {
        return fields.get(e.slot());
    }

    int line(Event e) {
        return sites.get(e.site()).line();
    }

    String methodOf(Event e) {
        return methods.get(sites.get(e.site()).method()).name();
    }

    @Override
    public EventRecorder newRecorder(int thread) {
        return new EventRecorder() {
            private void add(String kind, long object, int slot, int site, int flags) {
                RecordingOutput.this.add(new Event(thread, kind, object, slot, site, flags));
            }

            @Override public void read(long object, int field, int site) { add("read", object, field, site, 0); }
            @Override public void write(long object, int field, int site) { add("write", object, field, site, 0); }
            @Override public void arrayRead(long array, int index, int site) { add("arrayRead", array, index, site, 0); }
            @Override public void arrayWrite(long array, int index, int site) { add("arrayWrite", array, index, site, 0); }
            @Override public void arrayRangeRead(long array, int from, int length, int site) { add("arrayRangeRead", array, from, site, length); }
            @Override public void arrayRangeWrite(long array, int from, int length, int site) { add("arrayRangeWrite", array, from, site, length); }
            @Override public void hbRelease(long token, int site) { add("hbRelease", token, 0, site, 0); }
            @Override public void hbAcquire(long token, int site) { add("hbAcquire", token, 0, site, 0); }
            @Override public void volatileRead(long object, int slot, int site) { add("volatileRead", object, slot, site, 0); }
            @Override public void volatileWrite(long object, int slot, int site) { add("volatileWrite", object, slot, site, 0); }
            /** A "reserve" event (site -1) whose flags are the number; the reserved write carries it in its flags. */
            @Override public long reserveSequence() {
                long n = reservations.incrementAndGet();
                add("reserve", 0, 0, -1, (int) n);
                return n;
            }
            @Override public void volatileWriteReserved(long seq, long object, int slot, int site) { add("volatileWrite", object, slot, site, (int) seq); }
            @Override public void lockRequest(long lock, int site, int flags) { add("lockRequest", lock, 0, site, flags); }
            @Override public void lockAcquire(long lock, int site, int flags) { add("lockAcquire", lock, 0, site, flags); }
            @Override public void lockRelease(long lock, int site, int flags) { add("lockRelease", lock, 0, site, flags); }
            @Override public void threadStart(int child, int site) { add("threadStart", child, 0, site, 0); }
            @Override public void threadBegin() { add("threadBegin", 0, 0, -1, 0); }
            @Override public void threadEnd(int lastOwnedAccess) { add("threadEnd", 0, 0, -1, 0); }
            @Override public void threadJoin(int child, int site) { add("threadJoin", child, 0, site, 0); }
            /** Call sites of the entered methods, as the real buffer keeps them, for {@link #methodExit}. */
            private final java.util.ArrayDeque<Integer> callSites = new java.util.ArrayDeque<>();
            @Override public void methodEnter(int method, int callSite) { callSites.push(callSite); add("methodEnter", 0, method, callSite, 0); }
            @Override public int methodExit() { add("methodExit", 0, 0, -1, 0); return callSites.isEmpty() ? -1 : callSites.pop(); }
        };
    }

    @Override public void defineThread(ThreadInfo thread) { threads.put(thread.id(), thread); }
    @Override public void defineMethod(MethodInfo method) { methods.put(method.id(), method); }
    @Override public void defineSite(SiteInfo site) { sites.put(site.id(), site); }
    @Override public void defineField(FieldInfo field) { fields.put(field.id(), field); }
    @Override public void defineObject(ObjectInfo object) { objects.put(object.id(), object); }
    @Override public void defineLockSet(LockSetInfo set) {}
    @Override public void objectFreed(long object) {}
    @Override public void defineTest(TestCaseInfo test) {}
    @Override public TraceDictionary dictionary() { return this; }
    @Override public void observedDeadlock(ObservedDeadlock deadlock) {}
    @Override public void flush() {}
    @Override public void close() {}
}
