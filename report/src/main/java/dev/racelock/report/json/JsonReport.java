package dev.racelock.report.json;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.TestRef;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.RelaxedOrder;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StackBase;
import dev.racelock.analyzer.finding.ThreadRef;
import dev.racelock.report.view.FindingView;
import dev.racelock.report.view.FindingWords;
import dev.racelock.report.view.ReportRun;
import dev.racelock.report.view.ReportVisitor;
import dev.racelock.report.view.ResultSummary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable report: the whole findings model as JSON, field by field as documented in
 * {@code docs/report-json.md} and checked by {@code report.schema.json} beside this class.
 * Unknown values are {@code null}, never omitted, so consumers see one shape.
 */
public final class JsonReport implements ReportVisitor {

    /** Bumped on any incompatible change of the document's shape. */
    public static final int FORMAT_VERSION = 2;

    private final JsonWriter json;

    public JsonReport(Writer out) {
        this.json = new JsonWriter(out);
    }

    @Override
    public void visitRun(ReportRun run) throws IOException {
        json.beginObject();
        json.field("tool", "racelock");
        json.field("version", run.toolVersion());
        json.field("formatVersion", FORMAT_VERSION);
        json.name("traces").beginArray();
        for (String trace : run.result().traces()) {
            json.value(trace);
        }
        json.endArray();
        writeSummary(json, run.result(), run.summary());
        json.name("findings").beginArray();
    }

    @Override
    public void visitFinding(FindingView finding) throws IOException {
        writeFinding(json, finding);
    }

    @Override
    public void visitEnd() throws IOException {
        json.endArray();
        json.endObject();
        json.finish();
    }

    private static void writeSummary(JsonWriter json, AnalysisResult result, ResultSummary summary) throws IOException {
        json.name("summary").beginObject();
        json.field("findings", summary.total());
        json.name("counts").beginObject();
        for (FindingType type : FindingType.values()) {
            json.field(type.id(), summary.count(type));
        }
        json.endObject();
        json.field("events", result.events());
        json.name("warnings").beginArray();
        for (String w : result.warnings()) {
            json.value(w);
        }
        json.endArray();
        json.endObject();
    }

    private static void writeTest(JsonWriter json, TestRef test) throws IOException {
        json.objectOrNull(test, t -> {
            json.field("name", t.name());
            json.field("uniqueId", t.uniqueId());
            json.field("className", t.className());
            json.field("methodName", t.methodName());
            json.field("displayName", t.displayName());
        });
    }

