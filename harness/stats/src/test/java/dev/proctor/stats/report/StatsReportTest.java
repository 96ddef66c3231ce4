package dev.proctor.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.stats.paired.McNemar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class StatsReportTest {

    @Test
    void writesTablesJsonAndMarkdownWithProvenance(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("a.txt"), "1\n0\n");
        var params = StatsJson.MAPPER.createObjectNode().put("seed", 7);
        StatsProvenance p = StatsProvenance.of("stats paired", List.of("a.txt", "b.txt"), params,
                List.of(InputRef.file("A", input)));
        assertTrue(p.reportId().matches("stats-paired-[0-9a-f]{10}"));
        StatsReport report = new StatsReport("t", p)
                .table("numbers", Table.create("n", DoubleColumn.create("x", new double[] {0.5, Double.NaN})))
                .result("mcnemar", StatsJson.mcnemar(McNemar.of(0, 0)))
                .note("a note");
        Path out = report.writeTo(dir.resolve("out"));
        for (String f : List.of("numbers.csv", "numbers.md", StatsReport.JSON, StatsReport.MARKDOWN)) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode json = StatsJson.MAPPER.readTree(out.resolve(StatsReport.JSON).toFile());
        assertEquals(7, json.at("/provenance/parameters/seed").asInt());
        assertTrue(json.at("/provenance/inputs/0/sha256/a.txt").asText().matches("[0-9a-f]{64}"));
        assertTrue(json.at("/provenance/harness/version").isTextual());
        JsonNode mcnemar = json.at("/results/mcnemar");
        assertTrue(mcnemar.get("pvalue").isNull(), "no discordant pairs: no p-value, " + mcnemar);
        assertTrue(mcnemar.get("undefined").asText().contains("b = c = 0"), mcnemar.toString());
        assertEquals("Infinity", mcnemar.at("/statsmodels_raw/statsmodels_chi2_continuity/statistic").asText(),
                "statsmodels' own numbers kept, labelled, as the peers write them");
        assertEquals(0.0, mcnemar.at("/statsmodels_raw/statsmodels_chi2_continuity/pvalue").asDouble());
        assertTrue(Files.readString(out.resolve(StatsReport.MARKDOWN)).contains("| x |"));
    }
}
