package dev.proctor.core.testkit;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.metric.Aggregation;
import dev.proctor.api.metric.MetricSpec;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.request.Corpus;
import dev.proctor.api.request.EmbedRequest;
import dev.proctor.api.request.Embedding;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.Passage;
import dev.proctor.api.request.PredictRequest;
import dev.proctor.api.request.Prediction;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.request.RetrieveRequest;
import dev.proctor.api.task.DataFile;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.PlanContext;
import dev.proctor.api.task.ReferenceAverage;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskItem;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A task over {@code <dataDir>/<split>/<subject>.txt}, one item per line {@code text|gold}, that makes requests of one
 * kind: log-likelihood of " yes" and " no" after the text, a generation, the text's embedding, a retrieval over the
 * subject's lines as a corpus, or a prediction. Metrics: {@code hit} (0/1, main), {@code value} (a real number) and,
 * optionally, the corpus metric {@code rate} (hits over items on a whole set). Counts how often its subjects are read,
 * so a test can show a refusal came before any data.
 */
public final class LineTask implements Task {
    private final String name;
    private final RequestKind<?, ?> kind;
    private final List<Subject> subjects;
    private boolean corpusMetric;
    private Path bundled;
    private int subjectReads;
    private List<ReferenceAverage> references = List.of();

    public LineTask(String name, RequestKind<?, ?> kind, Subject... subjects) {
        this.name = name;
        this.kind = kind;
        this.subjects = List.of(subjects);
    }

    public LineTask withReferences(ReferenceAverage... averages) {
        references = List.of(averages);
        return this;
    }

    @Override
    public List<ReferenceAverage> referenceAverages() {
        return references;
    }

    public LineTask withCorpusMetric() {
        this.corpusMetric = true;
        return this;
    }

    public LineTask bundled(Path dir) {
        this.bundled = dir;
        return this;
    }

    public int subjectReads() {
        return subjectReads;
    }

    /** Writes one subject's split. */
    public static Path write(Path dataDir, String split, String subject, String... lines) throws IOException {
        Path file = dataDir.resolve(split).resolve(subject + ".txt");
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
        return file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "line task " + name + " (" + kind.id() + ")";
    }

    @Override
    public Set<RequestKind<?, ?>> requestKinds(TaskSettings settings) {
        return Set.of(kind);
    }

    @Override
    public Metrics metrics(TaskSettings settings) {
        List<MetricSpec> specs = new ArrayList<>(List.of(MetricSpec.accuracy("hit", "the model agreed with gold"),
                MetricSpec.mean("value", true, "a number the responses give")));
        if (corpusMetric) {
            specs.add(new MetricSpec("rate", Aggregation.CORPUS, true, false, "hits over items, on a whole set"));
            return new Metrics("hit", specs, Map.of("rate", items -> items.stream()
                    .mapToDouble(i -> i.value("hit")).sum() / items.size()));
        }
        return Metrics.means("hit", specs);
    }

    @Override
    public Set<String> argumentKeys() {
        return Set.of("flavour");
    }

    @Override
    public Map<String, Object> describeSettings(TaskSettings settings) {
        return Map.of("kind", kind.id());
    }

    @Override
    public List<Subject> subjects(Path dataDir) {
        subjectReads++;
        return subjects;
    }

    @Override
    public List<DataFile> dataFiles(Path dataDir, Subject subject, TaskSettings settings) {
        return List.of(new DataFile(settings.split().id(), file(dataDir, subject, settings.split().id())));
    }

    @Override
    public Optional<Path> bundledDataDir() {
        return Optional.ofNullable(bundled);
    }

    private static Path file(Path dataDir, Subject subject, String split) {
        return dataDir.resolve(split).resolve(subject.name() + ".txt");
    }

    @Override
    public List<TaskItem> load(Path dataDir, Subject subject, PlanContext context, boolean requireGold) {
        Path file = file(dataDir, subject, context.settings().split().id());
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ProctorException("cannot read " + file, e);
        }
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            passages.add(new Passage("d" + i, "", lines.get(i).split("\\|", -1)[0]));
        }
        Corpus corpus = new Corpus(subject.name(), Sha256.of(String.join("\n", lines)), "en", passages);
        List<TaskItem> items = new ArrayList<>();
        int limit = context.settings().limit().orElse(Integer.MAX_VALUE);
        for (int i = 0; i < lines.size() && i < limit; i++) {
            String[] f = lines.get(i).split("\\|", -1);
            if (f.length != 2) {
                throw new DataFormatException(file, i + 1, "expected text|gold");
            }
            String text = f[0];
            String gold = f[1];
            items.add(new TaskItem(subject.name() + "/" + i, subject.name(), new SourceLine(file, i + 1), text,
                    requests(text, corpus), gold, Map.of("line", i + 1), responses -> score(responses, gold)));
        }
        return items;
    }

    private List<Request> requests(String text, Corpus corpus) {
        if (kind == RequestKind.LOGLIKELIHOOD) {
            return List.of(new LoglikelihoodRequest(text, " yes", false), new LoglikelihoodRequest(text, " no", false));
        }
        if (kind == RequestKind.GENERATE) {
            return List.of(new GenerateRequest(text, List.of("\n"), 4));
        }
        if (kind == RequestKind.EMBED) {
            return List.of(new EmbedRequest(text, EmbedRequest.Role.QUERY));
        }
        if (kind == RequestKind.RETRIEVE) {
            return List.of(new RetrieveRequest(text, corpus, 2));
        }
        return List.of(PredictRequest.ofText(text));
    }

    private static ItemScore score(List<Response> responses, String gold) {
        Response first = responses.get(0);
        boolean hit;
        double value;
        Object prediction;
        if (first instanceof Loglikelihood yes) {
            Loglikelihood no = (Loglikelihood) responses.get(1);
            prediction = yes.logLikelihood() > no.logLikelihood() ? "yes" : "no";
            hit = prediction.equals(gold);
            value = yes.logLikelihood();
        } else if (first instanceof Generation g) {
            prediction = g.text();
            hit = g.text().equals(gold);
            value = g.text().length();
        } else if (first instanceof Embedding e) {
            prediction = e.vector()[1] > 0 ? "yes" : "no";
            hit = prediction.equals(gold);
            value = e.vector()[0];
        } else if (first instanceof Ranking r) {
            prediction = r.hits().isEmpty() ? null : r.hits().get(0).docId();
            hit = gold.equals(prediction);
            value = r.hits().isEmpty() ? 0 : r.hits().get(0).score();
        } else {
            Prediction p = (Prediction) first;
            prediction = p.label();
            hit = p.label().equals(gold);
            value = p.score();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("hit", hit ? 1.0 : 0.0);
        values.put("value", value);
        return new ItemScore(values, prediction, Map.of());
    }
}
