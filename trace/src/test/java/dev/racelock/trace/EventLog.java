package dev.racelock.trace;

import java.util.ArrayList;
import java.util.List;

/** Test visitor: every call as one line of text, so whole traces compare with assertEquals. */
public class EventLog implements EventVisitor {

    public final List<String> lines = new ArrayList<>();
    public TraceHeader header;
    public TraceEnd end;

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

    @Override public void header(TraceHeader header) { this.header = header; }
    @Override public void end(TraceEnd end) { this.end = end; }
    @Override public void thread(ThreadInfo t) { add("thread " + t); }
    @Override public void method(MethodInfo m) { add("method " + m); }
    @Override public void site(SiteInfo s) { add("site " + s); }
    @Override public void field(FieldInfo f) { add("field " + f); }
    @Override public void object(ObjectInfo o) { add("object " + o); }
    @Override public void testCase(TestCaseInfo t) { add("test " + t); }
    @Override public void read(int t, long o, int f, int s) { add("T" + t + " read " + o + "." + f + " @" + s); }
    @Override public void write(int t, long o, int f, int s) { add("T" + t + " write " + o + "." + f + " @" + s); }
    @Override public void arrayRead(int t, long a, int i, int s) { add("T" + t + " aread " + a + "[" + i + "] @" + s); }
    @Override public void arrayWrite(int t, long a, int i, int s) { add("T" + t + " awrite " + a + "[" + i + "] @" + s); }
    @Override public void arrayRangeRead(int t, long a, int from, int len, int s) { add("T" + t + " arangeread " + a + "[" + from + "+" + len + "] @" + s); }
    @Override public void arrayRangeWrite(int t, long a, int from, int len, int s) { add("T" + t + " arangewrite " + a + "[" + from + "+" + len + "] @" + s); }
    @Override public void volatileRead(int t, long o, int slot, int s) { add("T" + t + " vread " + o + "." + slot + " @" + s); }
    @Override public void volatileWrite(int t, long o, int slot, int s) { add("T" + t + " vwrite " + o + "." + slot + " @" + s); }
    @Override public void lockRequest(int t, long l, int s, int flags) { add("T" + t + " request " + l + " @" + s + " f" + flags); }
    @Override public void lockAcquire(int t, long l, int s, int flags) { add("T" + t + " acquire " + l + " @" + s + " f" + flags); }
    @Override public void lockRelease(int t, long l, int s, int flags) { add("T" + t + " release " + l + " @" + s + " f" + flags); }
    @Override public void threadStart(int t, int child, int s) { add("T" + t + " start T" + child + " @" + s); }
    @Override public void threadBegin(int t) { add("T" + t + " begin"); }
    @Override public void threadEnd(int t) { add("T" + t + " end"); }
    @Override public void threadJoin(int t, int child, int s) { add("T" + t + " join T" + child + " @" + s); }
    @Override public void hbRelease(int t, long token, int s) { add("T" + t + " hbrelease " + token + " @" + s); }
    @Override public void hbAcquire(int t, long token, int s) { add("T" + t + " hbacquire " + token + " @" + s); }
    @Override public void methodEnter(int t, int m, int s) { add("T" + t + " enter m" + m + " @" + s); }
    @Override public void methodExit(int t) { add("T" + t + " exit"); }
    @Override public void testStart(int t, int test) { add("T" + t + " teststart " + test); }
    @Override public void testEnd(int t, int test) { add("T" + t + " testend " + test); }
    @Override public void objectFreed(long o) { add("freed " + o); }
    @Override public void observedDeadlock(ObservedDeadlock d) { add("deadlock " + d); }
}
