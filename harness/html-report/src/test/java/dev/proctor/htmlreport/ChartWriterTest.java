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
        List<Charts.Interval> rows = List.of(new Charts.Interval("alpha", 0.9, 0.85, 0.95),
                new Charts.Interval("beta", 0.8, 0.7, 0.9), new Charts.Interval("eta", 0.3, Double.NaN, Double.NaN));
        ChartFile a = writer.write("Task: acc / subject", Charts.intervals("t", "acc", rows));
        ChartFile b = writer.write("Task: acc / subject", Charts.intervals("t", "acc", rows));
        assertEquals("task-acc-subject", a.name());
        assertEquals("task-acc-subject-2", b.name());
        assertTrue(Files.size(a.png()) > 1000);
        assertTrue(a.inlineSvg().startsWith("<svg"));
        assertEquals(Files.readString(a.svg()).substring(Files.readString(a.svg()).indexOf("<svg")), a.inlineSvg());
    }
}
