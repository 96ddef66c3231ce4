package dev.proctor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as the report tests drive it: load a page from a file, let its script run, and hand
 * back the DOM it left and every console message (Chromium logs them to stderr as {@code CONSOLE} lines: script
 * errors, and any request the page's Content-Security-Policy blocked); or take a screenshot.
 */
final class HeadlessChromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, if installed ({@code -Dproctor.chromium=PATH} first). */
    static Optional<HeadlessChromium> find() {
        String given = System.getProperty("proctor.chromium");
        List<String> paths = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            paths.add(given);
        }
        paths.addAll(CANDIDATES);
        return paths.stream().map(Path::of).filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /** What the browser left of a page: the DOM after its scripts and the console lines. */
    record Load(String dom, List<String> console) {
    }

    Load load(Path page, Path scratch) throws IOException, InterruptedException {
        Path err = scratch.resolve("chromium-" + System.nanoTime() + ".log");
        String dom = run(scratch, err, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                "--dump-dom", page.toUri().toString());
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(":CONSOLE")).toList();
        return new Load(dom, console);
    }

    void screenshot(Path page, Path png, int width, int height, Path scratch) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        run(scratch, scratch.resolve("chromium-shot.log"), "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString());
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private String run(Path scratch, Path err, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + scratch.resolve("chromium-profile")));
        command.addAll(List.of(args));
        Path out = scratch.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 120 s: " + command);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
