package dev.proctor.cli.retrieval;

import dev.proctor.api.ProctorException;
import dev.proctor.cli.DataChecks;
import dev.proctor.datafiles.Sha256;
import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetEntry;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.datasets.DatasetResolver;
import dev.proctor.datasets.Fetcher;
import dev.proctor.datasets.LocalFile;
import dev.proctor.datasets.Verifier;
import dev.proctor.report.DataCheck;
import dev.proctor.tasks.retrieval.data.BeirReader;
import dev.proctor.tasks.retrieval.data.DatasetFiles;
import dev.proctor.tasks.retrieval.data.DatasetLoader;
import dev.proctor.tasks.retrieval.data.DatasetMetadata;
import dev.proctor.tasks.retrieval.data.Language;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code proctor retrieve}'s dataset comes from and whether it may be scored, by the rule {@code proctor run}
 * follows: every file read that can change a score (corpus, queries, qrels, and dataset.json, which sets the
 * language) is checked against {@code datasets.lock} before anything is retrieved, except data shipped inside
 * Proctor ({@code bundled:NAME}) and a folder the user marked {@code --allow-unlocked} (the report then says
 * "unlocked"). {@code --dataset} is {@code bundled:NAME}; a folder, locked under its dataset.json name when that is
 * a valid dataset id, else under its folder name; or the id of a locked retrieval dataset (one whose files include
 * a corpus.jsonl), read from the cache and fetched first unless offline. A locked id is always verified.
 */
final class RetrievalDataGate {
    private final DatasetLock lock;
    private final DatasetCache cache;
    private final boolean offline;
    private final boolean allowUnlocked;

    RetrievalDataGate(DatasetLock lock, DatasetCache cache, boolean offline, boolean allowUnlocked) {
        this.lock = lock;
        this.cache = cache;
        this.offline = offline;
        this.allowUnlocked = allowUnlocked;
    }

    /** A dataset that may be scored, with how its files were checked. */
    record Checked(RetrievalDataset dataset, DataCheck check) {
    }

    Checked open(String spec, String split, Optional<Language> language) {
        if (spec.startsWith(DatasetLoader.BUNDLED_PREFIX)) {
            RetrievalDataset data = DatasetLoader.load(spec, split, language);
            return new Checked(data, DataChecks.bundled(data.name(), files(data).size()));
        }
        Path dir = Path.of(spec);
        if (Files.isDirectory(dir)) {
            RetrievalDataset data = DatasetLoader.load(dir, spec, split, language);
            String id = lockId(data, dir);
            if (allowUnlocked) {
                return new Checked(data, DataChecks.of(data.name(), Verifier.unlocked(id, files(data))));
            }
            if (lock.find(id).isEmpty()) {
                throw new ProctorException("dataset '" + id + "' (" + dir + ") is not in datasets.lock, so its numbers"
                        + " could not be traced to known data; lock it with \"proctor datasets lock " + id + " --from "
                        + dir + " --version V\", or retrieve with --allow-unlocked (the report then says \"unlocked\")");
            }
            return new Checked(data, DataChecks.of(data.name(), new Verifier(lock).verifyFiles(id, dir, files(data))));
        }
        Optional<DatasetEntry> locked = lock.find(spec).filter(RetrievalDataGate::isRetrieval);
        if (locked.isPresent()) {
            Path cached = new DatasetResolver(lock, cache, Fetcher.standard(cache, System.err::println))
                    .dataDir(spec, offline);
            RetrievalDataset data = DatasetLoader.load(beirRoot(cached, spec), spec, split, language);
            return new Checked(data, DataChecks.of(data.name(),
                    new Verifier(lock).verifyFiles(spec, cached, files(data))));
        }
        throw new ProctorException("--dataset " + spec + ": expected bundled:NAME, a BEIR folder (corpus.jsonl,"
                + " queries.jsonl, qrels/<split>.tsv) or the id of a retrieval dataset in datasets.lock (locked: "
                + lock.datasets().stream().filter(RetrievalDataGate::isRetrieval).map(DatasetEntry::id).toList()
                + "); found none of these");
    }

    /** A locked dataset in the BEIR layout: one of its files is a corpus.jsonl. */
    private static boolean isRetrieval(DatasetEntry entry) {
        return entry.files().stream().anyMatch(f -> f.path().equals(BeirReader.CORPUS)
                || f.path().endsWith("/" + BeirReader.CORPUS));
    }

    /** The folder's dataset.json name when it is a valid dataset id ("name" is free text), else the folder name. */
    private static String lockId(RetrievalDataset data, Path dir) {
        if (DatasetEntry.isValidId(data.name())) {
            return data.name();
        }
        Path folder = dir.toAbsolutePath().normalize().getFileName();
        return folder == null ? data.name() : folder.toString();
    }

    /** The files that decide the numbers: corpus, queries, the split's qrels, and dataset.json when present. */
    private static List<LocalFile> files(RetrievalDataset data) {
        DatasetFiles f = data.files();
        List<LocalFile> files = new ArrayList<>(List.of(new LocalFile(f.corpus(), f.corpusSha256()),
                new LocalFile(f.queries(), f.queriesSha256()), new LocalFile(f.qrels(), f.qrelsSha256())));
        Path metadata = f.corpus().resolveSibling(DatasetMetadata.FILE);
        if (Files.isRegularFile(metadata)) {
            files.add(new LocalFile(metadata, Sha256.of(metadata)));
        }
        return files;
    }

    /** The folder holding corpus.jsonl: the cached dataset's root, or its only subfolder (as BEIR's zips unpack). */
    private static Path beirRoot(Path cached, String id) {
        if (Files.isRegularFile(cached.resolve(BeirReader.CORPUS))) {
            return cached;
        }
        try (Stream<Path> children = Files.list(cached)) {
            List<Path> roots = children.filter(p -> Files.isRegularFile(p.resolve(BeirReader.CORPUS))).toList();
            if (roots.size() == 1) {
                return roots.get(0);
            }
            throw new ProctorException("the locked dataset " + id + " in " + cached + " has " + roots.size()
                    + " folders with " + BeirReader.CORPUS + " one level down and none at its root; expected one BEIR"
                    + " dataset");
        } catch (IOException e) {
            throw new ProctorException("cannot list " + cached + ": " + e.getMessage(), e);
        }
    }
}
