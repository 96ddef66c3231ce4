package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.metric.MetricSpec;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.aggregate.ScoreRow;
import dev.proctor.core.aggregate.TaskSummary;
import dev.proctor.core.evaluate.Evaluation;
import dev.proctor.core.evaluate.Evaluator;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.evaluate.RunOutput;
import dev.proctor.core.plan.PlannedItem;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.schedule.ProgressListener;
import dev.proctor.core.select.DataSources;
import dev.proctor.core.testkit.FakeModel;
import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.testkit.IsolatedCache;
import dev.proctor.testkit.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered task keeps, run through the one evaluator: for each task (retrieval included) and
 * each way it can be asked (the multiple-choice kind's three scoring modes), a fake model serving exactly the request
 * kinds the task declares completes the run, every declared metric is reported for every subject, and every request
 * made is of a declared kind; a model lacking one of them is refused before any data is read. A task added to the
 * class path is checked the day it is added.
 */
class TaskContractTest {
    @RegisterExtension
    static final IsolatedCache CACHE = new IsolatedCache();

    /** Every task with every scoring mode it distinguishes and accepts (MMCU refuses letter and loglik, saying why). */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Task task : TaskRegistry.discover().all()) {
            for (ScoringMode mode : ScoringMode.values()) {
                if (task.unscorableReason(settings(task, mode)).isPresent()) {
                    continue;
                }
                Set<RequestKind<?, ?>> kinds = task.requestKinds(settings(task, mode));
                if (mode == ScoringMode.LETTER || !kinds.equals(task.requestKinds(settings(task, ScoringMode.LETTER)))
                        || !task.metrics(settings(task, mode)).equals(task.metrics(settings(task, ScoringMode.LETTER)))) {
                    cases.add(Arguments.of(Named.of(task.name(), task), mode));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aModelServingTheDeclaredKindsCompletesTheRunWithEveryDeclaredMetric(Task task, ScoringMode mode,
                                                                            @TempDir Path out) {
        TaskSettings settings = settings(task, mode);
        Set<RequestKind<?, ?>> kinds = task.requestKinds(settings);
        assertFalse(kinds.isEmpty(), task.name() + " declares what it asks");
        Evaluation e = evaluator(task, data(task), kinds).evaluate(config(task, settings),
                ModelSpec.parse("contract", "cpu", Map.of()), RunOutput.at(out), ProgressListener.NONE);

        List<PlannedItem> items = e.report().plan().items();
        assertFalse(items.isEmpty());
        for (PlannedItem item : items) {
            for (Request r : item.item().requests()) {
                assertTrue(kinds.contains(r.kind()), item.key() + " made an undeclared " + r.kind() + " request");
            }
        }
        TaskSummary summary = e.report().summary().task(task.name());
        assertEquals(task.metrics(settings).main(), summary.metrics().main());
        for (ScoreRow row : summary.subjects()) {
            for (MetricSpec m : summary.metrics().specs()) {
                assertTrue(row.metrics().containsKey(m.name()), row.name() + " lacks " + m.name());
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("results.json")) && Files.isRegularFile(out.resolve("samples.jsonl")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aModelLackingAKindIsRefusedBeforeAnyDataIsRead(Task task, ScoringMode mode, @TempDir Path out) {
        TaskSettings settings = settings(task, mode);
        Set<RequestKind<?, ?>> others = new java.util.HashSet<>(RequestKind.all());
        others.removeAll(task.requestKinds(settings));
        Path nowhere = out.resolve("no-such-data");
        ProctorException e = assertThrows(ProctorException.class, () -> evaluator(task, nowhere, others)
                .evaluate(config(task, settings), ModelSpec.parse("contract", "cpu", Map.of()), RunOutput.at(out),
                        ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("task " + task.name() + " needs ")
                && e.getMessage().contains("which model contract (fake) does not serve"), e.getMessage());
        assertFalse(Files.exists(out.resolve("results.json")));
    }

    private static TaskSettings settings(Task task, ScoringMode mode) {
        Split split = switch (task.name()) {
            case "m3ke" -> Split.DEV; // its public test split has no answers
            case "ceval" -> Split.VAL; // neither has C-Eval's
            default -> Split.TEST;
        };
        return new TaskSettings(split, 0, OptionalInt.of(2), PromptFormat.OFFICIAL, mode, 1, Map.of());
    }

    private static RunConfig config(Task task, TaskSettings settings) {
        return new RunConfig(List.of(task.name()), settings, 4096,
                new BootstrapConfig(100, 1, ConfidenceLevel.NINETY_FIVE));
    }

    /** The task's bundled data, else its release in the shared folder; the test is skipped, saying so, without. */
    private static Path data(Task task) {
        if (task.bundledDataDir().isPresent()) {
            return null;
        }
        Path dir = SharedFolder.resolve(task.name().equals("ceval") ? "data/ceval/ceval-exam" : "data/" + task.name());
        Assumptions.assumeTrue(Files.isDirectory(dir), "skipped: no data for " + task.name()
                + " here (not bundled, not in the shared folder)");
        return dir;
    }

    /** An evaluator whose only model, {@code contract}, serves exactly {@code kinds}. */
    private static Evaluator evaluator(Task task, Path dataDir, Set<RequestKind<?, ?>> kinds) {
        DataSources sources = dataDir == null ? DataSources.bundledOnly()
                : new DataSources(Map.of(task.name(), dataDir), Set.of(task.name()), DatasetLock.empty(),
                new DatasetCache(CACHE.dir()), true, line -> { });
        ModelProvider provider = new ModelProvider() {
            @Override
            public String scheme() {
                return "contract";
            }

            @Override
            public String description() {
                return "a fake model of the declared kinds";
            }

            @Override
            public Model load(ModelSpec spec, ModelOpener opener) {
                return new FakeModel("contract", kinds.toArray(RequestKind<?, ?>[]::new));
            }
        };
        return new Evaluator(TaskRegistry.of(List.of(task)), ModelRegistry.of(List.of(provider)), sources);
    }
}
