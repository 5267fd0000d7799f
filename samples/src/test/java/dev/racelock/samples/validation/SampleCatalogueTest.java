package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.FindingType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue itself is well formed: every sample parses, runs from main, and says what it is. */
class SampleCatalogueTest {

    private static final List<SampleSource> SAMPLES = SampleCatalogue.load(BuildLayout.fromSystemProperties().sourceRoots());

    /** Which finding type a sample of each section may expect (twins: none). */
    private static final Map<String, FindingType> SECTION_TYPE = Map.of(
            "race", FindingType.DATA_RACE, "deadlock", FindingType.DEADLOCK, "observed", FindingType.OBSERVED_DEADLOCK);

    @Test
    void everySectionHasSamples() {
        Map<String, Long> perSection = SAMPLES.stream()
                .collect(Collectors.groupingBy(s -> s.displayName().substring(0, s.displayName().indexOf('/')), Collectors.counting()));
        assertEquals(SampleCatalogue.SECTIONS.stream().sorted().toList(), perSection.keySet().stream().sorted().toList());
    }

    @Test
    void everySampleHasAPublicStaticMain() throws Exception {
        for (SampleSource s : SAMPLES) {
            Method main = Class.forName(s.className()).getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()), s.className());
        }
    }

    @Test
    void buggySamplesExpectFindingsOfTheirSectionAndTwinsExpectNone() {
        for (SampleSource s : SAMPLES) {
            String section = s.displayName().substring(0, s.displayName().indexOf('/'));
            FindingType type = SECTION_TYPE.get(section);
            if (type == null) {
                assertEquals(List.of(), s.expected(), s.displayName() + " is a correct twin");
            } else {
                assertFalse(s.expected().isEmpty(), s.displayName() + " states no expected finding");
                // A race its run's lock order may hide belongs with the races, a cycle a reordering
                // of the run deadlocks with the deadlocks.
                assertTrue(s.expected().stream().allMatch(e -> e.type() == type
                        || type == FindingType.DATA_RACE && e.type() == FindingType.PREDICTED_RACE
                        || type == FindingType.DEADLOCK && e.type() == FindingType.PREDICTED_DEADLOCK),
                        s.displayName() + " expects only " + type.id());
            }
        }
    }

    @Test
    void everyBuggySampleLinksToACorrectTwinThatExists() throws IOException {
        Pattern twinLink = Pattern.compile("\\{@link dev\\.racelock\\.samples\\.(norace|nodeadlock)\\.(\\w+)}");
        for (SampleSource s : SAMPLES) {
            if (!SECTION_TYPE.containsKey(s.displayName().substring(0, s.displayName().indexOf('/')))) {
                continue;
            }
            Matcher m = twinLink.matcher(source(s));
            assertTrue(m.find(), s.displayName() + " names no correct twin");
            do {
                String twin = "dev.racelock.samples." + m.group(1) + "." + m.group(2);
                assertTrue(SAMPLES.stream().anyMatch(t -> t.className().equals(twin)), s.displayName() + " links to missing " + twin);
            } while (m.find());
        }
    }

    @Test
    void onlyTheRealDeadlockNeedsTheWatchdog() {
        assertEquals(List.of("observed/RealDeadlock"),
                SAMPLES.stream().filter(SampleSource::deadlocksForReal).map(SampleSource::displayName).toList());
    }

    @Test
    void everyLockAndArraySubjectHasAnAllocationLine() {
        for (SampleSource s : SAMPLES) {
            for (ExpectedFinding e : s.expected()) {
                List<String> objects = e instanceof ExpectedFinding.Cycle c && c.type() == FindingType.DEADLOCK
                        ? List.copyOf(c.locks())
                        : e instanceof ExpectedFinding.Race r && r.subject().endsWith("[]") ? List.of(r.subject()) : List.of();
                for (String subject : objects) {
                    assertTrue(s.allocationLines().containsKey(subject),
                            s.displayName() + ": no line allocates " + subject + " (add // alloc " + subject + ")");
                }
            }
        }
    }

    @Test
    void everyRaceExpectsAWrite() {
        for (SampleSource s : SAMPLES) {
            for (ExpectedFinding e : s.expected()) {
                if (e instanceof ExpectedFinding.Race r) {
                    assertTrue(r.allowed().stream().anyMatch(a -> a.kind() == dev.racelock.analyzer.finding.AccessKind.WRITE),
                            s.displayName() + ": a race on " + r.subject() + " needs a write");
                }
            }
        }
    }

    /**
     * The findings an ideal analyzer would report, built from each sample's own expectations with
     * locks and arrays named by allocation site, compare as exact: the expectations can be met.
     */
    @Test
    void everySamplesExpectationsCanBeMetExactly() {
        for (SampleSource s : SAMPLES) {
            List<dev.racelock.analyzer.finding.Finding> ideal = IdealFindings.of(s);
            Comparison c = FindingComparison.compare(s, ideal);
            assertTrue(c.exact(), s.displayName() + ": " + c.problems());
        }
    }

    private static String source(SampleSource s) throws IOException {
        String relative = s.className().replace('.', '/') + ".java";
        for (Path root : BuildLayout.fromSystemProperties().sourceRoots()) {
            Path file = root.resolve(relative);
            if (Files.exists(file)) {
                return Files.readString(file);
            }
        }
        throw new IOException("no source for " + s.className());
    }
}
