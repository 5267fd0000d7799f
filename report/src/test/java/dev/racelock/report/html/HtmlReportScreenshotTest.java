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

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders the sample report in headless Chromium from a file URL with background networking
 * disabled, and checks a real page came out (the page has no script: {@link HtmlReportTest}
 * asserts that; turning scripts off in Chromium also breaks its headless screenshot).
 * The page and the screenshot stay in {@code target/html-report/} for a human to look at. Without
 * Chromium the test is skipped, except in CI ({@code CI=true}) where .ci/run installs it.
 */
class HtmlReportScreenshotTest {

    private static final Path OUT = Path.of("target", "html-report");

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

        Path log = OUT.resolve("chromium.log");
        Process process = new ProcessBuilder(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath(), "--screenshot=" + png, "--window-size=1200,1600",
                page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 120 s; see " + log);
        }
        assertTrue(Files.isRegularFile(png), "no screenshot; chromium said: " + Files.readString(log));
        assertTrue(Files.size(png) > 20_000, "screenshot is suspiciously small: " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 1000 && image.getHeight() >= 1000, image.getWidth() + "x" + image.getHeight());
        assertTrue(distinctColours(image) > 20, "the page rendered as a blank image");
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
