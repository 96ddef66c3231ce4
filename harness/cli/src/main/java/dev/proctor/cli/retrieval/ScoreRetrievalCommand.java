package dev.proctor.cli.retrieval;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.cli.ScoreJson;
import dev.proctor.datafiles.Sha256;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.io.EvaluationJson;
import dev.proctor.retrieval.io.QrelsFiles;
import dev.proctor.retrieval.io.QrelsFormat;
import dev.proctor.retrieval.io.TrecRunFile;
import dev.proctor.retrieval.metrics.Averaging;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.retrieval.metrics.MrrVariant;
import dev.proctor.retrieval.metrics.PeerNames;
import dev.proctor.retrieval.metrics.ScorePrecision;
import dev.proctor.retrieval.metrics.TrecEval;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code proctor score retrieval --qrels QRELS --run RUN}: per-query and mean nDCG@k, MAP@k, recall@k, P@k,
 * success@k and recip_rank exactly as pytrec_eval (BEIR, MTEB) computes them, with pytrec_eval's names in JSON.
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = {"Score a TREC run file (qid Q0 docid rank score tag) against TREC or BEIR qrels, with the "
                + "conventions of trec_eval 9.0.8 / pytrec_eval as BEIR and MTEB call it."})
public final class ScoreRetrievalCommand implements Callable<Integer> {

    @Option(names = "--qrels", required = true, paramLabel = "QRELS",
            description = "TREC qrels (qid iter docid rel), BEIR qrels/<split>.tsv, or a BEIR dataset folder.")
    Path qrelsPath;

    @Option(names = "--qrels-format", defaultValue = "AUTO", paramLabel = "FORMAT",
            description = "AUTO, TREC or BEIR. Default: ${DEFAULT-VALUE} (from the first line).")
    QrelsFormat qrelsFormat;

    @Option(names = "--split", defaultValue = "test",
            description = "The qrels split when QRELS is a BEIR dataset folder. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The TREC run file to score.")
    Path runPath;

    @Option(names = "--k", split = ",", defaultValue = "1,3,5,10,100", paramLabel = "K",
            description = "Cutoffs, comma separated. Default: ${DEFAULT-VALUE}.")
    List<Integer> cutoffs;

    @Option(names = "--relevance-level", defaultValue = "1",
            description = "Smallest qrels value counted relevant (nDCG's gain is always the value). Default: "
                    + "${DEFAULT-VALUE}.")
    int relevanceLevel;

    @Option(names = "--json", description = "Print JSON (pytrec_eval measure names) instead of text.")
    boolean json;

    @Option(names = "--beir-mrr", description = "Add BEIR's MRR@k (stable ties, over qrels queries).")
    boolean beirMrr;

    @Option(names = "--mteb-mrr", description = "Add MTEB's MRR@k (stable ties, over run queries).")
    boolean mtebMrr;

    @Option(names = "--trec-mrr", description = "Add MRR@k in trec_eval's tie order.")
    boolean trecMrr;

    @Option(names = "--ignore-identical-ids", description = "Drop run documents named like their query (BEIR).")
    boolean ignoreIdenticalIds;

    @Option(names = {"-c", "--all-qrels-queries"},
            description = "Average over every judged qrels query, missing ones as 0 (trec_eval -c).")
    boolean allQrelsQueries;

    @Option(names = "--round-means", paramLabel = "DECIMALS",
            description = "Round means to this many decimals as Python's round() does (BEIR uses 5).")
    Integer roundMeans;

    @Option(names = "--score-precision", defaultValue = "FLOAT32", paramLabel = "PRECISION",
            description = "FLOAT32 (trec_eval 9.0.8, pytrec_eval) or DOUBLE (trec_eval 10.0) score ties. "
                    + "Default: ${DEFAULT-VALUE}.")
    ScorePrecision scorePrecision;

    @Option(names = "--no-per-query", description = "Text output: print only the means.")
    boolean noPerQuery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        QrelsSource source = QrelsSource.resolve(qrelsPath, qrelsFormat, split);
        Qrels qrels = QrelsFiles.read(source.file(), source.format());
        Run run = TrecRunFile.read(runPath);
        MetricOptions options = options();
        Evaluation evaluation = TrecEval.evaluate(qrels, run, options);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(evaluation, source));
        } else {
            out.print(RetrievalText.render(evaluation, source, runPath, !noPerQuery));
        }
        out.flush();
        return 0;
    }

    MetricOptions options() {
        MetricOptions o = MetricOptions.of(cutoffs)
                .withRelevanceLevel(relevanceLevel)
                .withScorePrecision(scorePrecision)
                .withIgnoreIdenticalIds(ignoreIdenticalIds)
                .withAveraging(allQrelsQueries ? Averaging.ALL_QRELS_QUERIES : Averaging.EVALUATED_QUERIES);
        List<MrrVariant> variants = new ArrayList<>();
        if (trecMrr) {
            variants.add(MrrVariant.TREC_ORDER);
        }
        if (beirMrr) {
            variants.add(MrrVariant.BEIR);
        }
        if (mtebMrr) {
            variants.add(MrrVariant.MTEB);
        }
        o = o.withMrr(variants.toArray(MrrVariant[]::new));
        return roundMeans == null ? o : o.withMeanDecimals(roundMeans);
    }

    private String toJson(Evaluation e, QrelsSource source) {
        ObjectNode root = ScoreJson.root("score retrieval");
        ObjectNode inputs = root.putObject("inputs");
        inputs.putObject("qrels").put("path", source.file().toString())
                .put("format", source.format().name().toLowerCase(java.util.Locale.ROOT))
                .put("sha256", Sha256.of(source.file()));
        ScoreJson.input(inputs, "run", runPath);
        root.setAll(EvaluationJson.toJson(e));
        if (e.mrr().containsKey(MrrVariant.BEIR)) {
            PeerNames.beir(e).forEach(root.putObject("as_beir")::put);
        }
        if (e.mrr().containsKey(MrrVariant.MTEB)) {
            PeerNames.mteb(e).forEach(root.putObject("as_mteb")::put);
        }
        try {
            return EvaluationJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("a JSON tree always serialises", ex);
        }
    }

    /** Where the qrels come from once a dataset folder and AUTO are resolved, for the report. */
    record QrelsSource(Path file, QrelsFormat format) {
        static QrelsSource resolve(Path path, QrelsFormat format, String split) {
            if (Files.isDirectory(path)) {
                return new QrelsSource(QrelsFiles.beirSplit(path, split), QrelsFormat.BEIR);
            }
            return new QrelsSource(path, format == QrelsFormat.AUTO ? QrelsFiles.detect(path) : format);
        }
    }
}
