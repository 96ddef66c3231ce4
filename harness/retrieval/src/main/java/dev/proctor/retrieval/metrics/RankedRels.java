package dev.proctor.retrieval.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One query's run joined with its judgments, as trec_eval's form_res_rels builds it; every measure is computed
 * from this alone.
 *
 * @param rels        the relevance of each retrieved document in rank order: the qrels value, or
 *                    {@link #NONPOOL} (not in the qrels) or {@link #UNJUDGED} (negative qrels value)
 * @param numRel      R: judged documents with rel ≥ relevance level, retrieved or not, never capped by k
 * @param levelCounts judged documents per non-negative qrels value, highest first (for the ideal DCG)
 */
record RankedRels(int[] rels, long numRel, TreeMap<Integer, Long> levelCounts) {
    static final int NONPOOL = -1;
    static final int UNJUDGED = -2;

    static RankedRels of(Map<String, Integer> judgments, List<String> ranked, int relevanceLevel) {
        int[] rels = new int[ranked.size()];
        for (int i = 0; i < rels.length; i++) {
            Integer rel = judgments.get(ranked.get(i));
            rels[i] = rel == null ? NONPOOL : rel < 0 ? UNJUDGED : rel;
        }
        TreeMap<Integer, Long> levels = new TreeMap<>(java.util.Comparator.reverseOrder());
        long numRel = 0;
        for (int rel : judgments.values()) {
            if (rel >= 0) {
                levels.merge(rel, 1L, Long::sum);
                if (rel >= relevanceLevel) {
                    numRel++;
                }
            }
        }
        return new RankedRels(rels, numRel, levels);
    }
}
