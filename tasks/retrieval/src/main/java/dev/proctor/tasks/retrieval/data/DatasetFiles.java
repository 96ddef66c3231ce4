package dev.proctor.tasks.retrieval.data;

import dev.proctor.datafiles.Sha256;
import java.nio.file.Path;

/**
 * The three files a retrieval result depends on, with their SHA-256 for provenance and for the embedding
 * cache key.
 */
public record DatasetFiles(Path corpus, String corpusSha256, Path queries, String queriesSha256, Path qrels,
                           String qrelsSha256) {

    static DatasetFiles of(Path dir, String split) {
        Path corpus = dir.resolve(BeirReader.CORPUS);
        Path queries = dir.resolve(BeirReader.QUERIES);
        Path qrels = BeirReader.qrelsFile(dir, split);
        return new DatasetFiles(corpus, Sha256.of(corpus), queries, Sha256.of(queries), qrels, Sha256.of(qrels));
    }
}
