package dev.racelock.analyzer.state;

import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StackBase;
import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallingContextsTest {

    private static final int MAIN = 0;
    private static final int AUDIT = 1;
    private static final int READ = 2;
    private static final int FILL_POOL = 3;
    private static final int LEAK_TASK_RUN = 4;
    private static final int LAUNCHED_MAIN = 5;
    private static final int CALL_AUDIT = 10;     // in main, line 8
    private static final int CALL_READ = 11;      // in audit, line 30
    private static final int READ_SITE = 12;      // in read, line 40
    private static final int FILL_POOL_CALL = 13; // in fillPool, line 77
    private static final int LEAK_SITE = 14;      // in ProxyLeakTask.run, line 5

    private final TraceState state = new TraceState();

    @BeforeEach
    void dictionary() {
        state.define(new MethodInfo(MAIN, "com.acme.Main", "main", "()V", "Main.java"));
        state.define(new MethodInfo(AUDIT, "com.acme.Main", "audit", "()V", "Main.java"));
        state.define(new MethodInfo(READ, "com.acme.Account", "read", "()I", "Account.java"));
        state.define(new MethodInfo(FILL_POOL, "com.zaxxer.HikariPool", "fillPool", "()V", "HikariPool.java"));
        state.define(new MethodInfo(LEAK_TASK_RUN, "com.zaxxer.ProxyLeakTask", "run", "()V", "ProxyLeakTask.java"));
        state.define(new MethodInfo(LAUNCHED_MAIN, "com.acme.Main", "main", "([Ljava/lang/String;)V", "Main.java"));
        state.define(new SiteInfo(CALL_AUDIT, MAIN, 8));
        state.define(new SiteInfo(CALL_READ, AUDIT, 30));
        state.define(new SiteInfo(READ_SITE, READ, 40));
        state.define(new SiteInfo(FILL_POOL_CALL, FILL_POOL, 77));
        state.define(new SiteInfo(LEAK_SITE, LEAK_TASK_RUN, 5));
    }

    private List<SourceSite> stackOf(int thread, int site) {
        return state.contexts().stack(state.dictionary(), site, state.contexts().current(thread));
    }

    private static final List<SourceSite> READ_IN_AUDIT_IN_MAIN = List.of(
            new SourceSite("com.acme.Account", "read", "Account.java", 40),
            new SourceSite("com.acme.Main", "audit", "Main.java", 30),
            new SourceSite("com.acme.Main", "main", "Main.java", 8));

    @Test
    void entersAndExitsGiveTheStackInnermostFirst() {
        state.methodEnter(0, MAIN, -1);
        state.methodEnter(0, AUDIT, CALL_AUDIT);
        state.methodEnter(0, READ, CALL_READ);
        assertEquals(READ_IN_AUDIT_IN_MAIN, stackOf(0, READ_SITE));
        state.methodExit(0);
        state.methodExit(0);
        assertEquals(List.of(new SourceSite("com.acme.Main", "main", "Main.java", 8)), stackOf(0, CALL_AUDIT));
    }

    @Test
    void aFormat2NodeIsTheSameContextAsTheEntersThatLeadToIt() {
        state.define(new ContextInfo(1, 0, MAIN, -1));
        state.define(new ContextInfo(2, 1, AUDIT, CALL_AUDIT));
        state.define(new ContextInfo(3, 2, READ, CALL_READ));
        state.context(1, 3);
        state.methodEnter(0, MAIN, -1);
        state.methodEnter(0, AUDIT, CALL_AUDIT);
        state.methodEnter(0, READ, CALL_READ);
        assertEquals(state.contexts().current(0), state.contexts().current(1));
        assertEquals(READ_IN_AUDIT_IN_MAIN, stackOf(1, READ_SITE));
        state.context(1, 1);
        assertEquals(List.of(new SourceSite("com.acme.Main", "main", "Main.java", 8)), stackOf(1, CALL_AUDIT));
        state.context(1, 0);
        assertEquals(0, state.contexts().current(1));
    }

    @Test
    void anUndefinedNodeIsTheEmptyStack() {
        state.define(new ContextInfo(1, 0, MAIN, -1));
        state.define(new ContextInfo(5, 1, AUDIT, CALL_AUDIT)); // 2 is due: ignored
        state.context(0, 5);
        assertEquals(0, state.contexts().current(0));
    }

    /** A pool thread runs a task after another: its first instrumented frame has no caller. */
    @Test
    void theOutermostMethodHasNoCallerEvenWhenAStaleCallSiteCameWithIt() {
        state.methodEnter(0, LEAK_TASK_RUN, FILL_POOL_CALL);
        assertEquals(List.of(new SourceSite("com.zaxxer.ProxyLeakTask", "run", "ProxyLeakTask.java", 5)),
                stackOf(0, LEAK_SITE));
    }

    /** A call site outside the method below it was left by other code: the caller is shown by its method alone. */
    @Test
    void aCallSiteOutsideTheCallerIsNotShownAsItsLine() {
        state.methodEnter(0, MAIN, -1);
        state.methodEnter(0, AUDIT, FILL_POOL_CALL);
        assertEquals(List.of(new SourceSite("com.acme.Main", "audit", "Main.java", 30),
                new SourceSite("com.acme.Main", "main", "Main.java", -1)), stackOf(0, CALL_READ));
    }

    private StackBase baseOf(int thread) {
        return state.contexts().base(state.dictionary(), state.contexts().current(thread));
    }

    /** A pool's task entered with no instrumented frame calling out: the stack is cut below it, however deep. */
    @Test
    void aStackWhoseOutermostFrameUnrecordedCodeCalledIsCut() {
        state.methodEnter(0, LEAK_TASK_RUN, ContextInfo.UNRECORDED_CALLER);
        assertEquals(StackBase.UNRECORDED_CALLER, baseOf(0));
        state.methodEnter(0, FILL_POOL, LEAK_SITE);
        assertEquals(StackBase.UNRECORDED_CALLER, baseOf(0));
    }

    /** The frame the agent marked as its thread's entry (its run(), its Runnable), and main(String[]), end a whole stack. */
    @Test
    void aStackDownToItsThreadsEntryOrMainIsWhole() {
        state.methodEnter(0, LEAK_TASK_RUN, ContextInfo.THREAD_ENTRY);
        state.methodEnter(0, FILL_POOL, LEAK_SITE);
        assertEquals(StackBase.THREAD_ENTRY, baseOf(0));
        state.methodEnter(1, LAUNCHED_MAIN, ContextInfo.UNRECORDED_CALLER);
        state.methodEnter(1, READ, CALL_AUDIT);
        assertEquals(StackBase.THREAD_ENTRY, baseOf(1));
    }

    /** A trace older than format 2.4 (or an import) does not say what called the outermost frame: no claim either way. */
    @Test
    void anOutermostFrameWithAnUnknownCallerSaysNothing() {
        state.methodEnter(0, MAIN, ContextInfo.CALLER_UNKNOWN);
        state.methodEnter(0, AUDIT, CALL_AUDIT);
        assertEquals(StackBase.UNKNOWN, baseOf(0));
        assertEquals(StackBase.UNKNOWN, baseOf(7));
    }
}
