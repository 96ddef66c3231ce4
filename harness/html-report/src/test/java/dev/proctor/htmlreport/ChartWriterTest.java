package dev.proctor.htmlreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.htmlreport.charts.ChartFile;
import dev.proctor.htmlreport.charts.ChartWriter;
import dev.proctor.htmlreport.charts.Charts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts land as SVG and PNG under file-safe, unique names, the SVG inlined as written. */
class ChartWriterTest {
    @Test
    void aChartIsWrittenTwiceAndInlinedOnce(@TempDir Path dir) throws Exception {
        ChartWriter writer = new ChartWriter(dir);
        List<String> labels = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta");
        double[] v = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
        double[] lo = {0.85, 0.7, 0.6, 0.5, 0.4, 0.3, Double.NaN};
        double[] hi = {0.95, 0.9, 0.8, 0.7, 0.6, 0.5, Double.NaN};
        ChartFile a = writer.write("Task: acc / subject", Charts.intervals("t", "acc", labels, v, lo, hi));
        ChartFile b = writer.write("Task: acc / subject", Charts.intervals("t", "acc", labels, v, lo, hi));
        assertEquals("task-acc-subject", a.name());
        assertEquals("task-acc-subject-2", b.name());
        assertTrue(Files.size(a.png()) > 1000);
        assertTrue(a.inlineSvg().startsWith("<svg"));
        assertEquals(Files.readString(a.svg()).substring(Files.readString(a.svg()).indexOf("<svg")), a.inlineSvg());
    }
}
