package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.report.view.FindingWords;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a suppression file (docs/cli.md, "Suppression file"). A finding matches when it
 * has the rule's type and every matcher the rule gives matches it:
 * <ul>
 *   <li>{@code class}: the class of either access's site or any acquisition's site, or the class
 *       declaring the raced field; tried on the qualified and the simple name;</li>
 *   <li>{@code field}: the raced location, whole ({@code Counter.hits}) or its last part ({@code hits});</li>
 *   <li>{@code method}: any frame ({@code com.acme.Counter.increment}) of any access's or acquisition's stack;</li>
 *   <li>{@code fingerprint}: the finding's fingerprint, exactly.</li>
 * </ul>
 *
 * @param file        the file the rule came from, for messages
 * @param line        its line number
 * @param type        the finding type, or null for any ({@code *})
 * @param reason      why this is acceptable: mandatory, so every suppression is reviewable
 */
public record SuppressionRule(String file, int line, FindingType type, Glob classGlob, Glob fieldGlob,
                              Glob methodGlob, String fingerprint, String reason) {

    public boolean matches(Finding finding) {
        return (type == null || type == finding.type())
                && (fingerprint == null || fingerprint.equals(finding.fingerprint()))
                && (classGlob == null || classesOf(finding).stream().anyMatch(this::matchesClass))
                && (fieldGlob == null || matchesField(finding.location()))
                && (methodGlob == null || framesOf(finding).stream().anyMatch(s -> methodGlob.matches(s.qualifiedMethod())));
    }

    /** {@code suppressions.txt:3}, how messages point at this rule. */
    public String where() {
        return file + ":" + line;
    }

    private boolean matchesClass(String className) {
        int dot = className.lastIndexOf('.');
        return classGlob.matches(className) || (dot >= 0 && classGlob.matches(className.substring(dot + 1)));
    }

    private boolean matchesField(MemoryLocation location) {
        if (location == null) {
            return false;
        }
        String shown = FindingWords.location(location);
        return fieldGlob.matches(shown) || (location.field() != null && fieldGlob.matches(location.field()));
    }

    private static List<String> classesOf(Finding finding) {
        List<String> classes = new ArrayList<>();
        for (Access a : finding.accesses()) {
            addSiteClass(classes, a.site());
        }
        MemoryLocation location = finding.location();
        if (location != null && !location.isArrayElement() && location.className() != null) {
            classes.add(location.className());
        }
        for (LockAcquisition l : finding.cycle()) {
            addSiteClass(classes, l.acquiredAt());
        }
        return classes;
    }

    private static void addSiteClass(List<String> classes, SourceSite site) {
        if (site != null && site.className() != null) {
            classes.add(site.className());
        }
    }

    private static List<SourceSite> framesOf(Finding finding) {
        List<SourceSite> frames = new ArrayList<>();
        for (Access a : finding.accesses()) {
            if (a.site() != null) {
                frames.add(a.site());
            }
            frames.addAll(a.stack());
        }
        for (LockAcquisition l : finding.cycle()) {
            if (l.acquiredAt() != null) {
                frames.add(l.acquiredAt());
            }
            frames.addAll(l.stack());
        }
        return frames;
    }
}
