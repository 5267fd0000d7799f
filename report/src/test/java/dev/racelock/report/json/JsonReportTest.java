package dev.racelock.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecVersion;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.report.JsonSchemaCheck;
import dev.racelock.report.ReportFormat;
import dev.racelock.report.SampleFindings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportTest {

    private static final JsonSchemaCheck SCHEMA =
            new JsonSchemaCheck("/dev/racelock/report/json/report.schema.json", SpecVersion.VersionFlag.V7);

    private static String json(AnalysisResult result) {
        return SampleFindings.render(result, ReportFormat.JSON, SampleFindings.options(Path.of(".")));
    }

    @Test
    void validatesAgainstItsPublishedSchema() {
        assertEquals(List.of(), SCHEMA.violations(json(SampleFindings.result())));
        assertEquals(List.of(), SCHEMA.violations(json(SampleFindings.clean())));
        assertEquals(List.of(), SCHEMA.violations(json(SampleFindings.hostile())));
    }

    @Test
    void predictedRaceCarriesTheCriticalSectionsWhoseOrderHidIt() {
        AnalysisResult result = new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.predictedRace()), 10, List.of());
        String text = json(result);
        assertEquals(List.of(), SCHEMA.violations(text), text);
        JsonNode finding = JsonSchemaCheck.parse(text).path("findings").get(0);
        assertEquals("predicted-race", finding.path("type").asText());
        assertEquals("PREDICTED DATA RACE on Config.ready", finding.path("title").asText());
        JsonNode relaxed = finding.path("pairs").get(0).path("relaxedOrder");
        assertEquals("worker-1", relaxed.path("first").path("thread").path("name").asText());
        assertEquals(13, relaxed.path("first").path("releasedAt").path("line").asInt());
        assertEquals("worker-2", relaxed.path("next").path("thread").path("name").asText());
        assertEquals(20, relaxed.path("next").path("takenAt").path("line").asInt());
    }

    @Test
    void documentedExampleFollowsTheSchema() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "report-json.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        assertEquals(List.of(), SCHEMA.violations(example), example);
    }

    @Test
    void schemaRejectsADocumentOfAnotherShape() {
        String broken = json(SampleFindings.result()).replace("\"occurrences\": 412", "\"occurrences\": \"many\"");
        assertTrue(SCHEMA.violations(broken).stream().anyMatch(v -> v.contains("occurrences")), broken);
    }

    @Test
    void summarizesCountsEventsAndWarnings() {
        JsonNode root = JsonSchemaCheck.parse(json(SampleFindings.result()));
        assertEquals("racelock", root.path("tool").asText());
        assertEquals("0.1.0-test", root.path("version").asText());
        assertEquals("t-1234.rlt", root.path("traces").get(0).asText());
        JsonNode summary = root.path("summary");
        assertEquals(3, summary.path("findings").asInt());
        assertEquals(1, summary.path("counts").path("data-race").asInt());
        assertEquals(1, summary.path("counts").path("deadlock").asInt());
        assertEquals(1, summary.path("counts").path("observed-deadlock").asInt());
        assertEquals(1_234_567L, summary.path("events").asLong());
        assertTrue(summary.path("warnings").get(0).asText().startsWith("trace t-1234.rlt ends early"));
    }

    /** Each access says what is below its stack; the cut one and the whole one validate. */
    @Test
    void saysWhatIsBelowEachStack() {
        String text = json(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.poolTaskRace()), 10, List.of()));
        assertEquals(List.of(), SCHEMA.violations(text));
        JsonNode accesses = JsonSchemaCheck.parse(text).path("findings").get(0).path("pairs").get(0).path("accesses");
        assertEquals("thread-entry", accesses.get(0).path("stackBase").asText());
        assertEquals("unrecorded-caller", accesses.get(1).path("stackBase").asText());
        JsonNode cycle = JsonSchemaCheck.parse(json(SampleFindings.result())).path("findings").get(1).path("cycle");
        assertEquals("unknown", cycle.get(0).path("stackBase").asText());
    }

    @Test
    void carriesBothAccessesOfARace() {
        JsonNode race = JsonSchemaCheck.parse(json(SampleFindings.result())).path("findings").get(0);
        assertEquals("data-race", race.path("type").asText());
        assertEquals(SampleFindings.RACE_FINGERPRINT, race.path("fingerprint").asText());
        assertEquals("DATA RACE on Counter.hits", race.path("title").asText());
        assertEquals("lost-update", race.path("classification").asText());
        assertEquals(412, race.path("occurrences").asInt());
        assertEquals("thread \"worker-1\" holds Registry.lock, thread \"worker-2\" holds no lock: no lock held in common and no hand-off between them.", race.path("explanation").asText());
        assertEquals("Counter.hits", race.path("location").path("text").asText());
        assertEquals("com.acme.Counter", race.path("location").path("class").asText());
        assertEquals("hits", race.path("location").path("field").asText());
        assertEquals(1, race.path("pairs").size());
        JsonNode pair = race.path("pairs").get(0);
        assertEquals("lost-update", pair.path("classification").asText());
        assertEquals(412, pair.path("occurrences").asInt());
        JsonNode read = pair.path("accesses").get(0);
        assertEquals("read", read.path("kind").asText());
        assertEquals("worker-1", read.path("thread").path("name").asText());
        assertEquals(11, read.path("thread").path("id").asInt());
        assertEquals("Main.java", read.path("thread").path("createdAt").path("file").asText());
        assertEquals("Counter.hits", read.path("location").asText());
        assertEquals("com.acme.Counter", read.path("site").path("class").asText());
        assertEquals("increment", read.path("site").path("method").asText());
        assertEquals(12, read.path("site").path("line").asInt());
        assertEquals(3, read.path("stack").size());
        assertEquals("Registry.lock", read.path("locksHeld").get(0).path("lock").path("name").asText());
        assertEquals("field", read.path("locksHeld").get(0).path("lock").path("kind").asText());
        assertEquals("com.acme.Registry", read.path("locksHeld").get(0).path("lock").path("fieldOwner").asText());
        assertEquals(28, read.path("locksHeld").get(0).path("acquiredAt").path("line").asInt());
        JsonNode write = pair.path("accesses").get(1);
        assertEquals("write", write.path("kind").asText());
        assertEquals(0, write.path("locksHeld").size());
        assertEquals(0, race.path("cycle").size());
    }

    @Test
    void carriesEachAcquisitionOfACycle() {
        JsonNode deadlock = JsonSchemaCheck.parse(json(SampleFindings.result())).path("findings").get(1);
        assertEquals("deadlock", deadlock.path("type").asText());
        assertTrue(deadlock.path("classification").isNull());
        JsonNode first = deadlock.path("cycle").get(0);
        assertEquals("Bank.lockB", first.path("lock").path("name").asText());
        assertTrue(first.path("lock").path("monitor").asBoolean());
        assertEquals("t1", first.path("thread").path("name").asText());
        assertEquals(20, first.path("acquiredAt").path("line").asInt());
        assertEquals("Bank.lockA", first.path("heldLocks").get(0).path("lock").path("name").asText());
        assertEquals(19, first.path("heldLocks").get(0).path("acquiredAt").path("line").asInt());
        assertEquals("lambda$main$0", first.path("stack").get(1).path("method").asText());
        assertEquals(0, deadlock.path("pairs").size());
        assertTrue(deadlock.path("location").isNull());
    }

    @Test
    void namesTheJdkMethodAMonitorWasTakenInside() {
        String json = json(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.deadlockInsideJdkCall()), 10,
                List.of()));
        assertEquals(List.of(), SCHEMA.violations(json));
        JsonNode cycle = JsonSchemaCheck.parse(json).path("findings").get(0).path("cycle");
        assertEquals("Transaction.deleteObserver", cycle.get(0).path("takenInside").asText());
        assertTrue(cycle.get(1).path("takenInside").isMissingNode(), "the application's own acquisition");
    }

    @Test
    void keepsOddNamesIntactThroughEscaping() {
        JsonNode f = JsonSchemaCheck.parse(json(SampleFindings.hostile())).path("findings").get(0);
        assertEquals("<script>alert('x')</script> & \"friends\"\u0007",
                f.path("pairs").get(0).path("accesses").get(1).path("thread").path("name").asText());
        assertEquals("DATA RACE on Evil.<b>flag</b>\tand a tab", f.path("title").asText());
    }
}
