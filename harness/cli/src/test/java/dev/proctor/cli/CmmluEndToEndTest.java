package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.testkit.SharedFolder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CMMLU release through the real model: every one of the 67 subjects loads, renders, scores and
 * aggregates (two items each, to keep the suite fast; the full 11,582-question run is in the README).
 */
class CmmluEndToEndTest {

    @Test
    void everySubjectRunsAndAggregatesMacroAndMicroPerCategory(@TempDir Path out) {
        Path cmmlu = SharedFolder.require("data/" + "cmmlu");
        CliRun run = CliRun.of("run", "--tasks", "cmmlu", "--data-dir", cmmlu.toString(), "--limit", "2",
                "--shots", "5", "--resamples", "200", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode results = Samples.results(out);
        assertEquals(67, results.at("/results/subjects").size());
        Set<String> groups = new HashSet<>();
        for (JsonNode g : results.at("/results/groups")) {
            groups.add(g.get("group").asText() + "/" + g.get("averaging").asText());
        }
        for (String category : new String[] {"STEM", "Humanities", "Social Science", "Other", "China specific", "overall"}) {
            assertTrue(groups.contains(category + "/macro") && groups.contains(category + "/micro"), category + " in " + groups);
        }
        assertEquals(134, Samples.overall(results, "cmmlu", "micro").get("n").asInt());
        // 67 dev files (for the shots) and 67 test files: every file read is hashed into the provenance.
        assertEquals(134, results.at("/provenance/dataFiles").size());
        for (JsonNode sample : Samples.read(out).values()) {
            assertTrue(sample.at("/facts/shotsUsed").asInt() <= 5);
        }
    }
}
