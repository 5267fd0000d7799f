package dev.racelock.samples.validation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Renders the end-to-end outcome as a plain-text table: sample | expected | found | verdict, and a count per verdict. */
final class ResultTable {

    private static final String[] HEADERS = {"sample", "expected", "found", "verdict"};

    private ResultTable() {}

    static String render(List<ResultRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        for (ResultRow r : rows) {
            String verdict = r.note().isEmpty() ? r.verdict().name() : r.verdict() + ": " + r.note();
            cells.add(new String[] {r.sample(), r.expected(), r.found(), verdict});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            for (int i = 0; i < row.length; i++) {
                sb.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]) + " | ");
            }
            sb.append('\n');
            if (r == 0) {
                for (int i = 0; i < widths.length - 1; i++) {
                    sb.append("-".repeat(widths[i])).append("-+-");
                }
                sb.append("-".repeat(HEADERS[HEADERS.length - 1].length())).append('\n');
            }
        }
        return sb.append(summary(rows)).append('\n').toString();
    }

    /** e.g. {@code 30 samples: 24 PASS, 0 FAIL, 6 PENDING, 0 ERROR}. */
    static String summary(List<ResultRow> rows) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        rows.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder().append(rows.size()).append(" samples:");
        counts.forEach((v, n) -> sb.append(v == Verdict.PASS ? " " : ", ").append(n).append(' ').append(v));
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
