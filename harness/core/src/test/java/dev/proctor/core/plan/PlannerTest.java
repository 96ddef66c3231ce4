package dev.proctor.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import dev.proctor.core.testkit.FakeLanguageModel;
import dev.proctor.core.testkit.FakeTask;
import dev.proctor.core.testkit.Fixtures;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    @TempDir
    Path dir;
    private Path data;

    @BeforeEach
    void data() throws IOException {
        data = Fixtures.writeToyData(dir, 4, 5);
    }

    private static RunConfig config(List<String> tasks, Path data, Split split, int shots, OptionalInt limit) {
        return new RunConfig(tasks, split, shots, limit, PromptFormat.LM_EVAL, ScoringMode.LOGLIK, 1, 4096,
                Map.of(RunConfig.ANY_TASK, data));
    }

    private static TaskRegistry registry(FakeTask task) {
        return TaskRegistry.of(List.of(task));
    }

    @Test
    void plansEverySubjectInSelectionOrderWithCategories() {
        EvaluationPlan plan = Planner.plan(config(List.of("toy:music,toy"), data, Split.TEST, 0,
                OptionalInt.empty()), registry(Fixtures.toyTask()), null);
        assertEquals(12, plan.items().size());
        assertEquals("toy/music/test/0", plan.items().get(0).key());
        assertEquals(List.of("toy/music", "toy/algebra", "toy/history"), List.copyOf(plan.categoriesBySubjectKey().keySet()));
        assertEquals(List.of("Humanities", "Local"), plan.categoriesBySubjectKey().get("toy/history"));
        PlannedItem first = plan.items().get(0);
        assertEquals(List.of("A", "B", "C", "D"), first.choiceLabels());
        assertEquals(Sha256.of(first.prompt().context()), first.promptSha256());
    }

    @Test
    void limitTakesTheFirstItemsOfEachSubject() {
        EvaluationPlan plan = Planner.plan(config(List.of("toy"), data, Split.TEST, 0, OptionalInt.of(2)),
                registry(Fixtures.toyTask()), null);
        assertEquals(List.of("toy/algebra/test/0", "toy/algebra/test/1", "toy/history/test/0", "toy/history/test/1",
                "toy/music/test/0", "toy/music/test/1"), plan.items().stream().map(PlannedItem::key).toList());
    }

    @Test
    void dataFilesRecordEverySplitReadWithHashAndSize() throws IOException {
        FakeTask task = Fixtures.toyTask();
        EvaluationPlan zeroShot = Planner.plan(config(List.of("toy:algebra"), data, Split.TEST, 0,
                OptionalInt.empty()), registry(task), null);
        assertEquals(List.of("test"), zeroShot.dataFiles().stream().map(DataFileRef::split).toList());

        EvaluationPlan fewShot = Planner.plan(config(List.of("toy:algebra"), data, Split.TEST, 2,
                OptionalInt.empty()), registry(task), null);
        assertEquals(List.of("test", "dev"), fewShot.dataFiles().stream().map(DataFileRef::split).toList());
        for (DataFileRef ref : fewShot.dataFiles()) {
            assertEquals(Sha256.of(ref.path()), ref.sha256());
            assertEquals(Files.size(ref.path()), ref.bytes());
            assertEquals("algebra", ref.subject());
        }
    }

    @Test
    void missingGoldIsRefusedNamingFileAndLine() throws IOException {
        String[] rows = Fixtures.lines("q", 4);
        rows[2] = rows[2].substring(0, rows[2].length() - 1); // drop the gold letter
        Path file = FakeTask.write(data, Split.TEST, "algebra", rows);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Planner.plan(
                config(List.of("toy"), data, Split.TEST, 0, OptionalInt.empty()), registry(Fixtures.toyTask()), null));
        assertTrue(e.getMessage().startsWith(file + ":3: missing gold answer"), e.getMessage());
        // showing prompts needs no gold
        assertEquals(12, Planner.planPrompts(config(List.of("toy"), data, Split.TEST, 0, OptionalInt.empty()),
                registry(Fixtures.toyTask())).items().size());
    }

    @Test
    void unscorableSplitIsRefusedWithTheTasksReasonButPromptsStillWork() {
        FakeTask task = Fixtures.toyTask().unscorable(Split.TEST, "test answers are not published");
        RunConfig config = config(List.of("toy"), data, Split.TEST, 1, OptionalInt.empty());
        ProctorException e = assertThrows(ProctorException.class, () -> Planner.plan(config, registry(task), null));
        assertTrue(e.getMessage().contains("test answers are not published"), e.getMessage());
        assertEquals(12, Planner.planPrompts(config, registry(task)).items().size());
        // the dev split of the same task is scorable
        Planner.plan(config(List.of("toy"), data, Split.DEV, 1, OptionalInt.empty()), registry(task), null);
    }

    @Test
    void fewerDevRowsThanShotsUsesWhatThereIs() throws IOException {
        FakeTask.write(data, Split.DEV, "algebra", Fixtures.lines("dev", 2));
        EvaluationPlan plan = Planner.plan(config(List.of("toy:algebra"), data, Split.TEST, 5,
                OptionalInt.empty()), registry(Fixtures.toyTask()), null);
        plan.items().forEach(i -> assertEquals(2, i.prompt().shotsUsed()));
        assertEquals(4, plan.itemsShortOfShots());
    }

    @Test
    void evaluatingDevNeverShowsTheItemAsItsOwnExample() {
        EvaluationPlan plan = Planner.plan(config(List.of("toy:algebra"), data, Split.DEV, 4,
                OptionalInt.empty()), registry(Fixtures.toyTask()), null);
        for (PlannedItem item : plan.items()) {
            String question = item.prompt().item().question();
            String context = item.prompt().context();
            assertEquals(4, item.prompt().shotsUsed());
            assertEquals(context.indexOf(question), context.lastIndexOf(question), context);
        }
    }

    @Test
    void withAModelShotsAreDroppedToFit() {
        RunConfig config = config(List.of("toy"), data, Split.TEST, 5, OptionalInt.empty());
        EvaluationPlan unlimited = Planner.plan(config, registry(Fixtures.toyTask()), null);
        EvaluationPlan fitted = Planner.plan(config, registry(Fixtures.toyTask()), new FakeLanguageModel(400));
        assertEquals(0, unlimited.itemsShortOfShots());
        assertEquals(12, fitted.itemsShortOfShots());
        for (PlannedItem item : fitted.items()) {
            assertTrue(item.prompt().shotsUsed() > 0 && item.prompt().shotsUsed() < 5);
            assertEquals(5, item.prompt().shotsUsed() + item.prompt().shotsDropped());
            assertTrue(item.prompt().context().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1 <= 400);
            assertFalse(item.prompt().truncated());
        }
    }
}
