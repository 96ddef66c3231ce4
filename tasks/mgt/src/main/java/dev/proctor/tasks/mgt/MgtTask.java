package dev.proctor.tasks.mgt;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.NamedChoice;
import dev.proctor.api.ProctorException;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.TokenStatistics;
import dev.proctor.api.task.DataFile;
import dev.proctor.api.task.FitExample;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.PlanContext;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.SubjectFit;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskItem;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.classification.ZeroDivision;
import dev.proctor.datafiles.DatasetFolderTask;
import dev.proctor.datafiles.DatasetFolders;
import dev.proctor.datafiles.Memo;
import dev.proctor.tasks.mgt.data.BundledMgt;
import dev.proctor.tasks.mgt.data.MgtRow;
import dev.proctor.tasks.mgt.data.SemEvalFiles;
import dev.proctor.tasks.mgt.data.Subtask;
import dev.proctor.tasks.mgt.detect.Boundary;
import dev.proctor.tasks.mgt.detect.Detector;
import dev.proctor.tasks.mgt.detect.ItemValues;
import dev.proctor.tasks.mgt.detect.MgtMetrics;
import dev.proctor.tasks.mgt.detect.ProbeFit;
import dev.proctor.tasks.mgt.detect.ThresholdFit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One SemEval-2024 Task 8 subtask as a task whose subjects are datasets ({@code mgt:bundled-en}). An item is a text;
 * the detector ({@code --task-arg detector=...}) makes its one request, and what the detector needs is fitted on the
 * dataset's other splits: evaluating test, zero-shot thresholds are chosen on dev and the probe is trained on train
 * and tuned on dev; evaluating dev ({@code --split dev}), thresholds are chosen on train and the probe's C is fixed.
 * Test is never fitted on.
 */
public final class MgtTask implements DatasetFolderTask {
    static final String DETECTOR = "detector";
    static final String TRACK = "track";
    static final String ZERO_DIVISION = "zero-division";
    static final String MAX_TOKENS = "max-tokens";
    /** Binoculars' max_token_observed. */
    static final int DEFAULT_MAX_TOKENS = 512;

    private final Subtask subtask;
    private final Memo<Path> bundled = Memo.of(BundledMgt::root);

    MgtTask(Subtask subtask) {
        this.subtask = subtask;
    }

    @Override
    public String name() {
        return switch (subtask) {
            case A -> "mgt";
            case B -> "mgt-multiway";
            case C -> "mgt-boundary";
        };
    }

    @Override
    public String description() {
        return switch (subtask) {
            case A -> "Machine-generated text detection, human (0) or machine (1): SemEval-2024 Task 8 subtask A";
            case B -> "Which model wrote a text, human 0 or one of five generators: SemEval-2024 Task 8 subtask B";
            case C -> "Where machine text starts in a human text continued by a machine (word position, MAE):"
                    + " SemEval-2024 Task 8 subtask C";
        } + "; bundled: " + String.join(", ", BundledMgt.names());
    }

    @Override
    public Set<RequestKind<?, ?>> requestKinds(TaskSettings settings) {
        return Set.of(detector(settings).kind());
    }

    @Override
    public Set<String> argumentKeys() {
        return subtask == Subtask.A ? Set.of(DETECTOR, TRACK, ZERO_DIVISION, MAX_TOKENS)
                : Set.of(DETECTOR, ZERO_DIVISION, MAX_TOKENS);
    }

    @Override
    public Metrics metrics(TaskSettings settings) {
        return MgtMetrics.of(subtask, zeroDivision(settings));
    }

