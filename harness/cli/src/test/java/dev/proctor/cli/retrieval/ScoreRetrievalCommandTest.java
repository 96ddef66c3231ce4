package dev.proctor.cli.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.cli.Main;
import dev.proctor.cli.ProctorCommand;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.io.QrelsFiles;
import dev.proctor.retrieval.io.TrecRunFile;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.retrieval.metrics.TrecEval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code proctor score retrieval} end to end: a run file written, scored, and the output read back. */
class ScoreRetrievalCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path runFile;
    Path qrelsFile;
    Run run;
    Qrels qrels;

    /** The command with Main's exit-code mapping, independent of where the lead registers it. */
    record Result(int exitCode, String out, String err) {
        static Result of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new ScoreCommand());
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                if (e instanceof ProctorException) {
                    commandLine.getErr().println("error: " + e.getMessage());
                    return Main.EXIT_USER_ERROR;
                }
                e.printStackTrace(commandLine.getErr());
                return Main.EXIT_INTERNAL;
            });
            return new Result(cli.execute(args), out.toString(), err.toString());
        }
    }

    @BeforeEach
    void files() {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        scores.put("q1", Map.of("a", 0.9, "b", 0.8, "c", 0.7));
        scores.put("q2", Map.of("x", 0.5, "y", 0.5));
        scores.put("q3", Map.of("z", 1.0));
        run = new Run(scores);
        qrels = new Qrels(Map.of("q1", Map.of("b", 2, "c", 1, "d", 1), "q2", Map.of("x", 1), "q4", Map.of("w", 1)));
        runFile = dir.resolve("system.run");
        qrelsFile = dir.resolve("test.qrels");
        TrecRunFile.write(run, runFile, "system");
        QrelsFiles.writeTrec(qrels, qrelsFile);
    }

    @Test
    void jsonHasPytrecEvalNamesAndTheEvaluatorsValues() throws IOException {
        Result r = Result.of("retrieval", "--qrels", qrelsFile.toString(), "--run", runFile.toString(),
                "--k", "10,1", "--json", "--beir-mrr", "--mteb-mrr");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = JSON.readTree(r.out());
        Evaluation expected = TrecEval.evaluate(qrels, run, MetricOptions.of(List.of(1, 10)));
        for (String m : List.of("ndcg_cut_1", "ndcg_cut_10", "map_cut_10", "recall_10", "P_10", "success_10",
                "recip_rank")) {
            assertEquals(expected.mean(m), json.at("/mean/" + m).doubleValue(), 0, m);
            assertEquals(expected.value("q1", m), json.at("/per_query/q1/" + m).doubleValue(), 0, m);
        }
        assertEquals(2, json.get("n_queries").intValue());
        assertEquals(List.of("q1", "q2"), fieldNames(json.get("per_query")));
        assertEquals(64, json.at("/inputs/run/sha256").textValue().length());
        assertEquals("trec", json.at("/inputs/qrels/format").textValue());
        assertTrue(json.at("/harness/gitCommit").isTextual() && json.at("/harness/gitDirty").isBoolean(),
                "the harness block every report carries: " + json.get("harness"));
        assertTrue(json.at("/as_beir/NDCG@10").isNumber() && json.at("/as_mteb/mrr_at_10").isNumber(), r.out());
        assertEquals(List.of("q4"), List.of(json.at("/mrr/beir/excluded/0").textValue()));
        assertTrue(json.get("notes").toString().contains("q3"), json.get("notes").toString());
    }

    @Test
    void textHasTheMeansTableAndTrecEvalLines() {
        Result r = Result.of("retrieval", "--qrels", qrelsFile.toString(), "--run", runFile.toString(), "--trec-mrr");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("| measure | @1 | @3 | @5 | @10 | @100 |"), r.out());
        assertTrue(r.out().contains("| MRR (trec_order, 2 queries) |"), r.out());
        // q2: x and y tie at 0.5; trec_eval puts y (the larger docno) first, so x is at rank 2.
        assertTrue(r.out().contains(String.format("%-22s\tq2\t0.5000\n", "recip_rank")), r.out());
        assertTrue(r.out().contains(String.format("%-22s\tall\t2\n", "num_q")), r.out());
    }

    @Test
    void beirDatasetFolderIsReadWithItsSplit() throws IOException {
        Files.createDirectories(dir.resolve("ds/qrels"));
        Files.writeString(dir.resolve("ds/qrels/dev.tsv"), "query-id\tcorpus-id\tscore\nq1\tb\t1\n");
        Result r = Result.of("retrieval", "--qrels", dir.resolve("ds").toString(), "--split", "dev",
                "--run", runFile.toString(), "--json", "--k", "1");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = JSON.readTree(r.out());
        assertEquals("beir", json.at("/inputs/qrels/format").textValue());
        assertEquals(0.5, json.at("/mean/recip_rank").doubleValue());
    }

    @Test
    void aBadRunLineIsAUserErrorNamingFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.run"), "q1 Q0 a 1 0.9 t\nq1 Q0 b 2 0.8\n");
        Result r = Result.of("retrieval", "--qrels", qrelsFile.toString(), "--run", bad.toString());
        assertEquals(Main.EXIT_USER_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: " + bad + ":2: expected 6 whitespace-separated fields"), r.err());
        Path frac = Files.writeString(dir.resolve("frac.qrels"), "q1 0 a 0.5\n");
        Result q = Result.of("retrieval", "--qrels", frac.toString(), "--run", runFile.toString());
        assertEquals(Main.EXIT_USER_ERROR, q.exitCode(), q.toString());
        assertTrue(q.err().startsWith("error: " + frac + ":1: expected an integer relevance"), q.err());
    }

    @Test
    void optionsReachTheEvaluator() {
        Result r = Result.of("retrieval", "--qrels", qrelsFile.toString(), "--run", runFile.toString(), "--json",
                "-c", "--round-means", "2", "--score-precision", "DOUBLE", "--k", "0");
        assertEquals(Main.EXIT_USER_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("positive"), r.err());
        Result ok = Result.of("retrieval", "--qrels", qrelsFile.toString(), "--run", runFile.toString(), "--json",
                "-c", "--round-means", "2", "--score-precision", "DOUBLE", "--k", "1");
        assertEquals(0, ok.exitCode(), ok.toString());
        assertTrue(ok.out().contains("\"averaging\" : \"all_qrels_queries\""), ok.out());
        assertTrue(ok.out().contains("\"n_queries\" : 3"), ok.out());
        assertTrue(ok.out().contains("\"mean_decimals\" : 2"), ok.out());
    }

    /** Active once the lead registers ScoreCommand in ProctorCommand: the same command through Main. */
    @Test
    void worksThroughMainOnceRegistered() {
        assumeTrue(new CommandLine(new ProctorCommand()).getSubcommands().containsKey("score"),
                "ScoreCommand is not registered in ProctorCommand yet");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "score", "retrieval",
                "--qrels", qrelsFile.toString(), "--run", runFile.toString(), "--json");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("\"ndcg_cut_10\""), out.toString());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
