package dev.racelock.agent.runtime;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Every hook records a lock acquire or release through {@link ThreadContext#lockAcquire} and
 * {@link ThreadContext#lockRelease}, never straight into the recorder: the context counts the
 * locks its thread holds from them, and a JDK monitor taken with none held is not recorded
 * ({@link ThreadContext#holdsNoLock}), so a hook that went round the context would drop
 * lock-order edges. Recorders pass the events on down their chain, which is theirs to do.
 */
@AnalyzeClasses(packages = "dev.racelock.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class LockEventsThroughContextTest {

    @ArchTest
    static final ArchRule onlyTheContextAndRecordersCallTheRecordersLockEvents = noClasses()
            .that().doNotHaveFullyQualifiedName(ThreadContext.class.getName())
            .and().doNotImplement(EventRecorder.class)
            .should().callMethod(EventRecorder.class, "lockAcquire", long.class, int.class, int.class)
            .orShould().callMethod(EventRecorder.class, "lockRelease", long.class, int.class, int.class);
}
