package dev.racelock.trace;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The trace module's layering, as its package-info files state it: the event model depends on
 * nothing; the binary format and STD text build on the model only and not on each other; reading
 * or converting a file of either kind sits above both; and the module reaches no other module.
 */
@AnalyzeClasses(packages = "dev.racelock", importOptions = ImportOption.DoNotIncludeTests.class)
class TraceLayeringTest {
    private static final String MODEL = "dev.racelock.trace";

    @ArchTest
    static final ArchRule modelDependsOnNoFormat = noClasses().that().resideInAPackage(MODEL)
            .should().dependOnClassesThat().resideInAnyPackage(MODEL + ".format..", MODEL + ".std..",
                    MODEL + ".files..");

    @ArchTest
    static final ArchRule formatsAreIndependent = noClasses().that().resideInAPackage(MODEL + ".format..")
            .should().dependOnClassesThat().resideInAnyPackage(MODEL + ".std..", MODEL + ".files..");

    @ArchTest
    static final ArchRule stdIsIndependent = noClasses().that().resideInAPackage(MODEL + ".std..")
            .should().dependOnClassesThat().resideInAnyPackage(MODEL + ".format..", MODEL + ".files..");

    @ArchTest
    static final ArchRule reachesNoOtherModule = noClasses().that().resideInAPackage(MODEL + "..")
            .should().dependOnClassesThat().resideOutsideOfPackages(MODEL + "..", "java..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.racelock.(trace).(**)")
            .should().beFreeOfCycles();
}
