package dev.proctor.cli.stats;

import dev.proctor.api.metric.MetricSpec;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.PredictRequest;
import dev.proctor.api.request.Prediction;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.task.DataFile;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.PlanContext;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskItem;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.evaluate.Evaluator;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.evaluate.RunOutput;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.schedule.ProgressListener;
import dev.proctor.core.select.DataSources;
import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Small run directories written by the real evaluator: {@code subject(task, subject, "1101")} adds one item per
 * character, answered correctly for 1, not for 0 (a model that echoes the character), so the statistics commands
 * read exactly the files {@code proctor run} writes. Bits per byte are 1.0, 1.1, 1.2, 1.0, ... per item.
 */
final class RunDirs {
    private final Map<String, Map<String, String>> patterns = new LinkedHashMap<>();

    RunDirs subject(String task, String subject, String pattern) {
        patterns.computeIfAbsent(task, t -> new LinkedHashMap<>()).put(subject, pattern);
        return this;
    }

    Path write(Path dir) {
        Path data = dir.resolveSibling(dir.getFileName() + "-data");
        List<Task> tasks = new ArrayList<>();
        patterns.forEach((task, subjects) -> tasks.add(new PatternTask(task, subjects)));
        try {
            for (Map.Entry<String, Map<String, String>> t : patterns.entrySet()) {
                for (Map.Entry<String, String> s : t.getValue().entrySet()) {
                    Path file = data.resolve(t.getKey()).resolve(s.getKey() + ".txt");
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, s.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DataSources sources = new DataSources(Map.of(DataSources.ANY_TASK, data), Set.of(DataSources.ANY_TASK),
                DatasetLock.empty(), new DatasetCache(data.resolve("cache")), true, l -> { });
        Evaluator evaluator = new Evaluator(TaskRegistry.of(tasks), ModelRegistry.of(List.of(new Echo())), sources);
        TaskSettings settings = new TaskSettings(Split.TEST, 0, OptionalInt.empty(), PromptFormat.OFFICIAL,
                ScoringMode.LETTER, 1234, Map.of());
        RunConfig config = new RunConfig(List.copyOf(patterns.keySet()), settings, 4096,
                new BootstrapConfig(200, 1234, ConfidenceLevel.NINETY_FIVE));
        evaluator.evaluate(config, ModelSpec.parse("echo:" + dir.getFileName(), "cpu", Map.of()), RunOutput.at(dir),
                ProgressListener.NONE);
        return dir;
    }

    /** Items are the characters of each subject's pattern; the model's label for an item is its character. */
    private static final class PatternTask implements Task {
        private final String name;
        private final Map<String, String> subjects;

        PatternTask(String name, Map<String, String> subjects) {
            this.name = name;
            this.subjects = subjects;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "pattern " + name;
        }

        @Override
        public Set<RequestKind<?, ?>> requestKinds(TaskSettings settings) {
            return Set.of(RequestKind.PREDICT);
        }

        @Override
        public Metrics metrics(TaskSettings settings) {
            return Metrics.means("acc", List.of(MetricSpec.accuracy("acc", "echoed 1"),
                    MetricSpec.accuracy("acc_norm", "echoed 1"), MetricSpec.mean("bpb", false, "a loss")));
        }

        @Override
        public Map<String, Object> describeSettings(TaskSettings settings) {
            return Map.of();
        }

        @Override
        public List<Subject> subjects(Path dataDir) {
            return subjects.keySet().stream().map(s -> new Subject(s, s, List.of())).toList();
        }

        @Override
        public List<DataFile> dataFiles(Path dataDir, Subject subject, TaskSettings settings) {
            return List.of(new DataFile("test", dataDir.resolve(name).resolve(subject.name() + ".txt")));
        }

        @Override
        public List<TaskItem> load(Path dataDir, Subject subject, PlanContext context, boolean requireGold) {
            String pattern = subjects.get(subject.name());
            List<TaskItem> items = new ArrayList<>();
            for (int i = 0; i < pattern.length(); i++) {
                String id = subject.name() + "-" + i;
                double bpb = 1 + (i % 3) * 0.1;
                items.add(new TaskItem(id, subject.name(), new SourceLine(dataDir, i + 1), id,
                        List.of(PredictRequest.ofText(id + ":" + pattern.charAt(i))), i % 4, Map.of(), responses -> {
                            boolean right = ((Prediction) responses.get(0)).label().equals("1");
                            double v = right ? 1.0 : 0.0;
                            return new ItemScore(Map.of("acc", v, "acc_norm", v, "bpb", bpb), right ? 1 : 0, Map.of());
                        }));
            }
            return items;
        }
    }

    /** {@code echo}: labels a text with its last character. */
    static final class Echo implements ModelProvider {
        @Override
        public String scheme() {
            return "echo";
        }

        @Override
        public String description() {
            return "echo";
        }

        @Override
        public Model load(ModelSpec spec, ModelOpener opener) {
            return new Model() {
                @Override
                public ModelInfo info() {
                    return new ModelInfo(spec.location(), "echo", "java", "cpu", Map.of());
                }

                @Override
                public Set<RequestKind<?, ?>> capabilities() {
                    return Set.of(RequestKind.PREDICT);
                }

                @Override
                @SuppressWarnings("unchecked")
                public <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests,
                                                                        Execution<A> execution) {
                    for (int i = 0; i < requests.size(); i++) {
                        String text = ((PredictRequest) requests.get(i)).text();
                        execution.completed(i, (A) Prediction.label(text.substring(text.length() - 1), 1));
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
