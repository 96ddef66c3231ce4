package dev.proctor.model.search.fusion;

import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.RetrieveRequest;
import dev.proctor.model.search.Retriever;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retriever made of two others: both answer every query (through the harness, so their rankings are stored and
 * reused like any response) and the two rankings are fused, by reciprocal rank fusion or by min-max score
 * interpolation weighting the first component by alpha.
 */
public final class HybridModel extends Retriever {
    /** How two rankings become one. */
    public enum Fusion {
        RRF("hybrid-rrf"), INTERPOLATION("hybrid-interp");

        private final String scheme;

        Fusion(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }
    }

    private final Model first;
    private final Model second;
    private final Fusion fusion;
    private final double parameter;
    private final ModelInfo info;

    /**
     * @param parameter RRF's k, or interpolation's alpha (the first component's weight)
     */
    public HybridModel(Model first, Model second, Fusion fusion, double parameter) {
        this.first = first;
        this.second = second;
        this.fusion = fusion;
        this.parameter = parameter;
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("fusion", fusion.scheme());
        identity.put(fusion == Fusion.RRF ? "k" : "alpha", parameter);
        identity.put("first", first.info().asComponent());
        identity.put("second", second.info().asComponent());
        this.info = new ModelInfo(fusion.scheme() + "(" + first.info().name() + "+" + second.info().name() + ")",
                "hybrid retriever", "fusion of " + first.info().engine() + " and " + second.info().engine(),
                first.info().device(), identity);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    protected void retrieve(List<RetrieveRequest> retrieve, Execution<Ranking> execution) {
        List<Ranking> a = execution.run(first, RequestKind.RETRIEVE, retrieve);
        List<Ranking> b = execution.run(second, RequestKind.RETRIEVE, retrieve);
        List<Ranking> fused = new ArrayList<>(retrieve.size());
        int[] indices = new int[retrieve.size()];
        for (int i = 0; i < retrieve.size(); i++) {
            int depth = retrieve.get(i).topK();
            Map<String, Double> scores = fusion == Fusion.RRF
                    ? ReciprocalRankFusion.fuse(List.of(a.get(i).scores(), b.get(i).scores()), (int) parameter, depth)
                    : ScoreInterpolation.fuse(a.get(i).scores(), b.get(i).scores(), parameter, depth);
            List<Ranking.Hit> hits = new ArrayList<>(scores.size());
            scores.forEach((doc, s) -> hits.add(new Ranking.Hit(doc, s)));
            fused.add(new Ranking(hits));
            indices[i] = i;
        }
        execution.completed(indices, fused);
    }

    @Override
    public void close() {
        try (first) {
            second.close();
        }
    }
}
