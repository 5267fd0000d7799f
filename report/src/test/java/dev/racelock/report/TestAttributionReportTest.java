package dev.racelock.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecVersion;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.TestRef;
import dev.racelock.report.view.FindingWords;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every format names the test during which a finding happened; JUnit XML files it under that test's case. */
class TestAttributionReportTest {

    static final TestRef RACY = new TestRef("[engine:junit-jupiter]/[class:com.acme.CounterTest]/[method:racy()]",
            "com.acme.CounterTest", "racy", "racy()");
    static final TestRef PARAMETERIZED = new TestRef("[engine:junit-jupiter]/[class:com.acme.CounterTest]/[test-template:"
            + "sized(int)]/[test-template-invocation:#2]", "com.acme.CounterTest", "sized", "[2] size=8");

    static final Finding RACE = SampleFindings.race().withTest(RACY);
    static final AnalysisResult RESULT = new AnalysisResult(List.of("t.rlt"),
            List.of(RACE, SampleFindings.deadlock().withTest(RACY), SampleFindings.observedDeadlock()), 10, List.of());

    private static String render(ReportFormat format) {
        return SampleFindings.render(RESULT, format, SampleFindings.options(Path.of(".")));
    }

    @Test
    void theTextReportSaysDuringWhichTestUnderTheHeadline() {
        String text = render(ReportFormat.TEXT);
        assertTrue(text.contains("DATA RACE on Counter.hits (lost update)\n  During test com.acme.CounterTest.racy\n"),
                text);
    }

    @Test
    void aDisplayNameThatSaysMoreThanTheMethodIsKept() {
        assertEquals("During test com.acme.CounterTest.sized ([2] size=8)",
                FindingWords.duringTest(SampleFindings.race().withTest(PARAMETERIZED)));
        assertEquals(null, FindingWords.duringTest(SampleFindings.race()));
    }

    @Test
    void jsonCarriesTheTestAndFollowsTheSchema() {
        String json = render(ReportFormat.JSON);
        assertEquals(List.of(), new JsonSchemaCheck("/dev/racelock/report/json/report.schema.json",
                SpecVersion.VersionFlag.V7).violations(json));
        JsonNode findings = JsonSchemaCheck.parse(json).path("findings");
        JsonNode test = findings.get(0).path("test");
        assertEquals("com.acme.CounterTest.racy", test.path("name").asText());
        assertEquals(RACY.uniqueId(), test.path("uniqueId").asText());
        assertEquals("racy", test.path("methodName").asText());
        assertTrue(findings.get(2).path("test").isNull(), findings.get(2).toString());
    }

    @Test
    void sarifNamesTheTestInTheResultsProperties() {
        JsonNode result = JsonSchemaCheck.parse(render(ReportFormat.SARIF)).path("runs").get(0).path("results").get(0);
        assertEquals("com.acme.CounterTest.racy", result.path("properties").path("test").asText());
        assertEquals(RACY.uniqueId(), result.path("properties").path("testUniqueId").asText());
    }

    @Test
    void htmlSaysDuringWhichTest() {
        assertTrue(render(ReportFormat.HTML).contains("<p class=\"test\">During test com.acme.CounterTest.racy</p>"));
    }

    @Test
    void junitXmlFilesEachFindingUnderItsTestsCase() {
        String xml = render(ReportFormat.JUNIT);
        assertTrue(xml.contains("<testcase classname=\"com.acme.CounterTest\" name=\"racy()\" time=\"0\">"), xml);
        assertTrue(xml.contains("<testcase classname=\"com.acme.CounterTest\" name=\"racy() (2)\" time=\"0\">"), xml);
        assertTrue(xml.contains("name=\"DEADLOCK: 2 threads blocked in a cycle\""), "no test: named by its title\n" + xml);
    }
}
