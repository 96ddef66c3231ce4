package dev.proctor.retrieval.metrics;

import java.util.Map;

/**
 * The trec_eval measures, each a function of one query's {@link RankedRels} written as trec_eval 9.0.8 computes
 * it (m_ndcg_cut.c, m_map_cut.c, m_recall.c, m_P.c, m_success.c, m_recip_rank.c), down to the order of the
 * floating-point operations. A cutoff measure fills one value per k.
 */
public enum Measure {
    /** nDCG@k: linear gain (the qrels value), discount 1/log2(rank+1), ideal over all judged rel &gt; 0 docs. */
    NDCG_CUT("ndcg_cut") {
        @Override
        void compute(RankedRels r, int[] k, int level, double[] out) {
            double sum = 0;
            int c = 0;
            for (int i = 0; i < r.rels().length; i++) {
                if (i == k[c]) {
                    out[c] = sum;
                    if (++c == k.length) {
                        break;
                    }
                }
                if (r.rels()[i] > 0) {
                    sum += r.rels()[i] / log2(i + 2);
                }
            }
            while (c < k.length) {
                out[c++] = sum;
            }
            // The ideal ranking: every judged doc with rel > 0, highest first, cut at each k.
            double ideal = 0;
            c = 0;
            int i = 0;
            ideal:
            for (Map.Entry<Integer, Long> level2count : r.levelCounts().entrySet()) {
                int gain = level2count.getKey();
                if (gain <= 0) {
                    break;
                }
                for (long n = 0; n < level2count.getValue(); n++, i++) {
                    if (i == k[c]) {
                        if (ideal > 0) {
                            out[c] /= ideal;
                        }
                        if (++c == k.length) {
                            break ideal;
                        }
                    }
                    ideal += gain / log2(i + 2);
                }
            }
            while (c < k.length) {
                if (ideal > 0) {
                    out[c] /= ideal;
                }
                c++;
            }
        }
    },
    /** MAP@k: the sum of P@rank over relevant docs in the top k, divided by R (not min(R, k)); 0 when R = 0. */
    MAP_CUT("map_cut") {
        @Override
        void compute(RankedRels r, int[] k, int level, double[] out) {
            double sum = 0;
            long relSoFar = 0;
            int c = 0;
            for (int i = 0; i < r.rels().length; i++) {
                if (i == k[c]) {
                    out[c] = r.numRel() > 0 ? sum / r.numRel() : 0;
                    if (++c == k.length) {
                        break;
                    }
                }
                if (r.rels()[i] >= level) {
                    relSoFar++;
                    sum += (double) relSoFar / (double) (i + 1);
                }
            }
            while (c < k.length) {
                out[c++] = r.numRel() > 0 ? sum / r.numRel() : 0;
            }
        }
    },
    /** Recall@k: relevant docs in the top k over R (not capped by k); 0 when R = 0. */
    RECALL("recall") {
        @Override
        void compute(RankedRels r, int[] k, int level, double[] out) {
            long[] found = relevantInTop(r, k, level);
            for (int c = 0; c < k.length; c++) {
                out[c] = r.numRel() > 0 ? (double) found[c] / (double) r.numRel() : 0;
            }
        }
    },
    /** P@k: relevant docs in the top k over k, even when fewer than k were retrieved. */
    P("P") {
        @Override
        void compute(RankedRels r, int[] k, int level, double[] out) {
            long[] found = relevantInTop(r, k, level);
            for (int c = 0; c < k.length; c++) {
                out[c] = (double) found[c] / (double) k[c];
            }
        }
    },
    /** success@k (MTEB's hit_rate): 1 when a relevant doc is in the top k. */
    SUCCESS("success") {
        @Override
        void compute(RankedRels r, int[] k, int level, double[] out) {
            long[] found = relevantInTop(r, k, level);
            for (int c = 0; c < k.length; c++) {
                out[c] = found[c] > 0 ? 1.0 : 0.0;
            }
        }
    },
    /** Reciprocal rank of the first relevant doc, with no cutoff; 0 when none was retrieved. */
    RECIP_RANK("recip_rank") {
        @Override
        void compute(RankedRels r, int[] k, int level, double[] out) {
            out[0] = 0;
            for (int i = 0; i < r.rels().length; i++) {
                if (r.rels()[i] >= level) {
                    out[0] = 1.0 / (double) (i + 1);
                    break;
                }
            }
        }
    };

    private final String id;

    Measure(String id) {
        this.id = id;
    }

    /** pytrec_eval's family name, e.g. {@code ndcg_cut}. */
    public String id() {
        return id;
    }

    public boolean hasCutoff() {
        return this != RECIP_RANK;
    }

    /** pytrec_eval's measure name at k, e.g. {@code ndcg_cut_10}; {@code recip_rank} has no k. */
    public String name(int k) {
        return hasCutoff() ? id + "_" + k : id;
    }

    /** Fills {@code out} (one slot per cutoff, or one for recip_rank) for one query. */
    abstract void compute(RankedRels r, int[] cutoffs, int relevanceLevel, double[] out);

    /** Relevant docs among the first k[c] retrieved, for each ascending cutoff. */
    static long[] relevantInTop(RankedRels r, int[] k, int level) {
        long[] found = new long[k.length];
        long relSoFar = 0;
        int c = 0;
        for (int i = 0; i < r.rels().length && c < k.length; i++) {
            while (c < k.length && i == k[c]) {
                found[c++] = relSoFar;
            }
            if (c < k.length && r.rels()[i] >= level) {
                relSoFar++;
            }
        }
        while (c < k.length) {
            found[c++] = relSoFar;
        }
        return found;
    }

    /** C's log2 of a rank discount argument (see {@link Log2}). */
    static double log2(int x) {
        return Log2.of(x);
    }
}
