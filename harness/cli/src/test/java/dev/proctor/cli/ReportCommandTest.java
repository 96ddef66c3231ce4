package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code proctor report} on real runs (the bundled suite on three embedded models; MGT and object detection for
 * their figures), opened in headless Chromium: the page loads with no console message (so no script error and no
 * request, which its Content-Security-Policy would have blocked and logged), and every chart has marks the browser
 * laid out. Screenshots go to {@code target/report-screenshots/} for a person to look at.
 */
class ReportCommandTest {
    private static final Path SHOTS = Path.of("target", "report-screenshots");
    private static final Pattern FIGURE = Pattern.compile("<figure id=\"([^\"]+)\"[^>]*?data-marks=\"(\\d+)\"");

    @TempDir
    static Path tmp;
    private static final List<Path> SUITE = new ArrayList<>();
    private static final List<Path> CHECKPOINTS = new ArrayList<>();
    private static Path mgt;
    private static Path detection;

    @BeforeAll
    static void runs() {
        for (String model : List.of("tiny-gpt", "tiny-gpt-seed2", "tiny-gpt-mix")) {
            Path out = tmp.resolve(model);
            run("run", "--no-progress", "--limit", "20", "--resamples", "300", "--model", "embedded:" + model,
                    "--out", out.toString());
            SUITE.add(out);
        }
        for (int step : new int[] {1400, 1600, 1800, 2000}) {
            Path out = tmp.resolve("step-" + step);
            run("run", "--no-progress", "--limit", "20", "--resamples", "100", "--model",
                    "embedded:tiny-gpt-checkpoints/step-0" + step, "--out", out.toString());
            CHECKPOINTS.add(out);
        }
        mgt = tmp.resolve("mgt");
        run("run", "--no-progress", "--tasks", "mgt:bundled-en", "--limit", "60", "--resamples", "300",
                "--out", mgt.toString());
        detection = tmp.resolve("detection");
        run("run", "--no-progress", "--tasks", "detection", "--limit", "60", "--resamples", "300", "--model",
                "embedded:shapes-detector", "--out", detection.toString());
    }

    @Test
    void oneRunsReportHasItsSummarySubjectsAndProvenance() throws Exception {
        Path out = tmp.resolve("one");
        run("report", SUITE.get(0).toString(), "--out", out.toString());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<th>acc</th>"), "the summary table");
        assertTrue(html.contains("modelSha256"), "the provenance");
        assertTrue(html.contains("every subject (5)"), "the subject table");
        assertCharts(out, 1);
        assertOpensOffline(out, "one-run");
    }

    @Test
    void severalRunsGetALeaderboardWithSwapProbabilities() throws Exception {
        Path out = tmp.resolve("three");
        List<String> args = new ArrayList<>(List.of("report"));
        SUITE.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--out", out.toString(), "--resamples", "500"));
        run(args.toArray(String[]::new));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<h2>Leaderboard</h2>"));
        assertTrue(html.contains("class=\"num best\"") || html.contains("class=\"best\""), "the best run is marked");
        assertTrue(count(html, "<td>synthetic</td>") >= 2, "two neighbour pairs among three runs");
        assertEquals(2, count(html, "<h3>Paired: tiny-gpt vs "), "the first run against each other one");
        assertCharts(out, 3);
        assertOpensOffline(out, "three-runs");
    }

