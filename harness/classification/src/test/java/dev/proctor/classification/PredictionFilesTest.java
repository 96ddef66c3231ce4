package dev.proctor.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining gold and predictions by id, and every bad input refused with file and line. */
class PredictionFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private Path gold() throws Exception {
        return write("gold.jsonl", "{\"id\":\"a\",\"label\":1}", "{\"id\":\"b\",\"label\":0}",
                "{\"id\":\"c\",\"label\":1}");
    }

    private String refusal(Path gold, Path pred) {
        return assertThrows(ProctorException.class,
                () -> PredictionFiles.read(gold, pred, PredictionFiles.LabelKind.CLASS, false)).getMessage();
    }

    @Test
    void joinsByIdInGoldOrderWithScores() throws Exception {
        Path pred = write("pred.jsonl", "{\"id\":\"c\",\"label\":1,\"score\":0.7}",
                "{\"id\":\"a\",\"label\":0,\"score\":0.4}", "{\"id\":\"b\",\"label\":0,\"score\":-2}");
        PredictionFiles.Joined j = PredictionFiles.read(gold(), pred, PredictionFiles.LabelKind.CLASS, false);
        assertEquals(List.of("a", "b", "c"), j.ids());
        assertEquals(PrecisionRecallF1Test.ints(0, 0, 1), j.predicted());
        assertArrayEquals(new double[] {0.4, -2, 0.7}, j.scores(), 0.0);
        Path unscored = write("unscored.jsonl", "{\"id\":\"a\",\"label\":1}", "{\"id\":\"b\",\"label\":1}",
                "{\"id\":\"c\",\"label\":1}");
        assertNull(PredictionFiles.read(gold(), unscored, PredictionFiles.LabelKind.CLASS, false).scores());
    }

    @Test
    void straysAreRefusedByIdUnlessTheIntersectionIsAskedFor() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add("{\"id\":\"x" + i + "\",\"label\":1}");
        }
        lines.add("{\"id\":\"a\",\"label\":1}");
        Path pred = write("pred.jsonl", lines.toArray(String[]::new));
        String message = refusal(gold(), pred);
        assertTrue(message.contains("2 gold items have no prediction in " + pred + " (b, c)")
                && message.contains("12 predictions have no gold item in " + gold()
                + " (x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, ...)") && message.contains("--intersection"), message);
        PredictionFiles.Joined j = PredictionFiles.read(gold(), pred, PredictionFiles.LabelKind.CLASS, true);
        assertEquals(1, j.n());
        assertEquals(2, j.goldWithoutPrediction());
        assertEquals(12, j.predictionsWithoutGold());
        Path none = write("none.jsonl", "{\"id\":\"z\",\"label\":1}");
        assertTrue(assertThrows(ProctorException.class, () -> PredictionFiles.read(gold(), none,
                PredictionFiles.LabelKind.CLASS, true)).getMessage().contains("nothing to score"));
    }

    @Test
    void badLinesAreRefusedWithFileLineAndWhatWasExpected() throws Exception {
        expect(write("p1.jsonl", "{\"id\":\"a\",\"label\":1}", "{\"id\":\"b\",\"label\":"), ":2",
                "malformed JSON");
        expect(write("p2.jsonl", "{\"id\":\"a\",\"label\":1}", "{\"id\":\"b\",\"score\":0.1}"), ":2",
                "expected a field \"label\", found keys [id, score]");
        expect(write("p3.jsonl", "{\"id\":\"a\",\"label\":1}", "{\"id\":\"b\",\"label\":0}", "{\"id\":\"a\",\"label\":0}"),
                ":3", "id 'a' appears twice (first at line 1)");
        expect(write("p4.jsonl", "{\"id\":\"a\",\"label\":1,\"score\":0.5}", "{\"id\":\"b\",\"label\":0,\"score\":\"0.2\"}"),
                ":2", "expected \"score\" to be a finite number, found \"0.2\"");
        expect(write("p5.jsonl", "{\"id\":\"a\",\"label\":1,\"score\":1e999}"), ":1",
                "expected \"score\" to be a finite number");
        expect(write("p6.jsonl", "{\"id\":\"a\",\"label\":1,\"score\":0.5}", "{\"id\":\"b\",\"label\":0}"), ":2",
                "has no \"score\" but the one at line 1 has one");
        expect(write("p7.jsonl", "{\"id\":\"a\",\"label\":1}", "{\"id\":\"b\",\"label\":0,\"score\":0.3}"), ":2",
                "has a \"score\" but the one at line 1 has none");
        expect(write("p8.jsonl", "{\"id\":\"a\",\"label\":\"1\"}"), ":1",
                "label \"1\" is a string but " + gold() + ":1 has 1");
        expect(write("p9.jsonl", "{\"id\":\"a\",\"label\":1.5}"), ":1",
                "expected \"label\" to be an integer or a string, found 1.5");
        expect(write("p10.jsonl", "{\"id\":[1],\"label\":1}"), ":1", "expected \"id\" to be a string or an integer");
    }

    private void expect(Path pred, String line, String problem) throws Exception {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> PredictionFiles.read(gold(), pred, PredictionFiles.LabelKind.CLASS, false));
        assertTrue(e.getMessage().startsWith(pred + line + ": ") && e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void positionsMustBeIntegers() throws Exception {
        Path gold = write("gold-c.jsonl", "{\"id\":1,\"label\":10}", "{\"id\":2,\"label\":0}");
        Path pred = write("pred-c.jsonl", "{\"id\":2,\"label\":3}", "{\"id\":1,\"label\":12}");
        PredictionFiles.Joined j = PredictionFiles.read(gold, pred, PredictionFiles.LabelKind.POSITION, false);
        assertEquals(2.5, ClassificationMetrics.meanAbsoluteError(j.goldPositions(), j.predictedPositions()), 0.0);
        Path text = write("text-c.jsonl", "{\"id\":1,\"label\":\"ten\"}");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> PredictionFiles.read(gold, text, PredictionFiles.LabelKind.POSITION, true));
        assertTrue(e.getMessage().contains(text + ":1: expected \"label\" to be an integer word position"),
                e.getMessage());
    }
}
