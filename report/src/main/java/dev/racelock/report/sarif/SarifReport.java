package dev.racelock.report.sarif;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.report.json.JsonWriter;
import dev.racelock.report.view.FindingTypeDescription;
import dev.racelock.report.view.FindingWords;
import dev.racelock.report.view.FindingView;
import dev.racelock.report.view.FindingView.AccessView;
import dev.racelock.report.view.FindingView.AcquisitionView;
import dev.racelock.report.view.FindingView.HeldLockView;
import dev.racelock.report.view.FindingView.PairView;
import dev.racelock.report.view.ReportRun;
import dev.racelock.report.view.ReportVisitor;
import dev.racelock.report.view.SourceLocator;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * SARIF 2.1.0 (OASIS errata 01) as GitHub code scanning ingests it: one run, one rule per finding
 * type (the rule index is the type's ordinal, so it is stable), and per finding one result whose
 * primary location is the finding's primary site, whose related locations are the other access
 * or the other acquisitions of the cycle, and both accesses of each race that could only follow
 * this one (with ids that the message links to, SARIF 3.11.6), one
 * thread flow per thread, and {@code partialFingerprints} carrying racelock's own fingerprint so
 * code scanning tracks a bug across commits even when its lines move.
 */
public final class SarifReport implements ReportVisitor {

    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String FINGERPRINT_KEY = "racelock/v1";
    public static final String SRCROOT = "%SRCROOT%";

    private final JsonWriter json;
    private SourceLocator sources;

    public SarifReport(Writer out) {
        this.json = new JsonWriter(out);
    }

    @Override
    public void visitRun(ReportRun run) throws IOException {
        sources = run.sources();
        json.beginObject();
        json.field("$schema", SCHEMA_URI);
        json.field("version", "2.1.0");
        json.name("runs").beginArray().beginObject();
        writeTool(json, run.toolVersion());
        writeInvocation(json, run.result());
        json.name("originalUriBaseIds").beginObject();
        json.name(SRCROOT).beginObject();
        json.field("uri", sources.projectRoot().toUri().toString());
        json.endObject();
        json.endObject();
        json.name("results").beginArray();
    }

    @Override
    public void visitFinding(FindingView finding) throws IOException {
        writeResult(json, finding, sources);
    }

    @Override
    public void visitEnd() throws IOException {
        json.endArray();
        json.endObject().endArray();
        json.endObject();
        json.finish();
    }

    private static void writeTool(JsonWriter json, String toolVersion) throws IOException {
        json.name("tool").beginObject().name("driver").beginObject();
        json.field("name", "racelock");
        if (toolVersion != null) {
            json.field("version", toolVersion);
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
            json.field("precision", precision(type));
            json.field("problem.severity", level(type));
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

    /**
     * Races and deadlocks that a schedule of the run shows are errors; a potential deadlock (a
     * lock-order cycle no reordering of this run was shown to realize) is the lower level, a
     * warning (docs/analyses.md, "Predicted deadlocks").
     */
    private static String level(FindingType type) {
        return type == FindingType.DEADLOCK ? "warning" : "error";
    }

    private static String precision(FindingType type) {
        return switch (type) {
            case DATA_RACE -> "high";
            case DEADLOCK -> "medium";
            default -> "very-high";
        };
    }

    private static void writeResult(JsonWriter json, FindingView f, SourceLocator sources) throws IOException {
        List<Related> related = related(f);
        int firstConsequence = related.size();
        related.addAll(consequences(f));
        json.beginObject();
        json.field("ruleId", f.finding().type().id());
        json.field("ruleIndex", f.finding().type().ordinal());
        json.field("level", level(f.finding().type()));
        json.name("message").beginObject().field("text", messageText(f, related, firstConsequence)).endObject();
        json.name("locations").beginArray();
        writeLocation(json, -1, f.finding().primarySite(), null, sources);
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
        json.field("title", f.title());
        if (f.finding().classification() != null) {
            json.field("classification", f.finding().classification().id());
        }
        if (f.finding().test() != null) {
            json.field("test", f.finding().test().name());
            json.field("testUniqueId", f.finding().test().uniqueId());
        }
        json.endObject();
        json.endObject();
    }

    /**
     * A location the result points to besides its primary one, with the sentence describing it;
     * {@code followingRace} when the message links to it as a race that followed this one.
     */
    private record Related(SourceSite site, String message, boolean followingRace) {
        Related(SourceSite site, String message) {
            this(site, message, false);
        }
    }

    /**
     * The earlier access of the race shown in full (the one the message links to), both sites of
     * each other pair, or the other acquisitions of a cycle and where each held lock was taken.
     */
    private static List<Related> related(FindingView f) {
        List<Related> related = new ArrayList<>();
        for (AccessView a : f.accesses()) {
            if (a.previous()) {
                related.add(new Related(a.access().site(), a.heading() + " of " + a.location()));
            }
        }
        for (PairView p : f.otherPairs()) {
            related.add(new Related(p.pair().later().site(), p.text()));
            related.add(new Related(p.pair().earlier().site(), p.text()));
        }
        List<AcquisitionView> cycle = f.acquisitions();
        for (int i = 0; i < cycle.size(); i++) {
            AcquisitionView edge = cycle.get(i);
            if (i > 0) {
                related.add(new Related(edge.acquisition().acquiredAt(), edge.sentence()));
            }
            for (HeldLockView held : edge.locks()) {
                if (held.held().acquiredAt() != null) {
                    related.add(new Related(held.held().acquiredAt(), held.tookHere()));
                }
            }
        }
        related.removeIf(r -> r.site() == null);
        return related;
    }

    /**
     * Both accesses of each race that could only happen after this one (FindingView.consequences):
     * the later access, which the message links to, then the earlier, each with the race's line.
     */
    private static List<Related> consequences(FindingView f) {
        List<Related> consequences = new ArrayList<>();
        for (FindingView.ConsequenceView c : f.consequences()) {
            boolean linked = false;
            for (SourceSite site : new SourceSite[] {c.later(), c.earlier()}) {
                if (site != null) {
                    consequences.add(new Related(site, c.line(), !linked));
                    linked = true;
                }
            }
        }
        return consequences;
    }

    /**
     * The finding's message, then the other side of the race or the cycle with links to the related
     * locations ({@code [text](id)}, SARIF 3.11.6), then the races that followed it (from
     * {@code firstConsequence} on, up to two related locations each, the message links to the first),
     * then why.
     */
    private static String messageText(FindingView f, List<Related> related, int firstConsequence) {
        StringBuilder sb = new StringBuilder(f.message());
        if (!f.accesses().isEmpty() && !related.isEmpty()) {
            sb.append(sentenceBreak(sb)).append("Conflicts with: [").append(escapeLinkText(related.get(0).message()))
                    .append("](1).");
        }
        if (!f.acquisitions().isEmpty()) {
            sb.append(sentenceBreak(sb)).append("Cycle: ").append(escapeLinkText(f.cycleLine())).append('.');
        }
        if (firstConsequence < related.size()) {
            sb.append(sentenceBreak(sb)).append(FindingView.FOLLOWED_BY_HEADING).append(": ");
            String separator = "";
            for (int i = firstConsequence; i < related.size(); i++) {
                if (related.get(i).followingRace()) {
                    sb.append(separator).append('[').append(escapeLinkText(related.get(i).message())).append("](")
                            .append(i + 1).append(')');
                    separator = "; ";
                }
            }
            sb.append('.');
        }
        String why = f.explanation();
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
    private static void writeCodeFlow(JsonWriter json, FindingView f, SourceLocator sources) throws IOException {
        List<Flow> flows = new ArrayList<>();
        for (AccessView a : f.accesses()) {
            flows.add(new Flow(a.heading() + " of " + a.location(), a.stack(), a.access().stackBase().isCut()));
        }
        for (AcquisitionView edge : f.acquisitions()) {
            flows.add(new Flow(edge.sentence(), edge.stack(), edge.acquisition().stackBase().isCut()));
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
                writeLocation(json, -1, flow.frames().get(i), flow.locationMessage(i), sources);
                json.field("nestingLevel", flow.frames().size() - 1 - i);
                json.endObject();
            }
            json.endArray();
            json.endObject();
        }
        json.endArray();
        json.endObject().endArray();
    }

    /** A thread flow; {@code cut}: its outermost frame was called by code racelock does not record. */
    private record Flow(String message, List<SourceSite> frames, boolean cut) {

        /** The innermost frame says what happened there; the outermost of a cut stack, that it is cut. */
        String locationMessage(int frame) {
            boolean outermostOfCut = cut && frame == frames.size() - 1;
            if (frame == 0) {
                return outermostOfCut ? message + "; " + FindingWords.stackCut() : message;
            }
            return outermostOfCut ? FindingWords.stackCut() : null;
        }
    }
}
