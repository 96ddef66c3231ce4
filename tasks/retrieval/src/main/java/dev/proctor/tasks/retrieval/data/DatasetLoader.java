package dev.proctor.tasks.retrieval.data;

import dev.proctor.api.DataFormatException;
import dev.proctor.retrieval.Qrels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Resolves {@code bundled:NAME} or a folder to a {@link RetrievalDataset}. */
public final class DatasetLoader {
    public static final String BUNDLED_PREFIX = "bundled:";

    private DatasetLoader() {
    }

    /**
     * @param spec     {@code bundled:NAME} or a path to a BEIR folder
     * @param split    qrels split, e.g. {@code test}
     * @param language the user's {@code --language}, if given
     */
    public static RetrievalDataset load(String spec, String split, Optional<Language> language) {
        if (spec.startsWith(BUNDLED_PREFIX)) {
            String name = spec.substring(BUNDLED_PREFIX.length());
            return load(BundledDatasets.extract(name), spec, split, language);
        }
        return load(Path.of(spec), spec, split, language);
    }

    public static RetrievalDataset load(Path dir, String source, String split, Optional<Language> language) {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir, 0, "expected a BEIR dataset folder (corpus.jsonl, queries.jsonl,"
                    + " qrels/<split>.tsv) or bundled:NAME (" + String.join(", ", BundledDatasets.names())
                    + "), found no such folder");
        }
        DatasetMetadata meta = DatasetMetadata.read(dir);
        List<Document> corpus = BeirReader.readCorpus(dir.resolve(BeirReader.CORPUS));
        List<Query> queries = BeirReader.readQueries(dir.resolve(BeirReader.QUERIES));
        Path qrelsFile = BeirReader.qrelsFile(dir, split);
        if (!Files.isRegularFile(qrelsFile)) {
            throw new DataFormatException(qrelsFile, 0, "expected the qrels of split '" + split + "', found no such"
                    + " file (splits present: " + splitsIn(dir) + ")");
        }
        Qrels qrels = BeirReader.readQrels(qrelsFile, queries.stream().map(Query::id).collect(Collectors.toSet()));
        Set<String> judged = qrels.judgments().keySet();
        List<Query> evaluated = queries.stream().filter(q -> judged.contains(q.id())).toList();
        String name = source.startsWith(BUNDLED_PREFIX) ? source.substring(BUNDLED_PREFIX.length()) : meta.name();
        return new RetrievalDataset(name, source, split,
                LanguageChoice.resolve(language, meta.language(), corpus), corpus, evaluated, queries.size(), qrels,
                DatasetFiles.of(dir, split));
    }

    private static String splitsIn(Path dir) {
        try (var files = Files.list(dir.resolve("qrels"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().collect(Collectors.joining(", "));
        } catch (java.io.IOException e) {
            return "none: no qrels/ folder";
        }
    }
}
