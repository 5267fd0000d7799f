package dev.racelock.analyzer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.racelock.trace.EnumIds;

import java.util.Arrays;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The analyzer's layering, as its package-info files state it: analyses are independent of each
 * other and of the session that runs them (adding one touches no other); the findings model
 * depends on nothing but the shared rule for enum ids, and the collections on nothing; and the
 * analyzer never reaches the agent, the reports or the CLI.
 */
@AnalyzeClasses(packages = "dev.racelock.analyzer", importOptions = ImportOption.DoNotIncludeTests.class)
class AnalyzerLayeringTest {
    private static final String ROOT = "dev.racelock.analyzer";
    private static final String[] ANALYSES = {ROOT + ".race..", ROOT + ".lockorder..", ROOT + ".observed..",
        ROOT + ".predict.."};

    @ArchTest
    static final ArchRule nothingKnowsTheSession = noClasses().that().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT);

    @ArchTest
    static final ArchRule raceAnalysisKnowsNoOtherAnalysis = independent(ROOT + ".race..");

    @ArchTest
    static final ArchRule lockOrderAnalysisKnowsNoOtherAnalysis = independent(ROOT + ".lockorder..");

    @ArchTest
    static final ArchRule observedDeadlocksKnowNoOtherAnalysis = independent(ROOT + ".observed..");

    @ArchTest
    static final ArchRule predictionKnowsNoOtherAnalysis = independent(ROOT + ".predict..");

    @ArchTest
    static final ArchRule sharedStateKnowsNoAnalysis = noClasses().that()
            .resideInAnyPackage(ROOT + ".state..", ROOT + ".hb..", ROOT + ".spi..")
            .should().dependOnClassesThat().resideInAnyPackage(ANALYSES);

    /** {@link EnumIds} is the one rule for the ids of enums users name: finding types here, report formats too. */
    @ArchTest
    static final ArchRule findingsModelDependsOnNothing = noClasses().that().resideInAPackage(ROOT + ".finding..")
            .should().dependOnClassesThat(resideOutsideOfPackages(ROOT + ".finding..", "java..")
                    .and(not(type(EnumIds.class))));

    @ArchTest
    static final ArchRule neverReachesTheOtherSide = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.racelock.agent..", "dev.racelock.report..",
                    "dev.racelock.cli..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.racelock.analyzer.(*)..")
            .should().beFreeOfCycles();

    private static ArchRule independent(String analysis) {
        String[] others = Arrays.stream(ANALYSES).filter(a -> !a.equals(analysis))
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(analysis).should().dependOnClassesThat()
                .resideInAnyPackage(others);
    }
}
