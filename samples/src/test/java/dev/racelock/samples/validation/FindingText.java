package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.report.view.FindingWords;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Findings in the short form of the result table, shaped like {@link ExpectedFinding#describe()}. */
final class FindingText {

    private FindingText() {}

    /**
     * e.g. {@code race LostUpdate.hits (write:16, read:16)} or {@code deadlock {A, B} (20, 29)}:
     * lines in the file of the finding's first site, {@code File.java:line} for any other file.
     */
    static String describe(Finding f) {
        SourceSite first = f.accesses().isEmpty()
                ? (f.cycle().isEmpty() ? null : f.cycle().get(0).acquiredAt())
                : f.accesses().get(0).site();
        String file = first == null ? null : first.file();
        if (!f.accesses().isEmpty()) {
            Set<String> locations = new LinkedHashSet<>();
            f.accesses().forEach(a -> locations.add(FindingWords.accessedLocation(f.location(), a)));
            return "race " + String.join(" / ", locations) + " ("
                    + f.accesses().stream().map(a -> a.kind().word() + ":" + line(a.site(), file)).collect(Collectors.joining(", ")) + ")"
                    + (f.classification() == null ? "" : " [" + f.classification().id() + "]");
        }
        Set<String> locks = new LinkedHashSet<>();
        f.cycle().forEach(c -> locks.add(FindingWords.lock(c.lock())));
        return f.type().id() + " {" + String.join(", ", locks) + "} ("
                + f.cycle().stream().map(c -> line(c.acquiredAt(), file)).collect(Collectors.joining(", ")) + ")";
    }

    static String describeAll(List<Finding> findings) {
        return findings.isEmpty() ? "none" : findings.stream().map(FindingText::describe).collect(Collectors.joining("; "));
    }

    private static String line(SourceSite site, String file) {
        if (site == null) {
            return "?";
        }
        boolean sameFile = site.file() != null && site.file().equals(file);
        return sameFile && site.line() >= 0 ? String.valueOf(site.line()) : site.fileAndLine();
    }
}
