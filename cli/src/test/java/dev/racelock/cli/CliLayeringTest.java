package dev.racelock.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The CLI starts the agent as a jar file (its {@code -javaagent} argument comes from the trace
 * module's {@code AgentArguments}) and never links to its classes, which live on the bootstrap
 * class path of the recorded JVM, not in the CLI's.
 */
@AnalyzeClasses(packages = "dev.racelock.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliLayeringTest {

    @ArchTest
    static final ArchRule neverLinksToTheAgent = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.racelock.agent..");
}
