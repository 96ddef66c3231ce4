package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.UnknownNameException;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.PlanContext;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.TaskItem;
import dev.proctor.api.task.TaskSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generate scoring compares letters as strings: questions with several answers ("AB", MMCU's way) are right only when
 * read exactly so, letter/loglik scoring refuses them, and an unread answer is wrong unless a seeded random letter is
 * asked for, CMMLU's way.
 */
class SeveralAnswersTest {
    @TempDir
    Path data;
    private final MultipleChoiceTask several = new MultipleChoiceTask(new ToyMcTask().severalAnswers());
    private final MultipleChoiceTask single = new MultipleChoiceTask(new ToyMcTask());

    @BeforeEach
    void write() throws Exception {
        ToyMcTask.write(data, Split.TEST, "algebra", "2+2?|3|4|5|6|AB", "1+1?|2|3|4|5|C");
        ToyMcTask.write(data, Split.DEV, "algebra", "3+3?|6|7|8|9|BD");
    }

    private static TaskSettings settings(ScoringMode mode, int shots, Map<String, String> args) {
        return new TaskSettings(Split.TEST, shots, OptionalInt.empty(), PromptFormat.LM_EVAL, mode, 1, args);
    }

    private List<TaskItem> load(TaskSettings settings) {
        return several.load(data, ToyMcTask.ALGEBRA, new PlanContext(settings, Optional.empty()), true);
    }

    private static ItemScore answer(TaskItem item, String text) {
        return item.scorer().score(List.of(new Generation(text, Generation.Finish.STOP, 3, false)));
    }

    @Test
    void severalLettersAreRightOnlyWhenReadExactlyInOrderByTheBenchmarksOwnRule() {
        TaskSettings settings = settings(ScoringMode.GENERATE, 1, Map.of());
        TaskItem ab = load(settings).get(0);
        assertEquals("AB", ab.gold());
        assertTrue(((GenerateRequest) ab.requests().get(0)).context().contains("Answer: BD\n\n2+2?"),
                "a worked example shows its letters");
        assertEquals(1.0, answer(ab, "答案是AB").value("exact_match"));
        assertEquals("AB", answer(ab, "A、B").prediction());
        assertEquals(0.0, answer(ab, "BA").value("exact_match"), "order counts, as in TestChatGPT.py");
        assertEquals(0.0, answer(ab, "A").value("exact_match"));
        ItemScore none = answer(ab, "AAB");
        assertEquals(1.0, none.value("no_answer"));
        assertNull(none.prediction());
        assertFalse(none.details().containsKey("randomLetter"), "never a guess by default");
        assertEquals("mmcu", several.describeSettings(settings).get("answerRule"));
        assertEquals("wrong", several.describeSettings(settings).get("noAnswer"));

        TaskItem c = load(settings(ScoringMode.GENERATE, 0, Map.of("answer-rule", "first-letter"))).get(1);
        assertEquals(1.0, answer(c, "C").value("exact_match"));
        assertEquals("C", answer(c, "C").prediction(), "a letters answer is predicted as letters");
    }

    @Test
    void letterAndLoglikScoringAreRefusedWithTheReason() {
        for (ScoringMode mode : List.of(ScoringMode.LETTER, ScoringMode.LOGLIK)) {
            String reason = several.unscorableReason(settings(mode, 0, Map.of())).orElseThrow();
            assertTrue(reason.contains("several right letters") && reason.contains("--scoring generate"), reason);
            assertTrue(single.unscorableReason(settings(mode, 0, Map.of())).isEmpty());
        }
        assertTrue(several.unscorableReason(settings(ScoringMode.GENERATE, 0, Map.of())).isEmpty());
    }

    @Test
    void aRandomLetterIsScoredForAnUnreadAnswerOnlyOnRequestSeededAndRecorded() {
        TaskSettings settings = settings(ScoringMode.GENERATE, 0, Map.of("no-answer", "random-letter"));
        TaskItem c = load(settings).get(1);
        ItemScore first = answer(c, "我不知道");
        assertEquals(1.0, first.value("no_answer"), "still counted as unread");
        assertNull(first.details().get("extracted"));
        assertEquals("mmcu", first.details().get("rule"));
        assertEquals("我不知道", first.details().get("generation"));
        // random.Random(k).randrange(4), k = sha256("1:algebra/test/1")[:8] >> 1, by Python itself: D
        assertEquals("D", first.details().get("randomLetter"));
        assertEquals(0.0, first.value("exact_match"));
        assertEquals(first.details(), answer(c, "我不知道").details(), "the same letter every time");
        assertFalse(answer(c, "C").details().containsKey("randomLetter"), "only where nothing is read");
        Map<String, Object> described = several.describeSettings(settings);
        assertEquals("random-letter", described.get("noAnswer"));
        assertEquals(1L, described.get("noAnswerSeed"));
        assertTrue(several.metrics(settings).specs().stream().anyMatch(m -> m.description().contains("seed 1")));

        TaskItem single0 = single.load(data, ToyMcTask.ALGEBRA, new PlanContext(settings(ScoringMode.GENERATE, 0,
                Map.of("no-answer", "random-letter")), Optional.empty()), false).get(0);
        ItemScore guessed = answer(single0, "no idea");
        assertEquals("C", guessed.details().get("randomLetter"), "Python: C for 1:algebra/test/0");
        assertEquals(2, guessed.prediction(), "a single-letter task still predicts an index");
    }

    @Test
    void anUnknownPolicyIsRefusedNamingThePolicies() {
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> several.metrics(settings(ScoringMode.GENERATE, 0, Map.of("no-answer", "guess"))));
        assertTrue(e.getMessage().contains("wrong") && e.getMessage().contains("random-letter"), e.getMessage());
        assertTrue(several.argumentKeys().contains("no-answer"));
    }
}
