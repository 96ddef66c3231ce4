package dev.proctor.stats.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreTableTest {

    @Test
    void readsNamesAndExactNumbers(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "model,\"task:a,b\",task2\nm1,0.1,2.8322689533233643\nm2,,NA\n");
        ScoreTable t = ScoreTable.readCsv(csv);
        assertEquals(List.of("m1", "m2"), t.rows());
        assertEquals(List.of("task:a,b", "task2"), t.columns());
        assertEquals(2.8322689533233643, t.values()[0][1], 0.0);
        assertTrue(Double.isNaN(t.values()[1][0]) && Double.isNaN(t.values()[1][1]));
    }

    @Test
    void aNonNumericCellNamesItsLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "model,acc\nm1,0.5\nm2,high\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ScoreTable.readCsv(csv));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("'acc'") && e.getMessage().contains("'high'"), e.getMessage());
    }

    @Test
    void selectsColumnsAndLastRows(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "step,a,b,note\n1,1,2,x\n2,3,4,y\n3,5,6,z\n");
        assertThrows(DataFormatException.class, () -> ScoreTable.readCsv(csv), "column note is text");
        Files.writeString(csv, "step,a,b\n1,1,2\n2,3,4\n3,5,6\n");
        ScoreTable t = ScoreTable.readCsv(csv).select(Pattern.compile("b"));
        assertEquals(List.of("b"), t.columns());
        assertArrayEquals(new double[] {4, 6}, t.lastRows(2).column("b"), 0.0);
        assertEquals(3, t.lastRows(10).rows().size());
        assertThrows(ProctorException.class, () -> t.select(Pattern.compile("zzz")));
    }

    @Test
    void aScoreFileRefusesNonFiniteNumbersNamingTheLine(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("ok.txt"), "1\n0\n\n0.5\n");
        assertEquals(3, ScoreFile.read(ok).length);
        for (String bad : List.of("NaN", "Infinity", "-Infinity")) {
            Path file = Files.writeString(dir.resolve("bad.txt"), "1\n0\n" + bad + "\n");
            DataFormatException e = assertThrows(DataFormatException.class, () -> ScoreFile.read(file));
            assertEquals(3, e.line(), e.getMessage());
            assertTrue(e.getMessage().contains("expected a finite number, found '" + bad + "'"), e.getMessage());
        }
    }
}
