package dev.racelock.agent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The agent's layering, as docs/agent.md ("Packages") and each package-info.java state it: the core rewriter and
 * the core recorder know none of the models of the JDK built on them; the runtime (on the
 * bootstrap class path of every recorded JVM) never needs ASM; nothing but the entry package
 * knows the entry package; and the agent never reaches the analyzer, report or CLI.
 */
@AnalyzeClasses(packages = "dev.racelock.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class AgentLayeringTest {
    private static final String ENTRY = "dev.racelock.agent";
    private static final String INSTRUMENT = "dev.racelock.agent.instrument";
    private static final String RUNTIME = "dev.racelock.agent.runtime";

    @ArchTest
    static final ArchRule coreRewriterKnowsNoModel = noClasses().that().resideInAPackage(INSTRUMENT)
            .should().dependOnClassesThat().resideInAnyPackage(INSTRUMENT + ".juc..", INSTRUMENT + ".jdk..",
                    INSTRUMENT + ".library..", RUNTIME + ".juc..", RUNTIME + ".library..", ENTRY);

    @ArchTest
    static final ArchRule coreRecorderKnowsNoModelAndNoRewriter = noClasses().that().resideInAPackage(RUNTIME)
            .should().dependOnClassesThat().resideInAnyPackage(RUNTIME + ".juc..", RUNTIME + ".library..",
                    INSTRUMENT + "..", ENTRY);

    @ArchTest
    static final ArchRule runtimeModelsSitOnTheCoreRecorderOnly = noClasses().that()
            .resideInAPackage(RUNTIME + ".juc..")
            .should().dependOnClassesThat().resideInAnyPackage(INSTRUMENT + "..", ENTRY);

    @ArchTest
    static final ArchRule libraryRuntimeSitsOnTheCoreRecorderOnly = noClasses().that()
            .resideInAPackage(RUNTIME + ".library..")
            .should().dependOnClassesThat().resideInAnyPackage(INSTRUMENT + "..", RUNTIME + ".juc..", ENTRY);

    @ArchTest
    static final ArchRule libraryModelAndJucModelAreIndependent = noClasses().that()
            .resideInAnyPackage(INSTRUMENT + ".library..", RUNTIME + ".library..")
            .should().dependOnClassesThat().resideInAnyPackage(INSTRUMENT + ".juc..", INSTRUMENT + ".jdk..",
                    RUNTIME + ".juc..");

    @ArchTest
    static final ArchRule runtimeNeverNeedsAsm = noClasses().that().resideInAPackage(RUNTIME + "..")
            .should().dependOnClassesThat().resideInAPackage("org.objectweb.asm..");

    @ArchTest
    static final ArchRule onlyTheEntryKnowsTheEntry = noClasses().that().resideOutsideOfPackage(ENTRY)
            .should().dependOnClassesThat().resideInAPackage(ENTRY);

    @ArchTest
    static final ArchRule agentNeverReachesTheAnalysisSide = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.racelock.analyzer..", "dev.racelock.report..",
                    "dev.racelock.cli..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.racelock.agent.(**)")
            .should().beFreeOfCycles();
}
