package dev.proctor.cli.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.core.select.TaskSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnrCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The hand-made example of SubtaskFilterTest: s2 and s1 are kept, s3 (no signal) is dropped. */
    @Test
    void csvTablesGiveSnrPerColumnAndAFilteredTaskList(@TempDir Path dir) throws Exception {
        Path models = Files.writeString(dir.resolve("models.csv"),
                "model,t:s1,t:s2,t:s3\nm1,.40,.42,.50\nm2,.50,.50,.49\nm3,.60,.58,.51\n");
        Path checkpoints = Files.writeString(dir.resolve("checkpoints.csv"),
                "step,t:s1,t:s2,t:s3\n50,.1,.1,.1\n100,.50,.51,.50\n200,.52,.49,.53\n300,.50,.51,.47\n400,.48,.49,.50\n");
        Path tasks = dir.resolve("kept.txt");
        StatsCli run = StatsCli.run(new SnrCommand(), "--signal", models.toString(), "--noise", checkpoints.toString(),
                "--last", "4", "--write-tasks", tasks.toString(), "--out", dir.resolve("r").toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode columns = JSON.readTree(run.out()).at("/results/columns");
        assertEquals(16.0, columns.at("/t:s2/snr").asDouble(), 1e-12);
        assertEquals(0.4, columns.at("/t:s1/signal").asDouble(), 1e-12);
        assertEquals(4, columns.at("/t:s1/checkpoints").asInt(), "--last 4 drops the first row");
        JsonNode filter = JSON.readTree(run.out()).at("/results/subtask_filtering/0");
        assertEquals(2, filter.get("best_k").asInt());
        assertEquals(List.of("t:s2", "t:s1"), TaskSelection.expand(List.of("@" + tasks)));
        assertTrue(Files.readString(tasks).startsWith("# Subtasks kept by SNR filtering"));
    }

    @Test
    void runDirectoriesAsModelsAndCheckpoints(@TempDir Path dir) throws Exception {
        String[] models = {"1111111000", "1111100000", "1110000000"};
        String[] ckpts = {"1111100000", "1111110000", "1111100000", "1111000000"};
        StringBuilder signal = new StringBuilder();
        for (int i = 0; i < models.length; i++) {
            Path p = new RunDirs().subject("t", "x", models[i]).subject("t", "y", models[i]).write(dir.resolve("m" + i));
            signal.append(i == 0 ? "" : ",").append(p);
        }
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < ckpts.length; i++) {
            Path p = new RunDirs().subject("t", "x", ckpts[i]).subject("t", "y", ckpts[i]).write(dir.resolve("step" + i));
            noise.append(i == 0 ? "" : ",").append(p);
        }
        StatsCli run = StatsCli.run(new SnrCommand(), "--signal", signal.toString(), "--noise", noise.toString(),
                "--out", dir.resolve("r").toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode columns = JSON.readTree(run.out()).at("/results/columns");
        assertEquals((0.7 - 0.3) / 0.5, columns.at("/t/signal").asDouble(), 1e-12, "task column: mean of its subjects");
        assertTrue(columns.has("t:x") && columns.has("t:y"));
        assertEquals(4, columns.at("/t/checkpoints").asInt());
    }

    @Test
    void tablesWithoutASharedColumnAreRefused(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "model,x\nm1,1\nm2,2\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "step,y\n1,1\n2,2\n");
        StatsCli run = StatsCli.run(new SnrCommand(), "--signal", a.toString(), "--noise", b.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("share no column"), run.err());
    }
}
