package dev.racelock.report.junit;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.report.view.FindingWords;
import dev.racelock.report.Reports;
import dev.racelock.report.SampleFindings;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JUnitXmlReportTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-23T03:04:05Z"), ZoneOffset.UTC);

    private static String xml(AnalysisResult result) throws IOException {
        StringWriter out = new StringWriter();
        Reports.walk(result, SampleFindings.options(Path.of(".")), new JUnitXmlReport(out, FIXED));
        return out.toString();
    }

    /** The Apache Ant / Jenkins JUnit schema (windyroad/JUnit-Schema JUnit.xsd), as CI servers expect. */
    private static void validate(String xml) throws SAXException, IOException {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JUnitXmlReportTest.class.getResource("/dev/racelock/report/junit/JUnit.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validatesAgainstTheJUnitSchema() throws Exception {
        validate(xml(SampleFindings.result()));
        validate(xml(SampleFindings.clean()));
        validate(xml(SampleFindings.hostile()));
    }

    @Test
    void reportsOneFailingTestCasePerFinding() throws Exception {
        Document doc = parse(xml(SampleFindings.result()));
        Element suite = doc.getDocumentElement();
        assertEquals("racelock", suite.getAttribute("name"));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("3", suite.getAttribute("failures"));
        assertEquals("2026-11-23T03:04:05", suite.getAttribute("timestamp"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element race = (Element) cases.item(0);
        assertEquals("com.acme.Counter", race.getAttribute("classname"));
        assertEquals("DATA RACE on Counter.hits", race.getAttribute("name"));
        Element failure = (Element) race.getElementsByTagName("failure").item(0);
        assertEquals("data-race", failure.getAttribute("type"));
        assertEquals(FindingWords.message(SampleFindings.race()), failure.getAttribute("message"));
        String body = failure.getTextContent();
        assertTrue(body.contains("Write by thread \"worker-2\":\n    com.acme.Counter.increment(Counter.java:12)"), body);
        assertTrue(body.contains("Previous read by thread \"worker-1\":"), body);
        assertTrue(body.contains("com.acme.Worker.<init>(Worker.java:9)"), body);
        assertTrue(body.contains("Fingerprint: " + SampleFindings.RACE_FINGERPRINT), body);
        Element deadlock = (Element) cases.item(1);
        assertEquals("com.acme.Bank", deadlock.getAttribute("classname"));
        assertEquals("deadlock", ((Element) deadlock.getElementsByTagName("failure").item(0)).getAttribute("type"));
        assertEquals(3, doc.getElementsByTagName("failure").getLength());
    }

    @Test
    void reportsOnePassingTestCaseWhenClean() throws Exception {
        Document doc = parse(xml(SampleFindings.clean()));
        assertEquals("1", doc.getDocumentElement().getAttribute("tests"));
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
        assertEquals("no races or deadlocks", ((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("name"));
    }

    @Test
    void keepsMarkupAndControlCharactersFromBreakingTheXml() throws Exception {
        Document doc = parse(xml(SampleFindings.hostile()));
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        // XML 1.0 cannot carry the BEL in the thread name: it becomes U+FFFD.
        assertEquals(FindingWords.message(SampleFindings.hostile().findings().get(0)).replace('\u0007', '\uFFFD'),
                failure.getAttribute("message"));
        assertTrue(failure.getAttribute("message").contains("<b>flag</b>\tand a tab"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("<script>alert('x')</script> & \"friends\"\uFFFD"),
                failure.getTextContent());
        String out = doc.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(out.contains("racelock: warning: warning with <markup>"), out);
    }

    @Test
    void numbersTestCasesWithRepeatedTitles() throws Exception {
        AnalysisResult twice = new AnalysisResult(java.util.List.of("t.rlt"),
                java.util.List.of(SampleFindings.race(), SampleFindings.race()), 1, java.util.List.of());
        NodeList cases = parse(xml(twice)).getElementsByTagName("testcase");
        assertEquals("DATA RACE on Counter.hits", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals("DATA RACE on Counter.hits (2)", ((Element) cases.item(1)).getAttribute("name"));
    }
}
