package dev.proctor.model.search.vector;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How much of exact search's top k an approximate search found. */
public final class Recall {
    private Recall() {
    }

    /**
     * Mean over queries of |approx top-k ∩ exact top-k| / |exact top-k| (ties at the exact cut-off count as
     * found only when the same document is returned).
     */
    public static double atK(List<List<ScoredDoc>> approximate, List<List<ScoredDoc>> exact, int k) {
        if (approximate.size() != exact.size()) {
            throw new IllegalArgumentException("different query counts: " + approximate.size() + " vs " + exact.size());
        }
        if (exact.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int q = 0; q < exact.size(); q++) {
            Set<Integer> truth = new HashSet<>();
            exact.get(q).stream().limit(k).forEach(s -> truth.add(s.doc()));
            long found = approximate.get(q).stream().limit(k).filter(s -> truth.contains(s.doc())).count();
            sum += truth.isEmpty() ? 1 : (double) found / truth.size();
        }
        return sum / exact.size();
    }
}
