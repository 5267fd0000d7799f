package dev.racelock.bench.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The table of {@code bench/workloads.sh}: reads the runs it recorded (one tab-separated line per
 * run, {@link Run}) and prints, per workload and configuration, medians over the rounds and their
 * ratios to the median of the run without the agent ({@value #PLAIN}) of the same workload.
 *
 * <p>Time to answer is the recorded JVM's wall time plus the wall time of {@code racelock analyze}
 * on its trace, against the plain JVM's wall time; the analyzer's rate is the events the analysis
 * reported divided by its wall time (JVM start included), and divided by the CPU time of the
 * analyzing JVM (user + system, every thread: the figure that neighbours on a shared machine
 * change least).
 *
 * <p>Usage: {@code WorkloadTable runs.tsv [table.md]}: a text table on standard output and, when
 * a second file is named, the same as a Markdown table there.
 */
public final class WorkloadTable {

    static final String PLAIN = "plain";

    /**
     * One run: {@code round workload config exit work_ms wall_s rss_kb trace_bytes analyze_exit
     * analyze_s analyze_rss_kb events findings [analyze_cpu_s]}; a field not measured is {@code -}.
     */
    record Run(String workload, String config, boolean ok, double workMillis, double wallSeconds, double rssKb,
               double traceBytes, boolean analyzed, double analyzeSeconds, double events, double findings,
               double analyzeCpuSeconds) {

        static Run parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length < 13) {
                throw new IllegalArgumentException("expected 13 tab-separated fields: " + line);
            }
            boolean analyzed = f[8].equals("0") || f[8].equals("1");
            return new Run(f[1], f[2], f[3].equals("0"), number(f[4]), number(f[5]), number(f[6]), number(f[7]),
                    analyzed, analyzed ? number(f[9]) : Double.NaN, analyzed ? number(f[11]) : Double.NaN,
                    analyzed ? number(f[12]) : Double.NaN,
                    analyzed && f.length > 13 ? number(f[13]) : Double.NaN);
        }

        private static double number(String s) {
            return s.isEmpty() || s.equals("-") ? Double.NaN : Double.parseDouble(s);
        }
    }

    /** One row of the table: the medians of one workload's runs in one configuration. */
    record Row(String workload, String config, int runs, int failed, double workMillis, double wallSeconds,
               double rssKb, double traceBytes, double analyzeSeconds, double events, double findings,
               double analyzeCpuSeconds) {

        static Row of(List<Run> runs) {
            List<Run> ok = runs.stream().filter(Run::ok).toList();
            List<Run> analyzed = ok.stream().filter(Run::analyzed).toList();
            Run first = runs.get(0);
            return new Row(first.workload(), first.config(), runs.size(), runs.size() - ok.size(),
                    median(ok, Run::workMillis), median(ok, Run::wallSeconds), median(ok, Run::rssKb),
                    median(ok, Run::traceBytes), median(analyzed, Run::analyzeSeconds),
                    median(analyzed, Run::events), median(analyzed, Run::findings),
                    median(analyzed, Run::analyzeCpuSeconds));
        }

        double eventsPerSecond() {
            return events / analyzeSeconds;
        }

        double eventsPerCpuSecond() {
            return events / analyzeCpuSeconds;
        }
    }

    static final String[] HEADINGS = {"workload", "config", "work ms", "work", "answer", "peak RSS MB", "RSS",
        "trace MB", "events", "analysis s", "events/s", "events/CPU-s", "findings", "runs"};

    private WorkloadTable() {}

    public static void main(String[] args) throws IOException {
        List<Row> rows = rows(Files.readAllLines(Path.of(args[0])));
        print(rows, false, System.out);
        if (args.length > 1) {
            try (PrintStream md = new PrintStream(Files.newOutputStream(Path.of(args[1])), true, "UTF-8")) {
                print(rows, true, md);
            }
        }
    }

    /** The rows in the order workloads and configurations first appear in the runs. */
    static List<Row> rows(List<String> lines) {
        Map<String, List<Run>> byKey = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Run run = Run.parse(line);
            byKey.computeIfAbsent(run.workload() + "\t" + run.config(), k -> new ArrayList<>()).add(run);
        }
        Map<String, List<Row>> byWorkload = new LinkedHashMap<>();
        for (List<Run> runs : byKey.values()) {
            Row row = Row.of(runs);
            byWorkload.computeIfAbsent(row.workload(), k -> new ArrayList<>()).add(row);
        }
        return byWorkload.values().stream().flatMap(List::stream).toList();
    }

    static void print(List<Row> rows, boolean markdown, PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            Row plain = rows.stream().filter(p -> p.workload().equals(r.workload()) && p.config().equals(PLAIN))
                    .findFirst().orElse(null);
            cells.add(cells(r, plain));
        }
        if (markdown) {
            out.println("| " + String.join(" | ", HEADINGS) + " |");
            out.println("|" + "---|".repeat(HEADINGS.length));
            for (String[] c : cells) {
                out.println("| " + String.join(" | ", c) + " |");
            }
            return;
        }
        int[] width = new int[HEADINGS.length];
        for (int i = 0; i < width.length; i++) {
            width[i] = HEADINGS[i].length();
            for (String[] c : cells) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        out.println(line(HEADINGS, width));
        for (String[] c : cells) {
            out.println(line(c, width));
        }
    }

    static String[] cells(Row r, Row plain) {
        boolean recorded = !r.config().equals(PLAIN);
        double answerSeconds = recorded ? r.wallSeconds() + r.analyzeSeconds() : r.wallSeconds();
        return new String[] {
            r.workload(),
            r.config(),
            format("%.0f", r.workMillis()),
            ratio(r.workMillis(), plain == null ? Double.NaN : plain.workMillis()),
            ratio(answerSeconds, plain == null ? Double.NaN : plain.wallSeconds()),
            format("%.0f", r.rssKb() / 1024),
            ratio(r.rssKb(), plain == null ? Double.NaN : plain.rssKb()),
            recorded ? format("%.1f", r.traceBytes() / 1e6) : "-",
            recorded ? count(r.events()) : "-",
            recorded ? format("%.1f", r.analyzeSeconds()) : "-",
            recorded ? count(r.eventsPerSecond()) : "-",
            recorded ? count(r.eventsPerCpuSecond()) : "-",
            recorded ? format("%.0f", r.findings()) : "-",
            r.failed() == 0 ? Integer.toString(r.runs()) : r.runs() + " (" + r.failed() + " failed)",
        };
    }

    static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        double[] v = runs.stream().mapToDouble(value).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String ratio(double value, double base) {
        return format("%.2fx", value / base);
    }

    /** A count with a unit prefix: 1.2M, 340k. */
    private static String count(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            return "-";
        }
        if (n >= 1e9) {
            return format("%.2fG", n / 1e9);
        }
        if (n >= 1e6) {
            return format("%.1fM", n / 1e6);
        }
        return n >= 1e4 ? format("%.0fk", n / 1e3) : format("%.0f", n);
    }

    private static String format(String pattern, double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, pattern, value);
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            b.append(i < 2 ? cells[i] + pad : pad + cells[i]);
        }
        return b.toString().stripTrailing();
    }
}