    @Override
    public Map<String, Object> describeSettings(TaskSettings settings) {
        Detector detector = detector(settings);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "mgt-detection");
        m.put("subtask", subtask.prefix());
        m.put("split", evaluatedSplit(settings));
        m.put("detector", detector.id());
        if (detector.zeroShot()) {
            m.put("maxTokens", maxTokens(settings));
            m.put("machineWhen", detector == Detector.BOUNDARY ? "the tail after the boundary is more likely"
                    : (detector.direction() > 0 ? "higher" : "lower") + " statistic");
        }
        if (fits(settings)) {
            m.put("fittedOn", fitSplits(settings));
        }
        if (subtask.classifies()) {
            m.put("zeroDivision", zeroDivision(settings).id());
        }
        m.put("conventions", "SemEval-2024 Task 8 scorer (mbzuai-nlp/SemEval2024-task8, final ad552e9) with"
                + " scikit-learn 1.2.1; predictions and gold joined by the task's own items, none dropped");
        return m;
    }

    @Override
    public List<Subject> subjects(Path dataDir) {
        return DatasetFolders.datasets(dataDir, this::isDataset, "SemEval-2024 Task 8 " + subtask.prefix() + " files ("
                        + subtask.fileName("test", Subtask.TRACKS.get(0)) + ", flat or under " + subtask.prefix()
                        + "/data/)").stream()
                .map(dir -> subject(DatasetFolders.name(dir))).toList();
    }

    @Override
    public boolean isDataset(Path dir) {
        return SemEvalFiles.holds(dir, subtask);
    }

    @Override
    public List<DataFile> dataFiles(Path dataDir, Subject subject, TaskSettings settings) {
        Path root = datasetRoot(dataDir, subject);
        List<DataFile> files = new ArrayList<>();
        files.add(new DataFile(evaluatedSplit(settings), file(root, subject, evaluatedSplit(settings), settings)));
        if (fits(settings)) {
            for (String split : fitSplits(settings)) {
                files.add(new DataFile(split, file(root, subject, split, settings)));
            }
        }
        return files;
    }

    @Override
    public Optional<Path> bundledDataDir() {
        return Optional.of(bundled.get());
    }

    @Override
    public boolean fits(TaskSettings settings) {
        return subtask.classifies();
    }

    @Override
    public List<TaskItem> loadFitItems(Path dataDir, Subject subject, PlanContext context) {
        List<TaskItem> items = new ArrayList<>();
        for (String split : fitSplits(context.settings())) {
            items.addAll(items(dataDir, subject, split, context.settings(), false));
        }
        return items;
    }

    @Override
    public List<TaskItem> load(Path dataDir, Subject subject, PlanContext context, boolean requireGold) {
        return items(dataDir, subject, evaluatedSplit(context.settings()), context.settings(), true);
    }

    @Override
    public SubjectFit fit(Subject subject, List<FitExample> examples, TaskSettings settings) {
        if (detector(settings) == Detector.PROBE) {
            List<FitExample> train = ofSplit(examples, "train");
            List<FitExample> dev = ofSplit(examples, "dev");
            return ProbeFit.train(train, evaluatedSplit(settings).equals("dev") ? List.of() : dev);
        }
        return ThresholdFit.choose(examples, fitSplits(settings).get(0));
    }

    private static List<FitExample> ofSplit(List<FitExample> examples, String split) {
        return examples.stream().filter(e -> split.equals(e.item().facts().get("split"))).toList();
    }

    private List<TaskItem> items(Path dataDir, Subject subject, String split, TaskSettings settings,
                                 boolean evaluated) {
        Path file = file(datasetRoot(dataDir, subject), subject, split, settings);
        List<MgtRow> rows = SemEvalFiles.read(file, subtask);
        if (evaluated && settings.limit().isPresent() && settings.limit().getAsInt() < rows.size()) {
            rows = rows.subList(0, settings.limit().getAsInt());
        }
        Detector detector = detector(settings);
        int maxTokens = maxTokens(settings);
        List<TaskItem> items = new ArrayList<>(rows.size());
        for (MgtRow row : rows) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("split", split);
            if (!row.model().isEmpty()) {
                facts.put("model", row.model());
            }
            if (!row.source().isEmpty()) {
                facts.put("source", row.source());
            }
            items.add(new TaskItem(subject.name() + "/" + split + "/" + row.id(), subject.name(), row.at(), row.text(),
                    List.of(detector.request(row.text(), maxTokens)), row.label(), facts,
                    responses -> score(detector, row, responses.get(0))));
        }
        return items;
    }

    private static ItemScore score(Detector detector, MgtRow row, Object response) {
        if (detector == Detector.BOUNDARY) {
            return Boundary.score(row.text(), row.label(), (TokenStatistics) response);
        }
        if (!detector.zeroShot()) {
            return ItemValues.unfitted(row.label(), Double.NaN, Map.of());
        }
        TokenStatistics s = (TokenStatistics) response;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statistic", detector.statistic(s));
        details.put("tokens", s.tokens());
        details.put("truncated", s.truncated());
        return ItemValues.unfitted(row.label(), detector.machineScore(s), details);
    }

    private Path file(Path root, Subject subject, String split, TaskSettings settings) {
        List<String> tracks = subtask == Subtask.A
                ? Optional.ofNullable(settings.args().get(TRACK)).map(t -> List.of(track(t))).orElse(Subtask.TRACKS)
                : List.of("");
        for (String track : tracks) {
            Optional<Path> found = SemEvalFiles.find(root, subtask, split, track);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new DataFormatException(root, 0, "dataset " + subject.name() + " has no " + split + " file for "
                + subtask.prefix() + " (looked for " + tracks.stream().map(t -> subtask.fileName(split, t)).toList()
                + ", flat or under " + subtask.prefix() + "/data/)" + (evaluatedSplit(settings).equals(split) ? ""
                : "; the detector is fitted on it"));
    }

    private static String track(String given) {
        String t = given.strip().toLowerCase(java.util.Locale.ROOT);
        if (!Subtask.TRACKS.contains(t)) {
            throw new ProctorException("--task-arg track=" + given + ": expected one of " + Subtask.TRACKS);
        }
        return t;
    }

    /** The split scored: SemEval's test (the default) or dev. */
    private static String evaluatedSplit(TaskSettings settings) {
        return switch (settings.split()) {
            case TEST -> "test";
            case DEV -> "dev";
            case VAL -> throw new ProctorException("SemEval-2024 Task 8 has train, dev and test splits; evaluate"
                    + " --split test or --split dev");
        };
    }

    /** What is fitted on: the splits before the evaluated one, never test. */
    private List<String> fitSplits(TaskSettings settings) {
        boolean test = evaluatedSplit(settings).equals("test");
        if (detector(settings) == Detector.PROBE) {
            return test ? List.of("train", "dev") : List.of("train");
        }
        return List.of(test ? "dev" : "train");
    }

    private Detector detector(TaskSettings settings) {
        Detector fallback = switch (subtask) {
            case A -> Detector.LOG_LIKELIHOOD;
            case B -> Detector.PROBE;
            case C -> Detector.BOUNDARY;
        };
        Detector d = Optional.ofNullable(settings.args().get(DETECTOR)).map(Detector::parse).orElse(fallback);
        boolean allowed = switch (subtask) {
            case A -> d != Detector.BOUNDARY;
            case B -> d == Detector.PROBE;
            case C -> d == Detector.BOUNDARY;
        };
        if (!allowed) {
            throw new ProctorException("--task-arg detector=" + d.id() + " does not apply to " + name() + "; it takes "
                    + switch (subtask) {
                        case A -> NamedChoice.ids(Detector.class).stream()
                                .filter(id -> !id.equals(Detector.BOUNDARY.id())).toList().toString();
                        case B -> Detector.PROBE.id() + " (a zero-shot score has no six classes)";
                        case C -> Detector.BOUNDARY.id();
                    });
        }
        return d;
    }

    private static int maxTokens(TaskSettings settings) {
        return settings.intArg(MAX_TOKENS, DEFAULT_MAX_TOKENS, 2);
    }

    private static ZeroDivision zeroDivision(TaskSettings settings) {
        String given = settings.arg(ZERO_DIVISION, ZeroDivision.ZERO.id()).strip();
        return switch (given) {
            case "0" -> ZeroDivision.ZERO;
            case "1" -> ZeroDivision.ONE;
            default -> throw new ProctorException("--task-arg zero-division=" + given + ": expected 0 (the final"
                    + " SemEval scorer's) or 1 (its earlier versions')");
        };
    }

    private static Subject subject(String name) {
        return new Subject(name, name, List.of());
    }
}
