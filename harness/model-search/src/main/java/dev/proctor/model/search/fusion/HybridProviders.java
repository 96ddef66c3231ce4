package dev.proctor.model.search.fusion;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import java.util.Set;

/**
 * {@code hybrid-rrf:A+B} and {@code hybrid-interp:A+B}: two retrievers (any specs, e.g.
 * {@code embedded:bge-small-en+bm25}) fused. Backend options go to both components; each takes its own.
 */
public final class HybridProviders {
    private HybridProviders() {
    }

    /** {@code hybrid-rrf} ({@code --model-arg rrf-k=60}). */
    public static final class Rrf implements ModelProvider {
        @Override
        public String scheme() {
            return HybridModel.Fusion.RRF.scheme();
        }

        @Override
        public String description() {
            return "reciprocal rank fusion of two retrievers, hybrid-rrf:A+B (arg rrf-k, default 60)";
        }

        @Override
        public Set<String> argumentKeys() {
            return Set.of("rrf-k");
        }

        @Override
        public Model load(ModelSpec spec, ModelOpener opener) {
            return open(spec, opener, HybridModel.Fusion.RRF, spec.intArg("rrf-k", ReciprocalRankFusion.DEFAULT_K, 0));
        }
    }

    /** {@code hybrid-interp} ({@code --model-arg alpha=0.5}, the first component's weight). */
    public static final class Interpolation implements ModelProvider {
        @Override
        public String scheme() {
            return HybridModel.Fusion.INTERPOLATION.scheme();
        }

        @Override
        public String description() {
            return "min-max score interpolation of two retrievers, hybrid-interp:A+B: alpha*A + (1-alpha)*B"
                    + " (arg alpha, default 0.5)";
        }

        @Override
        public Set<String> argumentKeys() {
            return Set.of("alpha");
        }

        @Override
        public Model load(ModelSpec spec, ModelOpener opener) {
            double alpha = spec.doubleArg("alpha", ScoreInterpolation.DEFAULT_ALPHA);
            if (alpha < 0 || alpha > 1) {
                throw new ProctorException("--model-arg alpha=" + alpha + ": expected a weight in [0, 1]");
            }
            return open(spec, opener, HybridModel.Fusion.INTERPOLATION, alpha);
        }
    }

    static Model open(ModelSpec spec, ModelOpener opener, HybridModel.Fusion fusion, double parameter) {
        String[] parts = spec.location().split("\\+");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new ProctorException("model '" + spec + "': a hybrid names two retrievers, " + fusion.scheme()
                    + ":A+B (e.g. " + fusion.scheme() + ":embedded:bge-small-en+bm25)");
        }
        Model first = opener.open(spec.component(parts[0]));
        try {
            Model second = opener.open(spec.component(parts[1]));
            return new HybridModel(first, second, fusion, parameter);
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
    }
}
