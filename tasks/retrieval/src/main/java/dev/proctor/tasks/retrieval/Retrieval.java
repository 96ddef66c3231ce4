package dev.proctor.tasks.retrieval;

import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import dev.proctor.tasks.retrieval.encode.EmbeddingCache;
import dev.proctor.tasks.retrieval.encode.EncoderSpec;
import dev.proctor.tasks.retrieval.encode.DjlTextEncoder;
import dev.proctor.tasks.retrieval.encode.TextEncoder;
import dev.proctor.tasks.retrieval.eval.RunScoring;
import dev.proctor.tasks.retrieval.fusion.ReciprocalRankFusion;
import dev.proctor.tasks.retrieval.fusion.ScoreInterpolation;
import java.util.List;
import java.util.Optional;

/**
 * Runs one retriever on one dataset split and scores the run: the dense and BM25 sides as the retriever needs
 * them, fused for the hybrids, then scored by proctor-retrieval's trec_eval-exact evaluator.
 */
public final class Retrieval {
    /** Opens an encoder; tests substitute a fake or a shared one. */
    @FunctionalInterface
    public interface EncoderOpener {
        TextEncoder open(EncoderSpec spec, int batchTokens);
    }

    private Retrieval() {
    }

    public static RetrievalOutcome run(RetrievalDataset dataset, RetrievalConfig config, EmbeddingCache cache) {
        return run(dataset, config, cache, (spec, budget) -> DjlTextEncoder.open(spec, budget, config.device()));
    }

    public static RetrievalOutcome run(RetrievalDataset dataset, RetrievalConfig config, EmbeddingCache cache,
                                       EncoderOpener opener) {
        long start = System.nanoTime();
        Optional<DenseRetriever.Result> dense = config.retriever().usesDense()
                ? Optional.of(DenseRetriever.run(dataset, config, cache, opener)) : Optional.empty();
        Optional<LexicalRetriever.Result> lexical = config.retriever().usesLexical()
                ? Optional.of(LexicalRetriever.run(dataset, config)) : Optional.empty();
        Run run = switch (config.retriever()) {
            case BM25 -> lexical.orElseThrow().run();
            case DENSE -> dense.orElseThrow().run();
            case HYBRID_RRF -> ReciprocalRankFusion.fuse(List.of(dense.orElseThrow().run(), lexical.orElseThrow().run()),
                    config.rrfK(), config.topK());
            case HYBRID_INTERP -> ScoreInterpolation.fuse(dense.orElseThrow().run(), lexical.orElseThrow().run(),
                    config.alpha(), config.topK());
        };
        Evaluation evaluation = RunScoring.evaluate(dataset.qrels(), run, RunScoring.options(config.cutoffs()));
        return new RetrievalOutcome(dataset, config, run, dense.map(DenseRetriever.Result::report),
                lexical.map(LexicalRetriever.Result::report), evaluation, System.nanoTime() - start);
    }
}
