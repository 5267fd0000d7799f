package dev.racelock.report.html;

import dev.racelock.report.SampleFindings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders sample reports in headless Chromium from a file URL with background networking
 * disabled, at 1280 pixels wide: checks a real page came out, and that every frame's
 * {@code File.java:line} and every "taken at" line is visible inside its card, neither cut by a
 * scrolling box nor overflowing. The report has no script ({@link HtmlReportTest} asserts that);
 * the layout check loads a copy of it with a probe script added, and reads the probe's answer
 * from the DOM Chromium dumps. The pages and screenshots stay in {@code target/html-report/} for
 * a human to look at. Without Chromium the test is skipped, except in CI ({@code CI=true}) where
 * .ci/run installs it.
 */
class HtmlReportScreenshotTest {

    private static final Path OUT = Path.of("target", "html-report");
    private static final String WIDTH = "1280";

    /**
     * Counts the frame files, "taken at" and "created at" lines, and lists each one that sticks out
     * of its card or sits in a box narrower than its content that does not let it overflow visibly.
     */
    private static final String PROBE = """
            <script>
            const bad = [];
            const items = document.querySelectorAll('.file, .taken, .origin, .pairs li, .target');
            for (const e of items) {
              const r = e.getBoundingClientRect();
              const card = e.closest('article.side, section.finding').getBoundingClientRect();
              if (r.right > card.right + 0.5 || r.left < card.left - 0.5) bad.push('outside its card: ' + e.textContent);
              for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                if (p.scrollWidth > p.clientWidth + 1 && getComputedStyle(p).overflowX !== 'visible') {
                  bad.push('cut by a scrolling box: ' + e.textContent);
                  break;
                }
              }
            }
            document.body.setAttribute('data-probe', items.length + '|' + bad.join(' ~ '));
            </script>
            """;

    @TempDir
    Path profile;

    @Test
    void rendersAsANonTrivialPageInHeadlessChromium() throws Exception {
        Optional<String> chromium = chromium();
        if (chromium.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("chromium is not installed; CI must have it (see .ci/run)");
            }
            Assumptions.abort("chromium is not installed");
        }
        Files.createDirectories(OUT);
        Path page = OUT.resolve("report.html").toAbsolutePath();
        Files.writeString(page, HtmlReportTest.html(SampleFindings.result()));
        Path png = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);

        Path log = run(chromium.get(), "--screenshot=" + png, "--window-size=" + WIDTH + ",1600", page.toUri().toString());
        assertTrue(Files.isRegularFile(png), "no screenshot; chromium said: " + Files.readString(Path.of(log + ".err")));
        assertTrue(Files.size(png) > 20_000, "screenshot is suspiciously small: " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 1000 && image.getHeight() >= 1000, image.getWidth() + "x" + image.getHeight());
        assertTrue(distinctColours(image) > 20, "the page rendered as a blank image");
    }

    @Test
    void everyLineNumberAndTakenAtLineIsVisibleAt1280Pixels() throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent() || "true".equals(System.getenv("CI")), "chromium is not installed");
        Files.createDirectories(OUT);
        String html = HtmlReportTest.html(SampleFindings.fromATestSuite());
        Files.writeString(OUT.resolve("test-suite.html"), html);
        Path png = OUT.resolve("test-suite.png").toAbsolutePath();
        run(chromium.orElseThrow(), "--screenshot=" + png, "--window-size=" + WIDTH + ",1800",
                OUT.resolve("test-suite.html").toAbsolutePath().toUri().toString());
        Path probed = OUT.resolve("test-suite-probe.html").toAbsolutePath();
        Files.writeString(probed, html.replace("</body>", PROBE + "</body>"));
        Path dom = OUT.resolve("test-suite-probe.dom");
        Path log = run(chromium.get(), "--dump-dom", "--virtual-time-budget=5000", "--window-size=" + WIDTH + ",1800",
                probed.toUri().toString());
        Files.copy(log, dom, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Matcher m = Pattern.compile("data-probe=\"(\\d+)\\|([^\"]*)\"").matcher(Files.readString(dom));
        assertTrue(m.find(), "the probe did not run; see " + dom);
        assertTrue(Integer.parseInt(m.group(1)) >= 12, "too few lines probed: " + m.group(1));
        assertEquals("", m.group(2), "lines not fully visible at " + WIDTH + " px; see " + png);
    }

    /** Runs headless Chromium on a page; returns the file holding what it printed (its messages: beside it, {@code .err}). */
    private Path run(String chromium, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(profile, "chromium", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(chromium, "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile.resolve("profile").toAbsolutePath()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(Path.of(log + ".err").toFile())
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 120 s");
        }
        return log;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static Optional<String> chromium() throws IOException {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }
}
