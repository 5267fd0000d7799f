package dev.racelock.report;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The report module's layering, as its package-info files state it: the words live in
 * {@code view}, which knows no format; formats read views and know no other format except the
 * shared text and JSON writers; only the root package knows every format; the gate knows no
 * format; and reports read the findings model only, never the analyses, the agent or the CLI.
 */
@AnalyzeClasses(packages = "dev.racelock.report", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportLayeringTest {
    private static final String ROOT = "dev.racelock.report";

    @ArchTest
    static final ArchRule wordsKnowNoFormat = noClasses().that().resideInAPackage(ROOT + ".view..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".html..", ROOT + ".json..", ROOT + ".junit..",
                    ROOT + ".sarif..", ROOT + ".text..", ROOT + ".gate..");

    @ArchTest
    static final ArchRule nothingKnowsTheRoot = noClasses().that().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT);

    @ArchTest
    static final ArchRule htmlIsSelfContained = noClasses().that().resideInAPackage(ROOT + ".html..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".json..", ROOT + ".junit..", ROOT + ".sarif..",
                    ROOT + ".text..", ROOT + ".gate..");

    @ArchTest
    static final ArchRule gateKnowsNoFormat = noClasses().that().resideInAPackage(ROOT + ".gate..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".html..", ROOT + ".junit..",
                    ROOT + ".sarif..", ROOT + ".text..");

    @ArchTest
    static final ArchRule readsTheFindingsModelOnly = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.racelock.agent..", "dev.racelock.cli..",
                    "dev.racelock.analyzer.race..", "dev.racelock.analyzer.lockorder..",
                    "dev.racelock.analyzer.predict..", "dev.racelock.analyzer.observed..",
                    "dev.racelock.analyzer.hb..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.racelock.report.(*)..")
            .should().beFreeOfCycles();
}
