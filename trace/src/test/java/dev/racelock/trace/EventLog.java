package dev.racelock.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test visitor: every call as one line of text, so whole traces compare with assertEquals.
 *
 * <p>Calling contexts: by default a method enter or exit is a line of its own, and so is a
 * context event (the whole stack it names, {@code T0 stack m0@-1 m3@8}, outermost first).
 * {@link #withStacks()} writes them the way format 2 records them, whatever the source: a
 * stack line only before an event whose stack differs from the thread's previous event's, so a
 * source of enters and exits and a format-2 trace of the same run give the same lines; volatile
 * accesses, hand-offs and order marks have no stack (docs/trace-format.md, "Calling contexts").
 * Context nodes are kept, not written (the writer numbers them).
 */
public class EventLog implements EventVisitor {

    public final List<String> lines = new ArrayList<>();
    public TraceHeader header;
    public TraceEnd end;
    private final boolean stacksAtEvents;
    private final ContextPaths contexts = new ContextPaths();
    private final Map<Integer, List<int[]>> stacks = new HashMap<>();
    private final Map<Integer, String> lastStackLine = new HashMap<>();

    public EventLog() {
        this(false);
    }

    private EventLog(boolean stacksAtEvents) {
        this.stacksAtEvents = stacksAtEvents;
    }

    /** A log that writes a thread's stack before its events, only when it changed (format 2's way). */
    public static EventLog withStacks() {
        return new EventLog(true);
    }

    /** Events only (no header, dictionaries, frees or end), in delivery order. */
    public List<String> events() {
        return lines.stream().filter(EventLog::isEvent).toList();
    }

    /** Events of one thread, in delivery order. */
    public List<String> eventsOf(int thread) {
        String prefix = "T" + thread + " ";
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    public static boolean isEvent(String line) {
        return line.startsWith("T");
    }

    private void add(String s) {
        lines.add(s);
    }

    private void event(int t, String s) {
        if (stacksAtEvents) {
            String stackLine = stackLine(t, stack(t));
            if (!stackLine.equals(lastStackLine.getOrDefault(t, stackLine(t, List.of())))) {
                lines.add(stackLine);
                lastStackLine.put(t, stackLine);
            }
        }
        lines.add("T" + t + " " + s);
    }

    /** An event that has no stack: no stack line before it. */
    private void eventWithoutStack(int t, String s) {
        lines.add("T" + t + " " + s);
    }

    private List<int[]> stack(int t) {
        return stacks.computeIfAbsent(t, k -> new ArrayList<>());
    }

    private static String stackLine(int thread, List<int[]> frames) {
        StringBuilder sb = new StringBuilder("T" + thread + " stack");
        for (int[] f : frames) {
            sb.append(" m").append(f[0]).append('@').append(f[1]);
        }
        return sb.toString();
    }

    /** The frames (method, call site) of a node, outermost first. */
    private List<int[]> frames(int node) {
        List<int[]> frames = new ArrayList<>();
        for (int n = node; n != ContextInfo.ROOT; n = contexts.parent(n)) {
            frames.add(0, new int[] {contexts.method(n), contexts.callSite(n)});
        }
        return frames;
    }

    @Override public void header(TraceHeader header) { this.header = header; }
    @Override public void end(TraceEnd end) { this.end = end; }
    @Override public void thread(ThreadInfo t) { add("thread " + t); }
    @Override public void method(MethodInfo m) { add("method " + m); }
    @Override public void site(SiteInfo s) { add("site " + s); }
    @Override public void field(FieldInfo f) { add("field " + f); }
    @Override public void object(ObjectInfo o) { add("object " + o); }
    @Override public void testCase(TestCaseInfo t) { add("test " + t); }
    @Override public void contextNode(ContextInfo node) { contexts.define(node); }
    @Override public void read(int t, long o, int f, int s) { event(t, "read " + o + "." + f + " @" + s); }
    @Override public void write(int t, long o, int f, int s) { event(t, "write " + o + "." + f + " @" + s); }
    @Override public void arrayRead(int t, long a, int i, int s) { event(t, "aread " + a + "[" + i + "] @" + s); }
    @Override public void arrayWrite(int t, long a, int i, int s) { event(t, "awrite " + a + "[" + i + "] @" + s); }
    @Override public void arrayRangeRead(int t, long a, int from, int len, int s) { event(t, "arangeread " + a + "[" + from + "+" + len + "] @" + s); }
    @Override public void arrayRangeWrite(int t, long a, int from, int len, int s) { event(t, "arangewrite " + a + "[" + from + "+" + len + "] @" + s); }
    @Override public void volatileRead(int t, long o, int slot, int s) { eventWithoutStack(t, "vread " + o + "." + slot + " @" + s); }
    @Override public void volatileWrite(int t, long o, int slot, int s) { eventWithoutStack(t, "vwrite " + o + "." + slot + " @" + s); }
    @Override public void lockRequest(int t, long l, int s, int flags) { event(t, "request " + l + " @" + s + " f" + flags); }
    @Override public void lockAcquire(int t, long l, int s, int flags) { event(t, "acquire " + l + " @" + s + " f" + flags); }
    @Override public void lockRelease(int t, long l, int s, int flags) { event(t, "release " + l + " @" + s + " f" + flags); }
    @Override public void threadStart(int t, int child, int s) { event(t, "start T" + child + " @" + s); }
    @Override public void threadBegin(int t) { event(t, "begin"); }
    @Override public void threadEnd(int t) { event(t, "end"); }

    @Override
    public void threadEnd(int t, int lastOwnedAccess) {
        if (lastOwnedAccess == LastOwnedAccess.UNKNOWN) {
            threadEnd(t);
        } else {
            event(t, "end owned " + (lastOwnedAccess == LastOwnedAccess.NONE ? "none" : "r" + lastOwnedAccess));
        }
    }
    @Override public void threadJoin(int t, int child, int s) { event(t, "join T" + child + " @" + s); }
    @Override public void hbRelease(int t, long token, int s) { eventWithoutStack(t, "hbrelease " + token + " @" + s); }
    @Override public void hbAcquire(int t, long token, int s) { eventWithoutStack(t, "hbacquire " + token + " @" + s); }
    @Override public void testStart(int t, int test) { event(t, "teststart " + test); }
    @Override public void testEnd(int t, int test) { event(t, "testend " + test); }
    @Override public void objectFreed(long o) { add("freed " + o); }
    @Override public void observedDeadlock(ObservedDeadlock d) { add("deadlock " + d); }

    @Override
    public void methodEnter(int t, int m, int s) {
        if (stacksAtEvents) {
            stack(t).add(new int[] {m, s});
        } else {
            add("T" + t + " enter m" + m + " @" + s);
        }
    }

    @Override
    public void methodExit(int t) {
        if (stacksAtEvents) {
            List<int[]> stack = stack(t);
            if (!stack.isEmpty()) {
                stack.remove(stack.size() - 1);
            }
        } else {
            add("T" + t + " exit");
        }
    }

    @Override
    public void context(int t, int node) {
        if (stacksAtEvents) {
            stacks.put(t, frames(node));
        } else {
            add(stackLine(t, frames(node)));
        }
    }

    @Override public void lockSet(LockSetInfo set) { add("lockset " + set); }
    @Override public void orderMark(int t) { eventWithoutStack(t, "mark"); }

    /** An owned access names the owner's stack itself: written in the line, outermost first. */
    @Override
    public void ownedRead(int t, int owner, long o, int f, int s, int releases, int lockSet, int context) {
        event(t, "owned-read T" + owner + " " + o + "." + f + " @" + s + " r" + releases + " L" + lockSet
                + " in" + stackLine(owner, frames(context)).substring(("T" + owner + " stack").length()));
    }

    @Override
    public void ownedWrite(int t, int owner, long o, int f, int s, int releases, int lockSet, int context,
                           int readSite) {
        event(t, "owned-write T" + owner + " " + o + "." + f + " @" + s + " r" + releases + " L" + lockSet
                + " in" + stackLine(owner, frames(context)).substring(("T" + owner + " stack").length())
                + " after @" + readSite);
    }
}