    @Test
    void detectionTasksShowTheirFigures() throws Exception {
        Path out = tmp.resolve("figures");
        run("report", mgt.toString(), detection.toString(), "--out", out.toString());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("confusion matrix"), "MGT's confusion matrix");
        assertTrue(html.contains(": ROC"), "MGT's ROC");
        assertTrue(html.contains("precision-recall at IoU 0.5"), "detection's precision-recall curves");
        assertTrue(html.contains("AP is a corpus metric") || html.contains("not ranked"),
                "corpus metrics are not ranked item by item, and the page says so");
        assertOpensOffline(out, "figures");
    }

    @Test
    void mergedAgainstFinetunedAndSignalAndNoise() throws Exception {
        Path snr = tmp.resolve("snr");
        run("snr", "--signal", join(SUITE), "--noise", join(CHECKPOINTS), "--metric", "bpb", "--last", "3",
                "--out", snr.toString());
        Path out = tmp.resolve("merge-snr");
        // the embedded models stand in: tiny-gpt-mix as the merged model, the other two as each subject's specialist
        run("report", "--merged", SUITE.get(2).toString(), "--finetuned", "synthetic:geography_en=" + SUITE.get(0)
                + ",synthetic:science_zh=" + SUITE.get(1), "--snr", snr.toString(), "--out", out.toString());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<h2>Merged vs fine-tuned</h2>"));
        assertTrue(html.contains("<td>synthetic:geography_en</td>") && html.contains("<td>synthetic:science_zh</td>"));
        assertTrue(html.contains("average normalized accuracy"));
        assertTrue(html.contains("<h2>Signal and noise: snr</h2>"));
        assertTrue(html.contains("aggregate SNR of the k highest-SNR subtasks"), "the top-k curve");
        assertCharts(out, 4);
        assertOpensOffline(out, "merged-and-snr");
    }

    @Test
    void twoRetrieversGetPerQueryDistributionsAndAPerQueryScatter() throws Exception {
        Path bm25 = tmp.resolve("bm25");
        Path dense = tmp.resolve("minilm");
        run("run", "--no-progress", "--tasks", "retrieval:everyday-en", "--model", "bm25", "--resamples", "300",
                "--out", bm25.toString());
        run("run", "--no-progress", "--tasks", "retrieval:everyday-en", "--model", "embedded:minilm", "--resamples",
                "300", "--out", dense.toString());
        Path out = tmp.resolve("retrieval");
        run("report", bm25.toString(), dense.toString(), "--out", out.toString());
        String html = Files.readString(out.resolve("index.html"));
        assertEquals(2, count(html, "retrieval: ndcg_cut_10 per item (22 items)"), "each run's per-query spread");
        assertTrue(html.contains("ndcg_cut_10 per item: bm25 vs minilm"), "the per-query scatter");
        assertFalse(html.contains("Not compared"), "two runs of one data set are compared");
        assertOpensOffline(out, "retrieval");
    }

    @Test
    void theConsoleCheckCatchesARequestThePolicyBlocks() throws Exception {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no Chromium installed (apt-get install chromium): the browser checks skip");
        Path out = tmp.resolve("one-negative");
        run("report", SUITE.get(0).toString(), "--out", out.toString());
        Path page = out.resolve("index.html");
        Files.writeString(page, Files.readString(page).replace("<main>",
                "<main><img src=\"http://example.invalid/pixel.png\" alt=\"\">"));
        HeadlessChromium.Load load = chromium.get().load(page, tmp);
        assertFalse(load.console().isEmpty(), "a blocked request is logged to the console");
    }

    private static void assertCharts(Path out, int atLeast) throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            long svg = names.stream().filter(n -> n.endsWith(".svg")).count();
            long png = names.stream().filter(n -> n.endsWith(".png")).count();
            assertTrue(svg >= atLeast, names.toString());
            assertEquals(svg, png, "every chart as SVG and PNG: " + names);
        }
    }

    private static void assertOpensOffline(Path out, String name) throws Exception {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no Chromium installed (apt-get install chromium): the browser checks skip");
        Path page = out.resolve("index.html");
        HeadlessChromium.Load load = chromium.get().load(page, tmp);
        assertEquals(List.of(), load.console(), "console messages (script errors or blocked requests)");
        assertTrue(load.dom().contains("data-measured=\"yes\""), "the page's script ran");
        Matcher m = FIGURE.matcher(load.dom());
        int figures = 0;
        while (m.find()) {
            figures++;
            assertTrue(Integer.parseInt(m.group(2)) > 0, "chart " + m.group(1) + " has no drawn marks");
        }
        assertEquals(count(Files.readString(page), "<figure "), figures, "every figure measured");
        assertTrue(figures > 0);
        chromium.get().screenshot(page, SHOTS.resolve(name + ".png"), 1280, 2400, tmp);
    }

    private static void run(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r::toString);
    }

    private static String join(List<Path> paths) {
        return String.join(",", paths.stream().map(Path::toString).toList());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
