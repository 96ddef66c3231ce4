package dev.proctor.model.djl.encoder;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.model.search.vector.DenseSearch;
import dev.proctor.model.search.vector.HnswParams;
import dev.proctor.model.search.vector.SearchMode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * {@code onnx-encoder:DIR} and {@code torchscript-encoder:DIR}: a sentence encoder of your own; and what every
 * encoder spec shares, the options: {@code pooling}, {@code query-prefix}, {@code batching}
 * ({@code auto|budget|per-text}), {@code encoder-batch-tokens} (the budget of {@code batching=budget}),
 * {@code search} ({@code auto|exact|hnsw}), {@code exact-max-docs}, {@code hnsw-m}, {@code hnsw-beam}.
 */
public final class EncoderProviders {
    /** The options every encoder takes. */
    public static final Set<String> ARGUMENTS = Set.of("pooling", "query-prefix", "batching", "encoder-batch-tokens",
            "search", "exact-max-docs", "hnsw-m", "hnsw-beam");
    static final int DEFAULT_BUDGET = 8192;

    private EncoderProviders() {
    }

    /** {@code onnx-encoder:DIR}. */
    public static final class Onnx implements ModelProvider {
        @Override
        public String scheme() {
            return EncoderEngine.ONNX.scheme();
        }

        @Override
        public String description() {
            return "sentence encoder exported to ONNX (DIR holds one .onnx, tokenizer.json, optional encoder.json),"
                    + " for embedding and dense retrieval";
        }

        @Override
        public Set<String> argumentKeys() {
            return ARGUMENTS;
        }

        @Override
        public Model load(ModelSpec spec, ModelOpener opener) {
            return open(EncoderSpec.folder(EncoderEngine.ONNX, spec.path(), pooling(spec), queryPrefix(spec)), spec,
                    name(spec.path()));
        }
    }

    /** {@code torchscript-encoder:DIR}. */
    public static final class TorchScript implements ModelProvider {
        @Override
        public String scheme() {
            return EncoderEngine.TORCHSCRIPT.scheme();
        }

        @Override
        public String description() {
            return "sentence encoder saved as TorchScript (DIR holds one .pt, tokenizer.json, optional encoder.json"
                    + " with its input order), for embedding and dense retrieval";
        }

        @Override
        public Set<String> argumentKeys() {
            return ARGUMENTS;
        }

        @Override
        public Model load(ModelSpec spec, ModelOpener opener) {
            return open(EncoderSpec.folder(EncoderEngine.TORCHSCRIPT, spec.path(), pooling(spec), queryPrefix(spec)),
                    spec, name(spec.path()));
        }
    }

    /** An embedded encoder with the spec's options. */
    public static EncoderModel openEmbedded(EmbeddedEncoder encoder, ModelSpec spec) {
        return open(EncoderSpec.embedded(encoder, pooling(spec), queryPrefix(spec)), spec, encoder.id());
    }

    /** Opens the encoder on the spec's device with the spec's batching and search options. */
    static EncoderModel open(EncoderSpec encoder, ModelSpec spec, String name) {
        EncoderBatching batching = EncoderBatching.of(spec.arg("batching").orElse(EncoderBatching.AUTO.id()));
        int budget = spec.intArg("encoder-batch-tokens", DEFAULT_BUDGET, 1);
        DenseSearch search = new DenseSearch(SearchMode.of(spec.arg("search").orElse(SearchMode.AUTO.id())),
                spec.intArg("exact-max-docs", DenseSearch.DEFAULT_EXACT_MAX_DOCS, 0),
                new HnswParams(spec.intArg("hnsw-m", HnswParams.DEFAULTS.maxConn(), 2),
                        spec.intArg("hnsw-beam", HnswParams.DEFAULTS.beamWidth(), 1), 0));
        return EncoderModel.open(DjlTextEncoder.open(encoder, spec.device()), batching, budget, search, name);
    }

    static Optional<Pooling> pooling(ModelSpec spec) {
        return spec.arg("pooling").map(Pooling::of);
    }

    static Optional<String> queryPrefix(ModelSpec spec) {
        return spec.arg("query-prefix");
    }

    private static String name(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            throw new ProctorException("encoder folder " + dir + " has no name");
        }
        return name.toString();
    }
}
