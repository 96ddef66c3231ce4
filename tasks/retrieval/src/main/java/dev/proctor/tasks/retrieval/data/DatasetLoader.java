package dev.proctor.tasks.retrieval.data;

import dev.proctor.api.DataFormatException;
import dev.proctor.retrieval.Qrels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads one BEIR dataset folder for one split. */
public final class DatasetLoader {
    private DatasetLoader() {
    }

    /**
     * @param dir      the dataset's folder (corpus.jsonl, queries.jsonl, qrels/, optional dataset.json)
     * @param name     the name it is evaluated under
     * @param split    qrels split, e.g. {@code test}
     * @param language the language asked for, if any (else dataset.json's, else detected)
     */
    public static RetrievalDataset load(Path dir, String name, String split, Optional<Language> language) {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir, 0, "expected a BEIR dataset folder (corpus.jsonl, queries.jsonl,"
                    + " qrels/<split>.tsv), found no such folder");
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
        return new RetrievalDataset(name, dir.toString(), split,
                LanguageChoice.resolve(language, meta.language(), corpus), corpus, evaluated, queries.size(), qrels,
                DatasetFiles.of(dir, split));
    }

    /** The qrels splits a folder has. */
    public static String splitsIn(Path dir) {
        try (var files = Files.list(dir.resolve("qrels"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().collect(Collectors.joining(", "));
        } catch (java.io.IOException e) {
            return "none: no qrels/ folder";
        }
    }
}
