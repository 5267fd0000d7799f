package dev.racelock.trace.std;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;
import dev.racelock.trace.TraceHeader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Imports the STD text format of RAPID and RV-Predict ({@code T0|w(V1)|12}), one event per line,
 * into the event model (docs/trace-format.md, "STD text format").
 *
 * <p>Names become dense ids in order of first appearance: threads (ThreadInfo named as in the
 * file), variables (static fields of owner {@code std}, object 0), locks (objects of class
 * {@code std.Lock}, ids from 1), hand-off tokens and methods. A location becomes the site of
 * that id: described by the site table beside the file when there is one ({@code <file>.sites},
 * as {@link StdTraceWriter} writes it), else in the synthetic method 0 ({@code std.location})
 * with the location as its line.
 * The file's order is the event order; STD has no sequence numbers.
 */
public final class StdTraceReader {

    /** Longer lines are rejected before they are held in memory. */
    static final int MAX_LINE_BYTES = 64 << 10;
    private static final long PROGRESS_EVERY = 1_000_000;
    /** Owner of the fields that stand for STD variables. */
    public static final String VARIABLE_OWNER = "std";
    /** Class of the objects that stand for STD locks. */
    public static final String LOCK_CLASS = "std.Lock";

    private final Path file;
    private final EventVisitor visitor;
    private final Map<String, Integer> threads = new HashMap<>();
    private final Map<String, Integer> fields = new HashMap<>();
    private final Map<String, Long> locks = new HashMap<>();
    private final Map<String, Long> tokens = new HashMap<>();
    private final Map<String, Integer> methods = new HashMap<>();
    private final Map<Integer, Boolean> sites = new HashMap<>();
    private StdSiteTable siteTable;

    private StdTraceReader(Path file, EventVisitor visitor) {
        this.file = file;
        this.visitor = visitor;
    }

    /** Reads {@code file} into {@code visitor}; a malformed line is a TraceFormatException naming it. */
    public static TraceEnd read(Path file, EventVisitor visitor) throws IOException {
        return read(file, visitor, ReadProgress.NONE);
    }

    /** As {@link #read(Path, EventVisitor)}, telling {@code progress} how far it got every million events. */
    public static TraceEnd read(Path file, EventVisitor visitor, ReadProgress progress) throws IOException {
        return new StdTraceReader(file, visitor).read(progress);
    }

    /** Whether the file's first non-blank line parses as an STD event. */
    public static boolean looksLikeStd(Path file) throws IOException {
        try (LineInput in = new LineInput(Files.newInputStream(file))) {
            String line;
            while ((line = in.next()) != null) {
                if (!line.isBlank()) {
                    return new StdLineParser().parse(line) == null;
                }
            }
            return false;
        } catch (TraceFormatException tooLong) {
            return false;
        }
    }

    private TraceEnd read(ReadProgress progress) throws IOException {
        long size = Files.size(file);
        StdLineParser parser = new StdLineParser();
        long events = 0;
        siteTable = StdSiteTable.besides(file);
        try (LineInput in = new LineInput(Files.newInputStream(file))) {
            visitor.header(new TraceHeader(0, -1, 0, "", "STD import of " + file.getFileName(), "", true, true));
            visitor.method(new MethodInfo(0, VARIABLE_OWNER, "location", "()V", null));
            methods.put("\0location", 0);
            String line;
            while ((line = nextLine(in)) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String problem = parser.parse(line);
                if (problem != null) {
                    throw malformed(in.lineNumber(), problem);
                }
                deliver(parser, in.lineNumber());
                events++;
                if (events % PROGRESS_EVERY == 0) {
                    progress.update(in.bytesRead(), size, events);
                }
            }
            progress.update(size, size, events);
        }
        TraceEnd end = new TraceEnd(events, true, null);
        visitor.end(end);
        return end;
    }

    private String nextLine(LineInput in) throws IOException {
        try {
            return in.next();
        } catch (TraceFormatException tooLong) {
            throw malformed(in.lineNumber(), tooLong.getMessage());
        }
    }

