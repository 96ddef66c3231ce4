package dev.proctor.stats.io;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-item scores from any tool: one number per line, items in the same order in every file compared. Blank lines
 * are skipped; anything else that is not a finite number (NaN and Infinity included) is an error naming the line.
 */
public final class ScoreFile {
    private ScoreFile() {
    }

    public static double[] read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProctorException("cannot read score file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        double[] out = new double[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isEmpty()) {
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, i + 1, "expected one number per line, found '" + text + "'");
            }
            if (!Double.isFinite(value)) {
                // a NaN would pass every comparison as false and make a test look significant
                throw new DataFormatException(file, i + 1, "expected a finite number, found '" + text + "'");
            }
            out[n++] = value;
        }
        if (n == 0) {
            throw new DataFormatException(file, 0, "no scores in the file");
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
