package dev.racelock.report.html;

import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.report.ReportFormat;
import dev.racelock.report.SampleFindings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    static String html(AnalysisResult result) {
        return SampleFindings.render(result, ReportFormat.HTML, SampleFindings.options(Path.of(".")));
    }

    @Test
    void showsEveryFindingAsASectionWithItsTitle() {
        String page = html(SampleFindings.result());
        // the badge names the type, so a title that starts with it goes on after it
        assertTrue(page.contains("</span> lock-order cycle of 2 locks</a>"), page);
        assertTrue(page.contains("</span> DEADLOCK: 2 threads blocked in a cycle</a>"), page); // badge: observed deadlock
        assertTrue(page.contains("id=\"finding-"), page);
        assertTrue(page.contains("</span> on Counter.hits</a>"), page);
        assertFalse(page.contains("</span> DATA RACE"), "the type twice");
        assertFalse(page.contains("</span> POTENTIAL DEADLOCK"), "the type twice");
        assertEquals(3, page.split("<section class=\"finding ", -1).length - 1);
        assertTrue(page.contains("<section class=\"finding data-race\" id=\"finding-1\">"));
        assertTrue(page.contains("<section class=\"finding deadlock\" id=\"finding-2\">"));
    }

    /** The cut stack ends with the line saying so, marked for its style; the whole one has none. */
    @Test
    void closesACutStackWithALineSayingSo() {
        String page = html(new AnalysisResult(java.util.List.of("t.rlt"), java.util.List.of(SampleFindings.poolTaskRace()),
                10, java.util.List.of()));
        assertEquals(1, page.split("<li class=\"cut\">", -1).length - 1, page);
        assertTrue(page.contains(">Reaper.java:14</span></li><li class=\"cut\">"
                + "... called from code racelock does not record (excluded or JDK)</li></ol>"), page);
        assertFalse(html(SampleFindings.result()).contains("class=\"cut\""), "no stack of it is cut");
    }

    @Test
    void showsThePredictedRacesCriticalSections() {
        String page = html(new AnalysisResult(java.util.List.of("t.rlt"), java.util.List.of(SampleFindings.predictedRace()),
                10, java.util.List.of()));
        assertTrue(page.contains("<section class=\"finding predicted-race\" id=\"finding-1\">"), page);
        assertTrue(page.contains("<h3>Ordered in this run only by lock order</h3><ul><li>thread &quot;worker-1&quot;"
                + " held Registry.lock from Config.java:11 to Config.java:13, first</li>"), page);
    }

    @Test
    void summarizesAtTheTop() {
        String page = html(SampleFindings.result());
        int summary = page.indexOf("class=\"summary\"");
        assertTrue(summary > 0 && summary < page.indexOf("<main>"));
        assertTrue(page.contains("1 data race, 1 potential deadlock, 1 observed deadlock (3 findings)"), page);
        assertTrue(page.contains("1,234,567"), page);
        assertTrue(page.contains("trace t-1234.rlt ends early"), "warnings are shown");
    }

    @Test
    void showsBothAccessesWithStacksLocksAndWhy() {
        String page = html(SampleFindings.result());
        assertTrue(page.contains("<h3>Write by thread &quot;worker-2&quot;</h3>"), page);
        assertTrue(page.contains("<h3>Previous read by thread &quot;worker-1&quot;</h3>"), page);
        assertTrue(page.contains("<span class=\"method\" title=\"com.acme.Worker.&lt;init&gt;\">Worker.&lt;init&gt;</span>"),
                "a frame shows the simple class name, the package on hover: " + page);
        assertTrue(page.contains(">Worker.java:9</span>"), page);
        assertTrue(page.contains("<code>Registry.lock</code> <span class=\"taken\">taken at <span class=\"frame\">"
                + "<span class=\"method\" title=\"com.acme.Worker.run\">Worker.run</span>"), page);
        assertTrue(page.contains("<strong>Why:</strong> thread &quot;worker-1&quot; holds Registry.lock, thread &quot;worker-2&quot;"
                + " holds no lock: no lock held in common and no hand-off between them."), page);
        assertTrue(page.contains("Seen 412 times"), page);
    }

    @Test
    void drawsALockCycleAsInlineSvg() {
        String page = html(SampleFindings.result());
        assertTrue(page.contains("<svg class=\"cycle-svg\""), page);
        assertTrue(page.contains("Cycle: <code>Bank.lockA -&gt; Bank.lockB -&gt; Bank.lockA</code>"), page);
        assertEquals(2, countMatches(page, "marker id=\"arrow-"), "one arrow marker per cycle diagram, ids unique");
    }

    @Test
    void namesTheJdkMethodAMonitorWasTakenInside() {
        String page = html(new AnalysisResult(java.util.List.of("t.rlt"),
                java.util.List.of(SampleFindings.deadlockInsideJdkCall()), 10, java.util.List.of()));
        assertTrue(page.contains("<h3>Thread &quot;t1&quot; acquired <code>Cache.TX</code> inside Transaction.deleteObserver</h3>"),
                page);
        assertTrue(page.contains("<h3>Thread &quot;t2&quot; acquired <code>Cache.CACHE</code></h3>"), page);
    }

    @Test
    void escapesEverythingFromTheTrace() {
        String page = html(SampleFindings.hostile());
        assertFalse(page.contains("<script"), "no markup from a thread name reaches the page");
        assertFalse(page.contains("<b>flag"), page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"), page);
        assertTrue(page.contains("on Evil.&lt;b&gt;flag&lt;/b&gt;"), page);
        assertTrue(page.contains("odd &lt;name&gt;.rlt"), page);
    }

    @Test
    void isSelfContainedWithoutScriptsOrNetwork() {
        String page = html(SampleFindings.result());
        assertFalse(page.contains("<script"));
        assertFalse(page.contains("<link"));
        assertFalse(page.contains("@import"));
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).find(), "nothing loaded from the network");
        assertFalse(Pattern.compile("url\\(\\s*['\"]?(https?:)?//").matcher(page).find());
        assertTrue(page.contains("<style>"));
    }

    @Test
    void saysSoWhenClean() {
        String page = html(SampleFindings.clean());
        assertTrue(page.contains("No races or deadlocks found"), page);
        assertFalse(page.contains("<section"), page);
    }

    private static int countMatches(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
