package dev.proctor.cli.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.cli.Main;
import dev.proctor.cli.datasets.LoopbackServer;
import dev.proctor.tasks.retrieval.data.BundledDatasets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code proctor retrieve} follows {@code proctor run}'s data rule: a BEIR folder is scored only when its files
 * match datasets.lock, or when the user says {@code --allow-unlocked}; a locked id is read from the cache, fetched
 * first unless offline. The dataset is the bundled English set copied out as a user's folder.
 */
@Timeout(120)
class RetrieveDataGateTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> FILES = List.of("corpus.jsonl", "queries.jsonl", "qrels/test.tsv", "dataset.json");

    @TempDir
    Path tmp;

    Path userFolder() {
        return BundledDatasets.extract("everyday-en", tmp.resolve("mine"));
    }

    static int proctor(StringWriter err, String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void anUnlockedFolderIsRefusedUnlessAllowedAndThenSaysSo() throws Exception {
        Path data = userFolder();
        Path lock = tmp.resolve("empty.lock");
        Files.writeString(lock, "{\"lockVersion\": 1, \"datasets\": []}");
        RetrieveCommandTest.Result refused = RetrieveCommandTest.run("--dataset", data.toString(), "--retriever", "bm25",
                "--lock", lock.toString(), "--out", tmp.resolve("r1").toString());
        assertEquals(Main.EXIT_USER_ERROR, refused.code());
        assertTrue(refused.err().contains("dataset 'everyday-en' (" + data + ") is not in datasets.lock"), refused.err());
        assertTrue(refused.err().contains("proctor datasets lock everyday-en --from " + data + " --version V"), refused.err());
        assertFalse(Files.exists(tmp.resolve("r1")), "nothing retrieved or written");

        RetrieveCommandTest.Result allowed = RetrieveCommandTest.run("--dataset", data.toString(), "--retriever",
                "bm25", "--lock", lock.toString(), "--allow-unlocked", "--out", tmp.resolve("r2").toString(), "--json");
        assertEquals(0, allowed.code(), allowed.err());
        JsonNode check = JSON.readTree(allowed.out()).at("/provenance/dataChecks/0");
        assertEquals("unlocked", check.path("status").asText(), check.toString());
        assertEquals(4, check.path("files").asInt(), "corpus, queries, qrels and dataset.json (it sets the language)");
    }

    @Test
    void aLockedFolderIsVerifiedAndAChangedCorpusRefused() throws Exception {
        Path data = userFolder();
        Path lock = tmp.resolve("datasets.lock");
        StringWriter err = new StringWriter();
        assertEquals(0, proctor(err, "datasets", "lock", "everyday-en", "--from", data.toString(), "--version",
                "mine-1", "--lock", lock.toString()), err.toString());

        RetrieveCommandTest.Result ok = RetrieveCommandTest.run("--dataset", data.toString(), "--retriever", "bm25",
                "--lock", lock.toString(), "--out", tmp.resolve("r1").toString(), "--json");
        assertEquals(0, ok.code(), ok.err());
        JsonNode check = JSON.readTree(ok.out()).at("/provenance/dataChecks/0");
        assertEquals("verified", check.path("status").asText(), check.toString());
        assertEquals("everyday-en", check.path("dataset").asText());

        Path corpus = data.resolve("corpus.jsonl");
        Files.writeString(corpus, Files.readString(corpus).replace("sourdough", "sourdoug"));
        RetrieveCommandTest.Result refused = RetrieveCommandTest.run("--dataset", data.toString(), "--retriever",
                "bm25", "--lock", lock.toString(), "--out", tmp.resolve("r2").toString());
        assertEquals(Main.EXIT_USER_ERROR, refused.code(), refused.err());
        assertTrue(refused.err().contains("corpus.jsonl") && refused.err().contains("refusing to score"),
                refused.err());
        assertFalse(Files.exists(tmp.resolve("r2")));
    }

    @Test
    void dataSetJsonIsCheckedTooBecauseItSetsTheLanguage() throws Exception {
        Path data = userFolder();
        Path lock = tmp.resolve("datasets.lock");
        StringWriter err = new StringWriter();
        assertEquals(0, proctor(err, "datasets", "lock", "everyday-en", "--from", data.toString(), "--version", "1",
                "--lock", lock.toString()), err.toString());
        Path meta = data.resolve("dataset.json");
        Files.writeString(meta, Files.readString(meta).replace("\"language\": \"en\"", "\"language\": \"zh\""));
        RetrieveCommandTest.Result refused = RetrieveCommandTest.run("--dataset", data.toString(), "--retriever",
                "bm25", "--lock", lock.toString(), "--out", tmp.resolve("r").toString());
        assertEquals(Main.EXIT_USER_ERROR, refused.code(), refused.err());
        assertTrue(refused.err().contains("dataset.json"), refused.err());
    }

    @Test
    void aFreeTextNameIsNotALockIdSoTheFolderNameIs() throws Exception {
        Path data = userFolder();
        Path meta = data.resolve("dataset.json");
        Files.writeString(meta, Files.readString(meta).replace("\"name\": \"everyday-en\"", "\"name\": \"Every Day EN\""));
        Path lock = tmp.resolve("empty.lock");
        Files.writeString(lock, "{\"lockVersion\": 1, \"datasets\": []}");
        RetrieveCommandTest.Result refused = RetrieveCommandTest.run("--dataset", data.toString(), "--retriever",
                "bm25", "--lock", lock.toString());
        assertTrue(refused.err().contains("'proctor datasets lock " + data.getFileName() + " --from " + data),
                refused.err());
    }

    @Test
    void onlyLockedRetrievalDatasetsAreIdsOfRetrieve() {
        // the built-in lock pins CMMLU and M3KE: multiple-choice data, never fetched or offered here
        RetrieveCommandTest.Result r = RetrieveCommandTest.run("--dataset", "m3ke", "--retriever", "bm25",
                "--cache", tmp.resolve("cache").toString(), "--offline");
        assertEquals(Main.EXIT_USER_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("retrieval dataset in datasets.lock (locked: [])"), r.err());
        assertFalse(Files.exists(tmp.resolve("cache")), "nothing fetched or created");
    }

    @Test
    void aLockedIdIsFetchedIntoTheCacheUnlessOffline() throws Exception {
        Path data = userFolder();
        Path lock = tmp.resolve("datasets.lock");
        Path cache = tmp.resolve("cache");
        try (LoopbackServer server = new LoopbackServer()) {
            for (String f : FILES) {
                server.put("/beir/everyday/" + f, Files.readAllBytes(data.resolve(f)));
            }
            StringWriter err = new StringWriter();
            String[] lockArgs = {"datasets", "lock", "everyday", "--from", server.url("/beir/everyday/{path}"),
                    "--file", "corpus.jsonl", "--file", "queries.jsonl", "--file", "qrels/test.tsv", "--file",
                    "dataset.json", "--version", "1", "--lock", lock.toString()};
            assertEquals(0, proctor(err, lockArgs), err.toString());
            int afterLocking = server.requests();

            RetrieveCommandTest.Result offline = RetrieveCommandTest.run("--dataset", "everyday", "--retriever",
                    "bm25", "--lock", lock.toString(), "--cache", cache.toString(), "--offline");
            assertEquals(Main.EXIT_USER_ERROR, offline.code(), offline.err());
            assertTrue(offline.err().contains("proctor datasets fetch everyday"), offline.err());
            assertEquals(afterLocking, server.requests(), "offline never touches the network");

            RetrieveCommandTest.Result fetched = RetrieveCommandTest.run("--dataset", "everyday", "--retriever",
                    "bm25", "--lock", lock.toString(), "--cache", cache.toString(), "--out",
                    tmp.resolve("r").toString(), "--json", "--allow-unlocked");
            assertEquals(0, fetched.code(), fetched.err());
            JsonNode results = JSON.readTree(fetched.out());
            assertEquals("verified", results.at("/provenance/dataChecks/0/status").asText(),
                    "a locked id is verified even under --allow-unlocked");
            assertEquals(0.8723, RetrieveCommandTest.metric(results, "ndcg_cut_10").get("value").asDouble(), 5e-5,
                    "the bundled set's BM25 score");
            assertEquals("everyday", results.at("/results/subjects/0/subject").asText(), "named by its lock id");
            assertTrue(results.at("/provenance/dataFiles/0/path").asText().startsWith(cache.toString()),
                    results.at("/provenance/dataFiles").toString());
        }
    }
}
