package dev.racelock.agent.it;

import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.ContextPaths;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.TraceReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A trace file read back with TraceReader into memory, for assertions on small recordings.
 * Calling contexts are kept as method enters and exits: a format-2 context event becomes the
 * exits and enters between the stacks ({@link ContextPaths}), so only methods in which an event
 * was recorded show up.
 */
final class TraceEvents implements EventVisitor {

    /** One event; arguments a kind does not have are 0. */
    record Event(int thread, String kind, long object, int slot, int site, int flags) {}

    TraceHeader header;
    TraceEnd end;
    final List<Event> events = new ArrayList<>();
    final Map<Integer, ThreadInfo> threads = new HashMap<>();
    final Map<Integer, MethodInfo> methods = new HashMap<>();
    final Map<Integer, SiteInfo> sites = new HashMap<>();
    final Map<Integer, FieldInfo> fields = new HashMap<>();
    final List<ObservedDeadlock> deadlocks = new ArrayList<>();
    final ContextPaths contexts = new ContextPaths();
    long freed;

    static TraceEvents read(Path file) throws IOException {
        TraceEvents events = new TraceEvents();
        events.end = TraceReader.read(file, events);
        return events;
    }

    List<Event> where(Predicate<Event> filter) {
        return events.stream().filter(filter).collect(Collectors.toList());
    }

    List<Event> ofKind(String kind) {
        return where(e -> e.kind().equals(kind));
    }

    FieldInfo field(Event e) {
        return fields.get(e.slot());
    }

    int line(Event e) {
        SiteInfo site = sites.get(e.site());
        return site == null ? -1 : site.line();
    }

    String method(Event e) {
        SiteInfo site = sites.get(e.site());
        return site == null ? "?" : methods.get(site.method()).className() + "." + methods.get(site.method()).name();
    }

    /** Thread id of the thread with this name. */
    int thread(String name) {
        return threads.values().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    private void add(int thread, String kind, long object, int slot, int site, int flags) {
        events.add(new Event(thread, kind, object, slot, site, flags));
    }

    @Override public void header(TraceHeader header) { this.header = header; }
    @Override public void end(TraceEnd end) { this.end = end; }
    @Override public void thread(ThreadInfo thread) { threads.put(thread.id(), thread); }
    @Override public void method(MethodInfo method) { methods.put(method.id(), method); }
    @Override public void site(SiteInfo site) { sites.put(site.id(), site); }
    @Override public void field(FieldInfo field) { fields.put(field.id(), field); }
    @Override public void read(int t, long o, int f, int s) { add(t, "read", o, f, s, 0); }
    @Override public void write(int t, long o, int f, int s) { add(t, "write", o, f, s, 0); }
    @Override public void arrayRead(int t, long a, int i, int s) { add(t, "arrayRead", a, i, s, 0); }
    @Override public void arrayWrite(int t, long a, int i, int s) { add(t, "arrayWrite", a, i, s, 0); }
    @Override public void volatileRead(int t, long o, int f, int s) { add(t, "volatileRead", o, f, s, 0); }
    @Override public void volatileWrite(int t, long o, int f, int s) { add(t, "volatileWrite", o, f, s, 0); }
    @Override public void lockRequest(int t, long l, int s, int fl) { add(t, "lockRequest", l, 0, s, fl); }
    @Override public void lockAcquire(int t, long l, int s, int fl) { add(t, "lockAcquire", l, 0, s, fl); }
    @Override public void lockRelease(int t, long l, int s, int fl) { add(t, "lockRelease", l, 0, s, fl); }
    @Override public void threadStart(int t, int child, int s) { add(t, "threadStart", child, 0, s, 0); }
    @Override public void threadBegin(int t) { add(t, "threadBegin", 0, 0, -1, 0); }
    @Override public void threadEnd(int t) { add(t, "threadEnd", 0, 0, -1, 0); }
    @Override public void threadJoin(int t, int child, int s) { add(t, "threadJoin", child, 0, s, 0); }
    @Override public void methodEnter(int t, int m, int callSite) { add(t, "methodEnter", 0, m, callSite, 0); }
    @Override public void methodExit(int t) { add(t, "methodExit", 0, 0, -1, 0); }
    @Override public void contextNode(ContextInfo node) { contexts.define(node); }
    @Override public void context(int t, int node) { contexts.switchTo(t, node, this); }
    @Override public void objectFreed(long object) { freed++; }
    @Override public void observedDeadlock(ObservedDeadlock deadlock) { deadlocks.add(deadlock); }

    /** Prints a trace, for looking at one by hand: {@code TraceEvents <file>}. */
    public static void main(String[] args) throws IOException {
        TraceEvents t = read(Path.of(args[0]));
        System.out.println(t.header);
        t.threads.values().forEach(System.out::println);
        for (Event e : t.events) {
            String what = e.kind().contains("ead") || e.kind().contains("rite")
                    ? (t.field(e) != null && !e.kind().startsWith("array") ? t.field(e).name() : "[" + e.slot() + "]")
                    : "";
            System.out.println("T" + e.thread() + " " + e.kind() + " " + e.object() + " " + what + " "
                    + (e.site() >= 0 && !e.kind().equals("methodEnter") ? t.method(e) + ":" + t.line(e) : "")
                    + (e.kind().equals("methodEnter") ? t.methods.get(e.slot()).name() : ""));
        }
        System.out.println(t.end + " freed=" + t.freed + " deadlocks=" + t.deadlocks);
    }
}
