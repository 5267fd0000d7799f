package dev.racelock.report.sarif;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.report.FindingWords;
import dev.racelock.report.FindingTypeDescription;
import dev.racelock.report.ReportOptions;
import dev.racelock.report.ReportRenderer;
import dev.racelock.report.SourceLocator;
import dev.racelock.report.json.JsonWriter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * SARIF 2.1.0 (OASIS errata 01) as GitHub code scanning ingests it: one run, one rule per finding
 * type (the rule index is the type's ordinal, so it is stable), and per finding one result whose
 * primary location is the finding's primary site, whose related locations are the other access
 * or the other acquisitions of the cycle (with ids that the message links to, SARIF 3.11.6), one
 * thread flow per thread, and {@code partialFingerprints} carrying racelock's own fingerprint so
 * code scanning tracks a bug across commits even when its lines move.
 */
public final class SarifReport implements ReportRenderer {

    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String FINGERPRINT_KEY = "racelock/v1";
    public static final String SRCROOT = "%SRCROOT%";

    @Override
    public void render(AnalysisResult result, ReportOptions options, Writer out) throws IOException {
        SourceLocator sources = new SourceLocator(options);
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.field("$schema", SCHEMA_URI);
        json.field("version", "2.1.0");
        json.name("runs").beginArray().beginObject();
        writeTool(json, options);
        writeInvocation(json, result);
        json.name("originalUriBaseIds").beginObject();
        json.name(SRCROOT).beginObject();
        json.field("uri", sources.projectRoot().toUri().toString());
        json.endObject();
        json.endObject();
        json.name("results").beginArray();
        for (Finding f : result.findings()) {
            writeResult(json, f, sources);
        }
        json.endArray();
        json.endObject().endArray();
        json.endObject();
        json.finish();
    }

    private static void writeTool(JsonWriter json, ReportOptions options) throws IOException {
        json.name("tool").beginObject().name("driver").beginObject();
        json.field("name", "racelock");
        if (options.toolVersion() != null) {
            json.field("version", options.toolVersion());
        }
        json.name("rules").beginArray();
        for (FindingType type : FindingType.values()) {
            FindingTypeDescription d = FindingTypeDescription.of(type);
            json.beginObject();
            json.field("id", type.id());
            json.field("name", d.ruleName());
            json.name("shortDescription").beginObject().field("text", d.shortDescription()).endObject();
            json.name("fullDescription").beginObject().field("text", d.fullDescription()).endObject();
            json.name("help").beginObject().field("text", d.help()).endObject();
            json.name("defaultConfiguration").beginObject().field("level", level(type)).endObject();
            json.name("properties").beginObject();
            json.name("tags").beginArray().value("concurrency").value("reliability").endArray();
            json.field("precision", type == FindingType.DATA_RACE ? "high" : "very-high");
            json.field("problem.severity", "error");
            json.endObject();
            json.endObject();
        }
        json.endArray();
        json.endObject().endObject();
    }

    /** Warnings (a truncated trace, ...) travel as tool execution notifications of the one invocation. */
    private static void writeInvocation(JsonWriter json, AnalysisResult result) throws IOException {
        json.name("invocations").beginArray().beginObject();
        json.name("executionSuccessful").value(true);
        json.name("toolExecutionNotifications").beginArray();
        for (String w : result.warnings()) {
            json.beginObject();
            json.field("level", "warning");
            json.name("message").beginObject().field("text", w).endObject();
            json.endObject();
        }
        json.endArray();
        json.endObject().endArray();
    }

    /** Every finding type fails the build: races and cycles are bugs, not style. */
    private static String level(FindingType type) {
        return "error";
    }

    private static void writeResult(JsonWriter json, Finding f, SourceLocator sources) throws IOException {
        List<Related> related = related(f);
        json.beginObject();
        json.field("ruleId", f.type().id());
        json.field("ruleIndex", f.type().ordinal());
        json.field("level", level(f.type()));
        json.name("message").beginObject().field("text", messageText(f, related)).endObject();
        json.name("locations").beginArray();
        writeLocation(json, -1, f.primarySite(), null, sources);
        json.endArray();
        if (!related.isEmpty()) {
            json.name("relatedLocations").beginArray();
            for (int i = 0; i < related.size(); i++) {
                writeLocation(json, i + 1, related.get(i).site(), related.get(i).message(), sources);
            }
            json.endArray();
        }
        writeCodeFlow(json, f, sources);
        json.name("partialFingerprints").beginObject().field(FINGERPRINT_KEY, f.fingerprint()).endObject();
        if (f.occurrences() >= 1) {
            json.field("occurrenceCount", f.occurrences());
        }
        json.name("properties").beginObject();
        json.field("title", FindingWords.title(f));
        if (f.classification() != null) {
            json.field("classification", f.classification().id());
        }
        json.endObject();
        json.endObject();
    }

    /** A location the result points to besides its primary one, with the sentence describing it. */
    private record Related(SourceSite site, String message) {}

    private static List<Related> related(Finding f) {
        List<Related> related = new ArrayList<>();
        for (int i = 0; i < f.pairs().size(); i++) {
            RacePair p = f.pairs().get(i);
            if (i > 0) {
                related.add(new Related(p.later().site(), FindingWords.accessHeading(p.later(), false) + " of "
                        + FindingWords.accessedLocation(f.location(), p.later())));
            }
            related.add(new Related(p.earlier().site(), FindingWords.accessHeading(p.earlier(), true) + " of "
                    + FindingWords.accessedLocation(f.location(), p.earlier())));
        }
        List<LockAcquisition> cycle = f.cycle();
        for (int i = 0; i < cycle.size(); i++) {
            LockAcquisition edge = cycle.get(i);
            if (i > 0) {
                related.add(new Related(edge.acquiredAt(), FindingWords.acquisitionSentence(f, edge)));
            }
            for (HeldLock held : edge.heldLocks()) {
                if (held.acquiredAt() != null) {
                    related.add(new Related(held.acquiredAt(), FindingWords.heldLockSentence(edge, held)));
                }
            }
        }
        related.removeIf(r -> r.site() == null);
        return related;
    }

    /**
     * The finding's message, then the other side of the race or the cycle with links to the related
     * locations ({@code [text](id)}, SARIF 3.11.6), then why.
     */
    private static String messageText(Finding f, List<Related> related) {
        StringBuilder sb = new StringBuilder(FindingWords.message(f));
        if (f.primaryPair() != null && !related.isEmpty()) {
            sb.append(sentenceBreak(sb)).append("Conflicts with: [").append(escapeLinkText(related.get(0).message()))
                    .append("](1).");
        }
        if (!f.cycle().isEmpty()) {
            sb.append(sentenceBreak(sb)).append("Cycle: ").append(escapeLinkText(FindingWords.cycleLine(f))).append('.');
        }
        String why = FindingWords.explanation(f);
        if (why != null) {
            sb.append(" Why: ").append(escapeLinkText(why));
        }
        return sb.toString();
    }

    private static String sentenceBreak(StringBuilder sb) {
        char last = sb.length() == 0 ? '.' : sb.charAt(sb.length() - 1);
        return last == '.' ? " " : ". ";
    }

    /** Square brackets in plain text would read as embedded links (SARIF 3.11.6): escape them. */
    private static String escapeLinkText(String s) {
        return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    private static void writeLocation(JsonWriter json, int id, SourceSite site, String message, SourceLocator sources)
            throws IOException {
        json.beginObject();
        if (id >= 0) {
            json.field("id", id);
        }
        String uri = sources.uri(site);
        if (uri != null) {
            json.name("physicalLocation").beginObject();
            json.name("artifactLocation").beginObject().field("uri", uri).field("uriBaseId", SRCROOT).endObject();
            if (site.line() >= 1) {
                json.name("region").beginObject().field("startLine", site.line()).endObject();
            }
            json.endObject();
        }
        if (site != null && site.className() != null) {
            json.name("logicalLocations").beginArray().beginObject();
            json.field("fullyQualifiedName", site.qualifiedMethod());
            json.field("kind", "function");
            json.endObject().endArray();
        }
        if (message != null) {
            json.name("message").beginObject().field("text", message).endObject();
        }
        json.endObject();
    }

    /**
     * One thread flow per access or cycle edge, outermost frame first (thread flow locations are in
     * execution order, SARIF 3.37.1), ending at the access or acquisition itself.
     */
    private static void writeCodeFlow(JsonWriter json, Finding f, SourceLocator sources) throws IOException {
        List<Flow> flows = new ArrayList<>();
        RacePair primary = f.primaryPair();
        if (primary != null) {
            for (Access a : List.of(primary.earlier(), primary.later())) {
                flows.add(new Flow(FindingWords.accessHeading(a, false) + " of "
                        + FindingWords.accessedLocation(f.location(), a), FindingWords.frames(a.stack(), a.site())));
            }
        }
        for (LockAcquisition edge : f.cycle()) {
            flows.add(new Flow(FindingWords.acquisitionSentence(f, edge),
                    FindingWords.frames(edge.stack(), edge.acquiredAt())));
        }
        flows.removeIf(flow -> flow.frames().isEmpty());
        if (flows.isEmpty()) {
            return;
        }
        json.name("codeFlows").beginArray().beginObject();
        json.name("threadFlows").beginArray();
        for (Flow flow : flows) {
            json.beginObject();
            json.name("message").beginObject().field("text", flow.message()).endObject();
            json.name("locations").beginArray();
            for (int i = flow.frames().size() - 1; i >= 0; i--) {
                json.beginObject();
                json.name("location");
                writeLocation(json, -1, flow.frames().get(i), i == 0 ? flow.message() : null, sources);
                json.field("nestingLevel", flow.frames().size() - 1 - i);
                json.endObject();
            }
            json.endArray();
            json.endObject();
        }
        json.endArray();
        json.endObject().endArray();
    }

    private record Flow(String message, List<SourceSite> frames) {}
}