    private void deliver(StdLineParser p, long lineNumber) throws TraceFormatException {
        int thread = thread(p.thread, -1, -1);
        int site = site(p.location);
        switch (p.op) {
            case "r" -> visitor.read(thread, 0, field(p.target, false, lineNumber), site);
            case "w" -> visitor.write(thread, 0, field(p.target, false, lineNumber), site);
            case "acq" -> visitor.lockAcquire(thread, lock(p.target, lineNumber), site, 0);
            case "rel" -> visitor.lockRelease(thread, lock(p.target, lineNumber), site, 0);
            case "req" -> visitor.lockRequest(thread, lock(p.target, lineNumber), site, 0);
            case "fork" -> visitor.threadStart(thread, thread(required(p.target, lineNumber), thread, site), site);
            case "join" -> visitor.threadJoin(thread, thread(required(p.target, lineNumber), -1, -1), site);
            // racelock extensions (docs/trace-format.md, "STD extensions")
            case "vr" -> visitor.volatileRead(thread, 0, field(p.target, true, lineNumber), site);
            case "vw" -> visitor.volatileWrite(thread, 0, field(p.target, true, lineNumber), site);
            case "hbr" -> visitor.hbRelease(thread, token(p.target, lineNumber), site);
            case "hba" -> visitor.hbAcquire(thread, token(p.target, lineNumber), site);
            case "enter" -> visitor.methodEnter(thread, method(p.target, lineNumber), site);
            case "exit" -> visitor.methodExit(thread);
            case "begin" -> visitor.threadBegin(thread);
            case "end" -> visitor.threadEnd(thread);
            default -> throw malformed(lineNumber, "unknown operation \"" + p.op + "\"");
        }
    }

    private int thread(String name, int parent, int creationSite) {
        Integer id = threads.get(name);
        if (id == null) {
            id = threads.size();
            threads.put(name, id);
            visitor.thread(new ThreadInfo(id, name, parent, creationSite, false));
        }
        return id;
    }

    private int field(String name, boolean isVolatile, long lineNumber) throws TraceFormatException {
        Integer id = fields.get(required(name, lineNumber));
        if (id == null) {
            id = fields.size();
            fields.put(name, id);
            visitor.field(new FieldInfo(id, VARIABLE_OWNER, name, "I", isVolatile, true));
        }
        return id;
    }

    private long lock(String name, long lineNumber) throws TraceFormatException {
        Long id = locks.get(required(name, lineNumber));
        if (id == null) {
            id = (long) locks.size() + 1;
            locks.put(name, id);
            visitor.object(new ObjectInfo(id, LOCK_CLASS, -1, -1));
        }
        return id;
    }

    private long token(String name, long lineNumber) throws TraceFormatException {
        return tokens.computeIfAbsent(required(name, lineNumber), n -> (long) tokens.size() + 1);
    }

    private int method(String name, long lineNumber) throws TraceFormatException {
        Integer id = methods.get(required(name, lineNumber));
        if (id == null) {
            id = methods.size();
            methods.put(name, id);
            visitor.method(new MethodInfo(id, VARIABLE_OWNER, name, "()V", null));
        }
        return id;
    }

    /** A negative location means "unknown" (site -1), as in the event model. */
    private int site(int location) {
        if (location < 0) {
            return -1;
        }
        if (sites.putIfAbsent(location, Boolean.TRUE) == null) {
            StdSiteTable.Entry where = siteTable.get(location);
            if (where == null) {
                visitor.site(new SiteInfo(location, 0, location));
            } else {
                String key = "\0site:" + where.className() + "." + where.method() + "(" + where.file();
                Integer method = methods.get(key);
                if (method == null) {
                    method = methods.size();
                    methods.put(key, method);
                    visitor.method(new MethodInfo(method, where.className(), where.method(), "", where.file()));
                }
                visitor.site(new SiteInfo(location, method, where.line()));
            }
        }
        return location;
    }

    private String required(String target, long lineNumber) throws TraceFormatException {
        if (target.isEmpty()) {
            throw malformed(lineNumber, "missing target");
        }
        return target;
    }

    private TraceFormatException malformed(long lineNumber, String why) {
        return new TraceFormatException(file + ":" + lineNumber + ": malformed STD line: " + why);
    }

    /**
     * Lines of at most {@link #MAX_LINE_BYTES} bytes, ended by LF, CRLF or the end of input;
     * a longer line is refused before it is held, so a hostile file cannot exhaust memory.
     */
    static final class LineInput implements AutoCloseable {
        private final InputStream in;
        private final byte[] line = new byte[MAX_LINE_BYTES];
        private long lineNumber;
        private long bytesRead;

        LineInput(InputStream in) {
            this.in = new BufferedInputStream(in, 1 << 16);
        }

        long lineNumber() {
            return lineNumber;
        }

        long bytesRead() {
            return bytesRead;
        }

        String next() throws IOException {
            int length = 0;
            int b;
            boolean any = false;
            while ((b = in.read()) >= 0) {
                any = true;
                bytesRead++;
                if (b == '\n') {
                    break;
                }
                if (length == line.length) {
                    lineNumber++;
                    throw new TraceFormatException("line longer than " + MAX_LINE_BYTES + " bytes");
                }
                line[length++] = (byte) b;
            }
            if (!any) {
                return null;
            }
            lineNumber++;
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            return new String(line, 0, length, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