    private static void writeFinding(JsonWriter json, FindingView view) throws IOException {
        Finding f = view.finding();
        json.beginObject();
        json.field("type", f.type().id());
        json.field("fingerprint", f.fingerprint());
        json.field("title", view.title());
        json.field("message", view.message());
        json.field("explanation", view.explanation());
        json.field("classification", id(f.classification()));
        json.field("occurrences", f.occurrences());
        writeTest(json.name("test"), f.test());
        writeLocation(json.name("location"), f.location());
        json.name("pairs").beginArray();
        for (RacePair p : f.pairs()) {
            json.beginObject();
            json.field("classification", id(p.classification()));
            json.field("occurrences", p.occurrences());
            json.field("explanation", FindingWords.raceExplanation(p));
            json.name("accesses").beginArray();
            writeAccess(json, f.location(), p.earlier());
            writeAccess(json, f.location(), p.later());
            json.endArray();
            if (p.relaxed() != null) {
                writeRelaxedOrder(json, p.relaxed());
            }
            if (!p.followedBy().isEmpty()) {
                json.name("followedBy").beginArray();
                for (ConsequentRace c : p.followedBy()) {
                    json.beginObject();
                    writeLocation(json.name("location"), c.location());
                    json.field("occurrences", c.occurrences());
                    json.name("accesses").beginArray();
                    writeAccess(json, c.location(), c.earlier());
                    writeAccess(json, c.location(), c.later());
                    json.endArray();
                    json.endObject();
                }
                json.endArray();
            }
            json.endObject();
        }
        json.endArray();
        json.name("cycle").beginArray();
        for (LockAcquisition e : f.cycle()) {
            json.beginObject();
            writeLock(json.name("lock"), e.lock());
            writeThread(json.name("thread"), e.thread());
            writeSite(json.name("acquiredAt"), e.acquiredAt());
            if (e.takenInside() != null) {
                json.field("takenInside", e.takenInside());
            }
            writeStack(json.name("stack"), e.stack());
            json.field("stackBase", stackBase(e.stackBase()));
            writeHeldLocks(json.name("heldLocks"), e.heldLocks());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** A predicted race's two critical sections, whose order hid it in this run. */
    private static void writeRelaxedOrder(JsonWriter json, RelaxedOrder r) throws IOException {
        json.name("relaxedOrder").beginObject();
        writeLock(json.name("lock"), r.lock());
        json.name("first").beginObject();
        writeThread(json.name("thread"), r.releasingThread());
        writeSite(json.name("takenAt"), r.releasingTaken());
        writeSite(json.name("releasedAt"), r.releasingFreed());
        json.endObject();
        json.name("next").beginObject();
        writeThread(json.name("thread"), r.acquiringThread());
        writeSite(json.name("takenAt"), r.acquiringTaken());
        json.endObject();
        json.endObject();
    }

    private static String id(RaceClassification c) {
        return c == null ? null : c.id();
    }

    private static void writeLocation(JsonWriter json, MemoryLocation location) throws IOException {
        json.objectOrNull(location, l -> {
            json.field("text", FindingWords.location(l));
            json.field("kind", l.isArrayElement() ? "array-element" : l.isLibraryState() ? "library-state" : "field");
            json.field("class", l.className());
            json.field("field", l.field());
            writeSite(json.name("allocatedAt"), l.allocatedAt());
            if (l.isLibraryState()) {
                json.field("libraryClass", l.libraryClass());
            }
        });
    }

    private static void writeAccess(JsonWriter json, MemoryLocation location, Access a) throws IOException {
        json.beginObject();
        writeThread(json.name("thread"), a.thread());
        json.field("kind", a.kind().word());
        json.field("location", FindingWords.accessedLocation(location, a));
        json.field("index", a.index(), a.index() >= 0);
        writeSite(json.name("site"), a.site());
        writeStack(json.name("stack"), a.stack());
        json.field("stackBase", stackBase(a.stackBase()));
        writeHeldLocks(json.name("locksHeld"), a.locksHeld());
        if (a.calledMethod() != null) {
            json.field("calledMethod", a.calledMethod());
        }
        json.endObject();
    }

    private static void writeLock(JsonWriter json, LockRef l) throws IOException {
        json.beginObject();
        json.field("name", FindingWords.lock(l));
        json.field("kind", l.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        json.name("monitor").value(l.monitor());
        json.field("class", l.className());
        json.field("fieldOwner", l.fieldOwner());
        json.field("field", l.field());
        writeSite(json.name("site"), l.site());
        json.field("instance", l.instance(), l.instance() > 0);
        json.endObject();
    }

    private static void writeThread(JsonWriter json, ThreadRef thread) throws IOException {
        json.objectOrNull(thread, t -> {
            json.field("id", t.id());
            json.field("name", t.name());
            writeSite(json.name("createdAt"), t.createdAt());
        });
    }

    private static void writeSite(JsonWriter json, SourceSite site) throws IOException {
        json.objectOrNull(site, s -> {
            json.field("class", s.className());
            json.field("method", s.method());
            json.field("file", s.file());
            json.field("line", s.line(), s.line() >= 0);
        });
    }

    /** {@code thread-entry}, {@code unrecorded-caller} or {@code unknown} (docs/report-json.md). */
    private static String stackBase(StackBase base) {
        return base.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void writeStack(JsonWriter json, List<SourceSite> stack) throws IOException {
        json.beginArray();
        for (SourceSite s : stack) {
            writeSite(json, s);
        }
        json.endArray();
    }

    private static void writeHeldLocks(JsonWriter json, List<HeldLock> locks) throws IOException {
        json.beginArray();
        for (HeldLock l : locks) {
            json.beginObject();
            writeLock(json.name("lock"), l.lock());
            writeSite(json.name("acquiredAt"), l.acquiredAt());
            json.endObject();
        }
        json.endArray();
    }
}
