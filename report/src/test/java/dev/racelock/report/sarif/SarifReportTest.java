package dev.racelock.report.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecVersion;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.report.JsonSchemaCheck;
import dev.racelock.report.ReportFormat;
import dev.racelock.report.SampleFindings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifReportTest {

    /** The OASIS SARIF 2.1.0 schema (errata 01, draft-04), copied verbatim from oasis-tcs/sarif-spec. */
    private static final JsonSchemaCheck SARIF_SCHEMA =
            new JsonSchemaCheck("/dev/racelock/report/sarif/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V4);

    @TempDir
    static Path project;

    @BeforeAll
    static void counterSourceExistsButBankSourceDoesNot() throws IOException {
        Path counter = project.resolve("src/main/java/com/acme/Counter.java");
        Files.createDirectories(counter.getParent());
        Files.writeString(counter, "package com.acme; class Counter {}\n");
    }

    private static String sarif(AnalysisResult result) {
        return SampleFindings.render(result, ReportFormat.SARIF, SampleFindings.options(project));
    }

    private static JsonNode run(AnalysisResult result) {
        return JsonSchemaCheck.parse(sarif(result)).path("runs").get(0);
    }

    @Test
    void validatesAgainstTheOfficialSarifSchema() {
        assertEquals(List.of(), SARIF_SCHEMA.violations(sarif(SampleFindings.result())));
        assertEquals(List.of(), SARIF_SCHEMA.violations(sarif(SampleFindings.clean())));
        assertEquals(List.of(), SARIF_SCHEMA.violations(sarif(SampleFindings.hostile())));
    }

    @Test
    void officialSchemaIsReallyChecked() {
        String broken = sarif(SampleFindings.result()).replace("\"level\": \"error\"", "\"level\": \"fatal\"");
        assertFalse(SARIF_SCHEMA.violations(broken).isEmpty(), "a level outside the enum must be rejected");
    }

    @Test
    void declaresOneRulePerFindingTypeInTypeOrder() {
        JsonNode root = JsonSchemaCheck.parse(sarif(SampleFindings.result()));
        assertEquals("2.1.0", root.path("version").asText());
        assertTrue(root.path("$schema").asText().endsWith("sarif-schema-2.1.0.json"));
        JsonNode driver = root.path("runs").get(0).path("tool").path("driver");
        assertEquals("racelock", driver.path("name").asText());
        assertEquals("0.1.0-test", driver.path("version").asText());
        List<String> ids = new ArrayList<>();
        driver.path("rules").forEach(r -> ids.add(r.path("id").asText()));
        assertEquals(List.of("data-race", "deadlock", "observed-deadlock", "predicted-race", "predicted-deadlock"), ids);
        JsonNode race = driver.path("rules").get(0);
        assertEquals("DataRace", race.path("name").asText());
        assertFalse(race.path("shortDescription").path("text").asText().isEmpty());
        assertFalse(race.path("fullDescription").path("text").asText().isEmpty());
        assertFalse(race.path("help").path("text").asText().isEmpty());
        assertEquals("error", race.path("defaultConfiguration").path("level").asText());
        // A potential deadlock (lock order only) is the lower level; a predicted or observed one is an error.
        assertEquals("warning", driver.path("rules").get(1).path("defaultConfiguration").path("level").asText());
        assertEquals("error", driver.path("rules").get(4).path("defaultConfiguration").path("level").asText());
    }

    @Test
    void pointsARaceAtItsSourceFileUnderTheSourceRoot() {
        JsonNode result = run(SampleFindings.result()).path("results").get(0);
        assertEquals("data-race", result.path("ruleId").asText());
        assertEquals(0, result.path("ruleIndex").asInt());
        assertEquals("error", result.path("level").asText());
        JsonNode physical = result.path("locations").get(0).path("physicalLocation");
        assertEquals("src/main/java/com/acme/Counter.java", physical.path("artifactLocation").path("uri").asText());
        assertEquals("%SRCROOT%", physical.path("artifactLocation").path("uriBaseId").asText());
        assertEquals(12, physical.path("region").path("startLine").asInt());
        assertEquals(SampleFindings.RACE_FINGERPRINT, result.path("partialFingerprints").path("racelock/v1").asText());
        assertEquals(412, result.path("occurrenceCount").asInt());
    }

    @Test
    void linksTheOtherAccessOfARaceAsRelatedLocation() {
        JsonNode result = run(SampleFindings.result()).path("results").get(0);
        JsonNode related = result.path("relatedLocations").get(0);
        assertEquals(1, related.path("id").asInt());
        assertEquals("Previous read by thread \"worker-1\" of Counter.hits", related.path("message").path("text").asText());
        assertEquals(12, related.path("physicalLocation").path("region").path("startLine").asInt());
        String message = result.path("message").path("text").asText();
        assertTrue(message.startsWith("Unordered read (thread \"worker-1\", Counter.java:12) and write"), message);
        assertTrue(message.contains("](1)"), "the message links to related location 1: " + message);
        assertTrue(message.contains("Why: thread \"worker-1\" holds Registry.lock"), message);
        assertEquals(2, result.path("codeFlows").get(0).path("threadFlows").size());
    }

    /** The outermost location of a cut stack's thread flow says it is cut; a whole stack's says nothing of it. */
    @Test
    void saysWhereAThreadFlowIsCut() {
        JsonNode flows = run(new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.poolTaskRace()), 10, List.of()))
                .path("results").get(0).path("codeFlows").get(0).path("threadFlows");
        JsonNode write = flows.get(0).path("locations");
        assertEquals(1, write.size());
        assertEquals("Write by thread \"pool-1-thread-1\" of Ledger.total; called from code racelock does not record"
                + " (excluded or JDK)", write.get(0).path("location").path("message").path("text").asText());
        JsonNode read = flows.get(1).path("locations");
        assertEquals(2, read.size());
        assertTrue(read.get(0).path("location").path("message").isMissingNode(), read.toString());
        assertEquals("Previous read by thread \"main\" of Ledger.total",
                read.get(1).path("location").path("message").path("text").asText());
    }

    @Test
    void fallsBackToThePackagePathWhenNoSourceRootHasTheFile() {
        JsonNode result = run(SampleFindings.result()).path("results").get(1);
        assertEquals("deadlock", result.path("ruleId").asText());
        assertEquals(1, result.path("ruleIndex").asInt());
        JsonNode physical = result.path("locations").get(0).path("physicalLocation");
        assertEquals("com/acme/Bank.java", physical.path("artifactLocation").path("uri").asText());
        assertEquals(20, physical.path("region").path("startLine").asInt());
    }

    @Test
    void listsTheOtherAcquisitionsAndHeldLocksOfACycle() {
        JsonNode result = run(SampleFindings.result()).path("results").get(1);
        List<String> related = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        result.path("relatedLocations").forEach(r -> {
            related.add(r.path("id").asInt() + ": " + r.path("message").path("text").asText());
            lines.add(r.path("physicalLocation").path("region").path("startLine").asInt());
        });
        assertEquals(List.of(
                "1: Thread \"t1\" took Bank.lockA here, then went for Bank.lockB",
                "2: Thread \"t2\" acquired Bank.lockA at Bank.java:31 while holding Bank.lockB (taken at Bank.java:30)",
                "3: Thread \"t2\" took Bank.lockB here, then went for Bank.lockA"), related);
        assertEquals(List.of(19, 31, 30), lines);
        assertTrue(result.path("message").path("text").asText().contains("Cycle: Bank.lockA -> Bank.lockB -> Bank.lockA"));
        assertEquals(SampleFindings.DEADLOCK_FINGERPRINT, result.path("partialFingerprints").path("racelock/v1").asText());
    }

    @Test
    void reportsWarningsAsToolNotifications() {
        JsonNode notifications = run(SampleFindings.result()).path("invocations").get(0).path("toolExecutionNotifications");
        assertEquals("warning", notifications.get(0).path("level").asText());
        assertTrue(notifications.get(0).path("message").path("text").asText().contains("ends early"));
    }

    @Test
    void aCleanRunHasAnEmptyResultsArray() {
        JsonNode results = run(SampleFindings.clean()).path("results");
        assertTrue(results.isArray());
        assertEquals(0, results.size());
    }

    @Test
    void linksTheRacesThatCouldOnlyFollowThisOneAsRelatedLocations() {
        AnalysisResult result = new AnalysisResult(List.of("t.rlt"), List.of(SampleFindings.raceFollowedByAnother()), 10,
                List.of());
        assertEquals(List.of(), SARIF_SCHEMA.violations(sarif(result)));
        JsonNode r = run(result).path("results").get(0);
        String line = "Config.data: read by thread \"w1\" at Main.java:21, previous write by thread \"w2\" at"
                + " Config.java:10 (seen 3 times)";
        JsonNode related = r.path("relatedLocations");
        int n = related.size();
        assertEquals(line, related.get(n - 2).path("message").path("text").asText());
        assertEquals("Main.java", fileName(related.get(n - 2)));
        assertEquals(line, related.get(n - 1).path("message").path("text").asText());
        assertEquals("Config.java", fileName(related.get(n - 1)));
        assertTrue(r.path("message").path("text").asText().contains(
                "Followed by races that can only happen after this one: [" + line + "](" + (n - 1) + ")."),
                r.path("message").path("text").asText());
    }

    private static String fileName(JsonNode location) {
        String uri = location.path("physicalLocation").path("artifactLocation").path("uri").asText();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
