package dev.proctor.model.search.lexical;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import java.util.Set;

/** {@code bm25}: Lucene BM25 ({@code --model-arg k1=, b=, analyzer=standard|english|smartcn}). */
public final class Bm25Provider implements ModelProvider {
    @Override
    public String scheme() {
        return "bm25";
    }

    @Override
    public String description() {
        return "BM25 retrieval with Lucene (args k1, b, analyzer; analyzer defaults by corpus language)";
    }

    @Override
    public Set<String> argumentKeys() {
        return Set.of("k1", "b", "analyzer");
    }

    @Override
    public Model load(ModelSpec spec, ModelOpener opener) {
        if (!spec.location().isEmpty()) {
            throw new ProctorException("model '" + spec + "': bm25 takes no location; write --model bm25");
        }
        Bm25Params params = new Bm25Params((float) spec.doubleArg("k1", Bm25Params.DEFAULTS.k1()),
                (float) spec.doubleArg("b", Bm25Params.DEFAULTS.b()));
        return new Bm25Model(params, spec.arg("analyzer").map(AnalyzerChoice::of));
    }
}
