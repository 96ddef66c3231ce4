package dev.proctor.tasks.retrieval;

import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import dev.proctor.tasks.retrieval.eval.RunScoring;
import java.util.Optional;

/**
 * A finished retrieval run: the run itself, how each side of it was made, and its scores.
 *
 * @param dataset    the dataset and split
 * @param config     the effective configuration
 * @param run        query id to (document id to score), top {@code config.topK()} per query
 * @param dense      the dense side, when the retriever has one
 * @param lexical    the BM25 side, when the retriever has one
 * @param evaluation trec_eval-exact scores
 * @param totalNanos wall time, loading the dataset excluded
 */
public record RetrievalOutcome(RetrievalDataset dataset, RetrievalConfig config, Run run, Optional<DenseReport> dense,
                               Optional<LexicalReport> lexical, Evaluation evaluation, long totalNanos) {

    /** nDCG@10, the main score. */
    public double mainScore() {
        return evaluation.mean(RunScoring.MAIN_MEASURE);
    }
}
