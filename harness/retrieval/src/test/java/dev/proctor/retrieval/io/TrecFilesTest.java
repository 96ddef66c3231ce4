package dev.proctor.retrieval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run and qrels files: what is read, and every malformed line named by file:line. */
class TrecFilesTest {
    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static DataFormatException failsAt(Path file, long line, Runnable read) {
        DataFormatException e = assertThrows(DataFormatException.class, read::run);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + (line > 0 ? ":" + line : "") + ": "), e.getMessage());
        return e;
    }

    @Test
    void runFileKeepsOrderAndIgnoresRankAndQ0() throws IOException {
        Path f = file("r.run", "q2 Q0 b 7 0.5 tag\n\nq1\tQ0\ta\t1\t1e-3\ttag\r\nq2 x a 1 -inf tag\n");
        Run run = TrecRunFile.read(f);
        assertEquals(List.of("q2", "q1"), List.copyOf(run.scores().keySet()));
        assertEquals(List.of("b", "a"), List.copyOf(run.scores().get("q2").keySet()));
        assertEquals(0.001, run.scores().get("q1").get("a"));
        assertEquals(Double.NEGATIVE_INFINITY, run.scores().get("q2").get("a"));
    }

    @Test
    void fieldsAfterTheTagAreIgnoredAsTrecEvalIgnoresThem() throws IOException {
        Path f = file("extra.run", "q1 Q0 a 1 0.9 tag extra 7\nq1 Q0 b 2 0.5 tag\n");
        Run run = TrecRunFile.read(f);
        assertEquals(List.of("a", "b"), List.copyOf(run.scores().get("q1").keySet()));
        assertEquals(0.9, run.scores().get("q1").get("a"));
        Path dup = file("dupextra.run", "q Q0 a 1 0.5 t x\nq Q0 a 2 0.4 t\n");
        assertTrue(failsAt(dup, 2, () -> TrecRunFile.read(dup)).getMessage().contains("first at line 1"));
        Path qrels = file("extra.qrels", "q1 0 a 1 extra\n");
        assertTrue(failsAt(qrels, 1, () -> QrelsFiles.readTrec(qrels)).getMessage().contains("found 5"),
                "trec_eval refuses a qrels line with a fifth field (get_qrels.c), and so does Proctor");
    }

    @Test
    void badRunLinesAreNamedByFileAndLine() throws IOException {
        Path fields = file("fields.run", "q Q0 a 1 0.5 t\nq Q0 b 2 0.4\n");
        assertTrue(failsAt(fields, 2, () -> TrecRunFile.read(fields)).getMessage().contains("found 5"));
        Path score = file("score.run", "q Q0 a 1 0.5 t\nq Q0 b 2 high t\n");
        assertTrue(failsAt(score, 2, () -> TrecRunFile.read(score)).getMessage().contains("'high'"));
        Path nan = file("nan.run", "q Q0 a 1 nan t\n");
        failsAt(nan, 1, () -> TrecRunFile.read(nan));
        Path dup = file("dup.run", "q Q0 a 1 0.5 t\nq Q0 b 2 0.4 t\nq Q0 a 3 0.3 t\n");
        assertTrue(failsAt(dup, 3, () -> TrecRunFile.read(dup)).getMessage().contains("first at line 1"));
        Path empty = file("empty.run", "\n");
        failsAt(empty, 0, () -> TrecRunFile.read(empty));
        failsAt(dir.resolve("missing.run"), 0, () -> TrecRunFile.read(dir.resolve("missing.run")));
    }

    @Test
    void invalidUtf8IsNamedAtItsLine() throws IOException {
        Path f = dir.resolve("bytes.run");
        byte[] good = "q Q0 a 1 0.5 t\nq Q0 b 2 0.4 t\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'q', ' ', 'Q', '0', ' ', (byte) 0xC3, ' ', '3', ' ', '1', ' ', 't', '\n'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(f, all);
        failsAt(f, 3, () -> TrecRunFile.read(f));
    }

    @Test
    void writtenRunsReadBackToTheSameDoublesAndOrder() {
        Map<String, Double> docs = new LinkedHashMap<>();
        docs.put("low", 1e-300);
        docs.put("tieA", 0.10000000000100001);
        docs.put("tieB", 0.10000000000100001);
        docs.put("neg", -0.0);
        docs.put("top", Double.POSITIVE_INFINITY);
        Run run = new Run(Map.of("q", docs));
        Path f = dir.resolve("out.run");
        TrecRunFile.write(run, f, "proctor");
        Run back = TrecRunFile.read(f);
        assertEquals(docs, back.scores().get("q"));
        // Python's stable order: by score, ties in the run's order, so BEIR's MRR is unchanged by the round trip.
        assertEquals(List.of("top", "tieA", "tieB", "low", "neg"), List.copyOf(back.scores().get("q").keySet()));
        assertThrows(ProctorException.class, () -> TrecRunFile.write(new Run(Map.of("a b", docs)), f, "t"));
    }

    @Test
    void trecQrelsNeedIntegerRelevance() throws IOException {
        Path good = file("good.qrels", "q1 0 a 1\nq1 0 b -1\n\nq2\t0\tc\t2\n");
        Qrels q = QrelsFiles.readTrec(good);
        assertEquals(Map.of("a", 1, "b", -1), q.judgments().get("q1"));
        assertEquals(QrelsFormat.TREC, QrelsFiles.detect(good));
        Path fractional = file("frac.qrels", "q1 0 a 1\nq1 0 b 0.5\n");
        assertTrue(failsAt(fractional, 2, () -> QrelsFiles.readTrec(fractional)).getMessage().contains("'0.5'"));
        Path fields = file("fields.qrels", "q1 a 1\n");
        failsAt(fields, 1, () -> QrelsFiles.readTrec(fields));
        Path dup = file("dup.qrels", "q1 0 a 1\nq1 0 a 1\n");
        assertTrue(failsAt(dup, 2, () -> QrelsFiles.readTrec(dup)).getMessage().contains("first at line 1"));
    }

    @Test
    void beirQrelsHaveAHeaderAndIntegerScores() throws IOException {
        Path good = file("test.tsv", "query-id\tcorpus-id\tscore\nq1\tdoc 1\t1\nq1\td2\t0\nq1\td2\t0\n");
        assertEquals(QrelsFormat.BEIR, QrelsFiles.detect(good));
        Qrels q = QrelsFiles.read(good, QrelsFormat.AUTO);
        assertEquals(Map.of("doc 1", 1, "d2", 0), q.judgments().get("q1"));
        Path noHeader = file("nohead.tsv", "q1\td1\t1\n");
        failsAt(noHeader, 1, () -> QrelsFiles.readBeir(noHeader));
        Path fractional = file("frac.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1.0\n");
        failsAt(fractional, 2, () -> QrelsFiles.readBeir(fractional));
        Path conflict = file("conflict.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td1\t2\n");
        assertTrue(failsAt(conflict, 3, () -> QrelsFiles.readBeir(conflict)).getMessage().contains("line 2"));
        Path columns = file("cols.tsv", "query-id\tcorpus-id\tscore\nq1\td1\n");
        failsAt(columns, 2, () -> QrelsFiles.readBeir(columns));
    }

    @Test
    void beirSplitIsFoundInTheDatasetFolder() throws IOException {
        Files.createDirectories(dir.resolve("ds/qrels"));
        file("ds/qrels/test.tsv", "query-id\tcorpus-id\tscore\nq\td\t1\n");
        assertEquals(dir.resolve("ds/qrels/test.tsv"), QrelsFiles.beirSplit(dir.resolve("ds"), "test"));
        assertThrows(ProctorException.class, () -> QrelsFiles.beirSplit(dir.resolve("ds"), "dev"));
    }

    @Test
    void unknownQrelsLayoutIsRefused() throws IOException {
        Path odd = file("odd.txt", "just two\n");
        failsAt(odd, 1, () -> QrelsFiles.read(odd, QrelsFormat.AUTO));
    }
}
