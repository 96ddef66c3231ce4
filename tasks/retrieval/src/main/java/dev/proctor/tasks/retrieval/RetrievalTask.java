package dev.proctor.tasks.retrieval;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.request.Corpus;
import dev.proctor.api.request.Passage;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.RetrieveRequest;
import dev.proctor.api.task.DataFile;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.PlanContext;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskItem;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.datafiles.DatasetFolderTask;
import dev.proctor.datafiles.DatasetFolders;
import dev.proctor.datafiles.Memo;
import dev.proctor.retrieval.metrics.Docnos;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.tasks.retrieval.data.BeirReader;
import dev.proctor.tasks.retrieval.data.BundledDatasets;
import dev.proctor.tasks.retrieval.data.DatasetLoader;
import dev.proctor.tasks.retrieval.data.DatasetMetadata;
import dev.proctor.tasks.retrieval.data.Document;
import dev.proctor.tasks.retrieval.data.Language;
import dev.proctor.tasks.retrieval.data.Query;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import dev.proctor.tasks.retrieval.eval.RunScoring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Retrieval datasets in the BEIR/MTEB layout as one task whose subjects are datasets: {@code retrieval} (every
 * dataset in the data directory), {@code retrieval:everyday-en}. An item is a judged query; it asks the model for the
 * top {@code top-k} documents of the corpus and scores the ranking with every trec_eval measure (pytrec_eval's
 * conventions, as BEIR and MTEB call them), main score nDCG@10. Items are ordered as trec_eval orders queries, so the
 * mean over items is trec_eval's mean to the last bit.
 *
 * <p>A data directory is a dataset folder or a folder of them; each dataset is pinned in datasets.lock under its own
 * id (its name). Task options: {@code top-k} (documents per query, default 100), {@code k} (cutoffs of the @k
 * measures, default 1,3,5,10,100) and {@code language} (en or zh, default dataset.json's, else detected).
 */
public final class RetrievalTask implements DatasetFolderTask {
    static final String TOP_K = "top-k";
    static final String CUTOFFS = "k";
    static final String LANGUAGE = "language";
    static final int DEFAULT_TOP_K = 100;

    private final Memo<Path> bundled = Memo.of(BundledDatasets::root);

    @Override
    public String name() {
        return "retrieval";
    }

    @Override
    public String description() {
        return "Retrieval datasets (BEIR/MTEB layout), scored as trec_eval 9.0.8 / pytrec_eval; bundled: "
                + String.join(", ", BundledDatasets.names());
    }

    @Override
    public Set<RequestKind<?, ?>> requestKinds(TaskSettings settings) {
        return Set.of(RequestKind.RETRIEVE);
    }

    @Override
    public Set<String> argumentKeys() {
        return Set.of(TOP_K, CUTOFFS, LANGUAGE);
    }

    @Override
    public Metrics metrics(TaskSettings settings) {
        return Metrics.means(RunScoring.MAIN_MEASURE, RunScoring.metrics(options(settings)));
    }

    @Override
    public Map<String, Object> describeSettings(TaskSettings settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "retrieval");
        m.put("split", settings.split().id());
        m.put("topK", topK(settings));
        m.put("cutoffs", options(settings).cutoffs());
        m.put("conventions", "trec_eval 9.0.8 as pytrec_eval 0.5 computes it (BEIR's and MTEB's call): relevance"
                + " level 1, float32 score ties, queries without judgments dropped");
        settings.args().entrySet().stream().filter(e -> e.getKey().equals(LANGUAGE))
                .forEach(e -> m.put("language", e.getValue()));
        return m;
    }

    /** A dataset folder is one subject; a folder of dataset folders, one per folder, by name. */
    @Override
    public List<Subject> subjects(Path dataDir) {
        boolean single = isDataset(dataDir);
        return DatasetFolders.datasets(dataDir, this::isDataset, "a BEIR dataset folder (" + BeirReader.CORPUS
                        + ", " + BeirReader.QUERIES + ", qrels/<split>.tsv)").stream()
                .map(dir -> subject(dir, single ? nameOf(dir) : dir.getFileName().toString())).toList();
    }

    @Override
    public boolean isDataset(Path dir) {
        return BeirReader.isDataset(dir);
    }

    @Override
    public List<DataFile> dataFiles(Path dataDir, Subject subject, TaskSettings settings) {
        Path dir = datasetRoot(dataDir, subject);
        List<DataFile> files = new ArrayList<>(List.of(new DataFile("corpus", dir.resolve(BeirReader.CORPUS)),
                new DataFile("queries", dir.resolve(BeirReader.QUERIES)),
                new DataFile("qrels", BeirReader.qrelsFile(dir, settings.split().id()))));
        Path metadata = dir.resolve(DatasetMetadata.FILE);
        if (Files.isRegularFile(metadata)) {
            files.add(new DataFile("metadata", metadata)); // it sets the language, which picks the analyzer
        }
        for (DataFile f : files) {
            if (!Files.isRegularFile(f.path())) {
                throw new DataFormatException(f.path(), 0, "expected the " + f.role() + " file of dataset "
                        + subject.name() + (f.role().equals("qrels") ? " (splits present: "
                        + DatasetLoader.splitsIn(dir) + ")" : "") + ", found none");
            }
        }
        return files;
    }

    @Override
    public Optional<Path> bundledDataDir() {
        return Optional.of(bundled.get());
    }

    @Override
    public List<TaskItem> load(Path dataDir, Subject subject, PlanContext context, boolean requireGold) {
        TaskSettings settings = context.settings();
        RetrievalDataset data = DatasetLoader.load(datasetRoot(dataDir, subject), subject.name(),
                settings.split().id(), Optional.ofNullable(settings.args().get(LANGUAGE)).map(Language::of));
        List<Passage> passages = new ArrayList<>(data.corpus().size());
        for (Document d : data.corpus()) {
            passages.add(new Passage(d.id(), d.title(), d.text()));
        }
        Corpus corpus = new Corpus(subject.name(), data.files().corpusSha256(), data.language().language().id(),
                passages);
        MetricOptions options = options(settings);
        int topK = topK(settings);
        List<Query> queries = new ArrayList<>(data.queries());
        queries.sort((a, b) -> Docnos.STRCMP.compare(a.id(), b.id()));
        if (settings.limit().isPresent() && settings.limit().getAsInt() < queries.size()) {
            queries = queries.subList(0, settings.limit().getAsInt());
        }
        List<TaskItem> items = new ArrayList<>(queries.size());
        for (Query q : queries) {
            Map<String, Integer> judgments = data.qrels().judgments().get(q.id());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("language", data.language().language().id() + " (" + data.language().source() + ")");
            items.add(new TaskItem(q.id(), subject.name(), q.source(), q.text(),
                    // gold in document order: Qrels holds each query's judgments in a Map.copyOf, whose order
                    // changes from one JVM to the next
                    List.of(new RetrieveRequest(q.text(), corpus, topK)), new TreeMap<>(judgments), facts,
                    responses -> score(q.id(), judgments, (Ranking) responses.get(0), options)));
        }
        return items;
    }

    private static ItemScore score(String query, Map<String, Integer> judgments, Ranking ranking,
                                   MetricOptions options) {
        Map<String, Double> values = RunScoring.score(query, judgments, ranking.scores(), options);
        List<String> top = ranking.hits().stream().limit(10).map(Ranking.Hit::docId).toList();
        return new ItemScore(values, top, Map.of("retrieved", ranking.hits().size()));
    }

    private static Subject subject(Path dir, String name) {
        DatasetMetadata meta = DatasetMetadata.read(dir);
        return new Subject(name, meta.name(), meta.language().map(l -> List.of("language:" + l.id())).orElse(List.of()));
    }

    /** A single dataset folder's name: its dataset.json name when that is a valid id, else the folder's. */
    private static String nameOf(Path dir) {
        String declared = DatasetMetadata.read(dir).name();
        if (declared.matches("[a-z0-9][a-z0-9_.-]*")) {
            return declared;
        }
        Path folder = dir.toAbsolutePath().normalize().getFileName();
        return folder == null ? declared : folder.toString();
    }

    private static int topK(TaskSettings settings) {
        return settings.intArg(TOP_K, DEFAULT_TOP_K, 1);
    }

    private static MetricOptions options(TaskSettings settings) {
        String given = settings.arg(CUTOFFS, null);
        if (given == null) {
            return RunScoring.options(MetricOptions.DEFAULT_CUTOFFS);
        }
        try {
            return RunScoring.options(Arrays.stream(given.split(",")).map(String::strip).map(Integer::valueOf).toList());
        } catch (NumberFormatException e) {
            throw new ProctorException("--task-arg k=" + given + ": expected cutoffs such as 1,3,5,10,100");
        }
    }
}
