package dev.proctor.tasks.retrieval.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirReaderTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    void validDataset() throws IOException {
        write("corpus.jsonl", """
                {"_id": "d1", "title": "T", "text": "first"}
                {"_id": 2, "text": "second, numeric id, no title"}
                """);
        write("queries.jsonl", """
                {"_id": "q1", "text": "which is first"}
                {"_id": "q2", "text": "unjudged query"}
                """);
        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\tmissing-doc\t1\n");
    }

    @Test
    void readsTheBeirLayout() throws IOException {
        validDataset();
        RetrievalDataset d = DatasetLoader.load(dir, dir.toString(), "test", Optional.empty());
        assertEquals(2, d.corpus().size());
        assertEquals("2", d.corpus().get(1).id());
        assertEquals("", d.corpus().get(1).title());
        assertEquals("T first", d.corpus().get(0).contents());
        assertEquals(1, d.queries().size(), "only judged queries are evaluated, as in BEIR");
        assertEquals(2, d.allQueries());
        assertEquals(2, d.qrels().judgments().get("q1").get("d1"));
        assertEquals(1, d.judgedDocumentsMissingFromCorpus());
        assertEquals(Language.EN, d.language().language());
        assertTrue(d.language().source().startsWith("detected"), d.language().source());
        assertEquals(64, d.files().corpusSha256().length());
    }

    @Test
    void malformedCorpusLineIsNamedByFileAndLine() throws IOException {
        Path corpus = write("corpus.jsonl", "{\"_id\": \"d1\", \"text\": \"ok\"}\n\n{\"_id\": \"d2\", \"text\": oops}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> BeirReader.readCorpus(corpus));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(corpus + ":3: "), e.getMessage());
    }

    @Test
    void missingTextAndDuplicateIdsAreNamed() throws IOException {
        Path noText = write("a.jsonl", "{\"_id\": \"d1\", \"title\": \"only a title\"}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> BeirReader.readCorpus(noText));
        assertTrue(e.getMessage().contains(":1: expected a string \"text\""), e.getMessage());
        Path dup = write("b.jsonl", "{\"_id\": \"d1\", \"text\": \"x\"}\n{\"_id\": \"d1\", \"text\": \"y\"}\n");
        e = assertThrows(DataFormatException.class, () -> BeirReader.readCorpus(dup));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("first on line 1"), e.getMessage());
    }

    @Test
    void badQrelsRowsAreNamed() throws IOException {
        Path noHeader = write("q1.tsv", "q1\td1\t1\n");
        assertEquals(1, assertThrows(DataFormatException.class, () -> BeirReader.readQrels(noHeader, Set.of("q1"))).line());
        Path badScore = write("q2.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t0.5\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> BeirReader.readQrels(badScore, Set.of("q1")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("integer"), e.getMessage());
        Path unknown = write("q3.tsv", "query-id\tcorpus-id\tscore\nq9\td1\t1\n");
        assertTrue(assertThrows(DataFormatException.class, () -> BeirReader.readQrels(unknown, Set.of("q1")))
                .getMessage().contains(":2: expected a query-id listed in queries.jsonl, found 'q9'"));
        Path twoFields = write("q4.tsv", "query-id\tcorpus-id\tscore\nq1 d1 1\n");
        assertEquals(2, assertThrows(DataFormatException.class, () -> BeirReader.readQrels(twoFields, Set.of("q1"))).line());
    }

    @Test
    void aMissingSplitListsThePresentOnes() throws IOException {
        validDataset();
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DatasetLoader.load(dir, dir.toString(), "dev", Optional.empty()));
        assertTrue(e.getMessage().contains("splits present: test"), e.getMessage());
    }

    @Test
    void bundledDatasetsDeclareTheirLanguage() {
        Path en = BundledDatasets.extract("everyday-zh", dir.resolve("cache"));
        RetrievalDataset d = DatasetLoader.load(en, "bundled:everyday-zh", "test", Optional.empty());
        assertEquals(Language.ZH, d.language().language());
        assertEquals(DatasetMetadata.FILE, d.language().source());
        assertEquals(22, d.queries().size());
        assertEquals(0, d.judgedDocumentsMissingFromCorpus());
        assertTrue(Language.cjkShare(d.corpus().stream().map(Document::contents).toList()) > 0.9);
        assertEquals(en, BundledDatasets.extract("everyday-zh", dir.resolve("cache")), "extracted once, by content");
    }
}
