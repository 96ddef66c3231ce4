package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.api.task.DataFile;
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

/** The multiple-choice kind: requests per scoring mode, the metrics each gives, and what it refuses. */
class MultipleChoiceTaskTest {
    @TempDir
    Path data;
    private final MultipleChoiceTask task = new MultipleChoiceTask(new ToyMcTask());

    @BeforeEach
    void write() throws Exception {
        ToyMcTask.write(data, Split.TEST, "algebra", "2+2?|3|4|5|6|B", "1+1?|2|3|4|5|A", "0+0?|0|1|2|3|");
        ToyMcTask.write(data, Split.DEV, "algebra", "3+3?|6|7|8|9|A", "4+4?|7|8|9|1|B");
    }

    static TaskSettings settings(ScoringMode mode, int shots, Map<String, String> args) {
        return new TaskSettings(Split.TEST, shots, OptionalInt.of(2), PromptFormat.LM_EVAL, mode, 1, args);
    }

    private List<TaskItem> load(TaskSettings settings) {
        return task.load(data, ToyMcTask.ALGEBRA, new PlanContext(settings, Optional.empty()), true);
    }

    @Test
    void letterAndLoglikAskALoglikelihoodPerChoiceAndGenerateOneGeneration() {
        TaskItem letter = load(settings(ScoringMode.LETTER, 1, Map.of())).get(0);
        assertEquals(4, letter.requests().size());
        LoglikelihoodRequest a = (LoglikelihoodRequest) letter.requests().get(0);
        assertTrue(a.firstTokenOnly());
        assertEquals(" A", a.continuation());
        assertTrue(a.context().startsWith("About Algebra.\n\n3+3?\nA. 6"), a.context());
        assertEquals(1, letter.facts().get("shotsUsed"));
        assertEquals(1, letter.gold());

        LoglikelihoodRequest whole = (LoglikelihoodRequest) load(settings(ScoringMode.LOGLIK, 0, Map.of())).get(0)
                .requests().get(3);
        assertEquals(false, whole.firstTokenOnly());
        GenerateRequest g = (GenerateRequest) load(settings(ScoringMode.GENERATE, 0, Map.of("max-gen-tokens", "5")))
                .get(0).requests().get(0);
        assertEquals(new GenerateRequest("About Algebra.\n\n2+2?\nA. 3\nB. 4\nC. 5\nD. 6\nAnswer:", List.of("\n"), 5), g);
        assertEquals(java.util.Set.of(RequestKind.GENERATE), task.requestKinds(settings(ScoringMode.GENERATE, 0,
                Map.of())));
        assertEquals("exact_match", task.metrics(settings(ScoringMode.GENERATE, 0, Map.of())).main());
        assertEquals("acc", task.metrics(settings(ScoringMode.LETTER, 0, Map.of())).main());
    }

    @Test
    void logLikelihoodsGiveAccAccNormAccBytesAndBitsPerByte() {
        TaskItem item = load(settings(ScoringMode.LOGLIK, 0, Map.of())).get(0);
        List<Response> responses = List.of(new Loglikelihood(-2, 1, false, false), new Loglikelihood(-1, 1, true, false),
                new Loglikelihood(-3, 1, false, false), new Loglikelihood(-0.5, 1, false, false));
        ItemScore s = item.scorer().score(responses);
        assertEquals(3, s.prediction(), "the highest log-likelihood");
        assertEquals(0.0, s.value("acc"));
        assertEquals(0.0, s.value("acc_norm"), "every label is one character long, so the same argmax");
        assertEquals(1 / Math.log(2) / 2, s.value("bpb"), 1e-15, "1 nat over the 2 bytes of \" B\", delimiter included");
        // OLMES' stored arc_challenge:mc record: sum_logits_corr -0.0918445 for " C" gives bits_per_byte_corr 0.0662518
        ItemScore olmes = item.scorer().score(List.of(new Loglikelihood(-2, 1, false, false),
                new Loglikelihood(-0.0918445, 1, true, false), new Loglikelihood(-3, 1, false, false),
                new Loglikelihood(-4, 1, false, false)));
        assertEquals(0.0662518, olmes.value("bpb"), 5e-8);
        assertEquals(List.of(-2.0, -1.0, -3.0, -0.5), s.details().get("choiceLoglik"));
    }

    @Test
    void aGenerationIsReadByTheNamedRuleAndANonAnswerIsCountedNotGuessed() {
        TaskItem item = load(settings(ScoringMode.GENERATE, 0, Map.of())).get(0);
        ItemScore right = item.scorer().score(List.of(new Generation(" B, I think", Generation.Finish.STOP, 4, false)));
        assertEquals(Map.of("exact_match", 1.0, "no_answer", 0.0), right.values());
        assertEquals("B", right.details().get("extracted"));
        assertEquals("first-letter", right.details().get("rule"));
        ItemScore none = item.scorer().score(List.of(new Generation(" four", Generation.Finish.STOP, 1, false)));
        assertEquals(Map.of("exact_match", 0.0, "no_answer", 1.0), none.values());
        assertEquals(null, none.prediction());

        TaskItem strict = load(settings(ScoringMode.GENERATE, 0, Map.of("answer-rule", "lm-eval-exact"))).get(0);
        assertEquals(0.0, strict.scorer().score(List.of(new Generation(" B, I think", Generation.Finish.STOP, 4,
                false))).value("exact_match"), "lm-eval's rule wants the line to be the letter");
        assertEquals("lm-eval-exact", task.describeSettings(settings(ScoringMode.GENERATE, 0,
                Map.of("answer-rule", "lm-eval-exact"))).get("answerRule"));
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> load(settings(ScoringMode.GENERATE, 0, Map.of("answer-rule", "first"))));
        assertTrue(e.getMessage().contains("first-letter, lm-eval-exact"), e.getMessage());
    }

    @Test
    void filesLimitAndGoldAreAsAsked() {
        assertEquals(List.of("test", "dev"), task.dataFiles(data, ToyMcTask.ALGEBRA, settings(ScoringMode.LETTER, 2,
                Map.of())).stream().map(DataFile::role).toList());
        assertEquals(List.of("test"), task.dataFiles(data, ToyMcTask.ALGEBRA, settings(ScoringMode.LETTER, 0,
                Map.of())).stream().map(DataFile::role).toList());
        assertEquals(2, load(settings(ScoringMode.LETTER, 0, Map.of())).size(), "--limit 2 of 3");
        TaskSettings all = new TaskSettings(Split.TEST, 0, OptionalInt.empty(), PromptFormat.LM_EVAL,
                ScoringMode.LETTER, 1, Map.of());
        ProctorException e = assertThrows(ProctorException.class, () -> task.load(data, ToyMcTask.ALGEBRA,
                new PlanContext(all, Optional.empty()), true));
        assertTrue(e.getMessage().contains("algebra.txt:3: missing gold answer"), e.getMessage());
        assertEquals(3, task.load(data, ToyMcTask.ALGEBRA, new PlanContext(all, Optional.empty()), false).size());
    }

    @Test
    void theFormatsRuleFitsShotsAndRecordsWhatItDid() {
        TaskSettings lmEval = settings(ScoringMode.LETTER, 2, Map.of());
        TaskItem full = task.load(data, ToyMcTask.ALGEBRA, new PlanContext(lmEval,
                Optional.of(new BytesTokenizer(4096))), true).get(0);
        assertEquals(2, full.facts().get("shotsUsed"));
        int bare = full.prompt().length() - 2 * 40; // shorter than the two-shot prompt, longer than none
        TaskItem kept = task.load(data, ToyMcTask.ALGEBRA, new PlanContext(lmEval,
                Optional.of(new BytesTokenizer(bare))), true).get(0);
        assertEquals(2, kept.facts().get("shotsUsed"), "lm-eval never drops examples");
        assertEquals(true, kept.facts().get("truncated"), "it keeps the last tokens instead");
        assertEquals("lm-eval-left-truncate", kept.facts().get("shotRule"));

        TaskSettings official = new TaskSettings(Split.TEST, 2, OptionalInt.of(2), PromptFormat.OFFICIAL,
                ScoringMode.LETTER, 1, Map.of());
        TaskItem fitted = task.load(data, ToyMcTask.ALGEBRA, new PlanContext(official,
                Optional.of(new BytesTokenizer(bare))), true).get(0);
        assertTrue((int) fitted.facts().get("shotsUsed") < 2, fitted.facts().toString());
        assertEquals(2 - (int) fitted.facts().get("shotsUsed"), fitted.facts().get("shotsDropped"));
        assertEquals("mmlu-drop-last", fitted.facts().get("shotRule"));
        assertEquals(bare, fitted.facts().get("maxLength"), "--max-length 2048 capped at the model's context");
        TaskSettings tight = new TaskSettings(Split.TEST, 2, OptionalInt.of(2), PromptFormat.OFFICIAL,
                ScoringMode.LETTER, 1, Map.of("max-length", "10"));
        TaskItem none = task.load(data, ToyMcTask.ALGEBRA, new PlanContext(tight,
                Optional.of(new BytesTokenizer(4096))), true).get(0);
        assertEquals(0, none.facts().get("shotsUsed"));
        assertEquals(10, none.facts().get("maxLength"));
    }

    @Test
    void generationNeedsLetteredOptions() {
        MultipleChoiceTask cloze = new MultipleChoiceTask(new ToyMcTask().cloze());
        ProctorException e = assertThrows(ProctorException.class, () -> cloze.load(data, ToyMcTask.ALGEBRA,
                new PlanContext(settings(ScoringMode.GENERATE, 0, Map.of()), Optional.empty()), true));
        assertTrue(e.getMessage().contains("score it with letter or loglik"), e.getMessage());
    }

    @Test
    void moreShotsThanTheDevSplitHoldsAreRefusedNotQuietlyReduced() {
        ProctorException e = assertThrows(ProctorException.class, () -> load(settings(ScoringMode.LETTER, 3,
                Map.of())));
        assertTrue(e.getMessage().contains("--shots 3: toy:algebra has 2 few-shot examples")
                && e.getMessage().contains("ask for at most 2"), e.getMessage());
        assertEquals(2, load(settings(ScoringMode.LETTER, 2, Map.of())).get(0).facts().get("shotsUsed"));
        TaskSettings onDev = new TaskSettings(Split.DEV, 2, OptionalInt.empty(), PromptFormat.LM_EVAL,
                ScoringMode.LETTER, 1, Map.of());
        ProctorException dev = assertThrows(ProctorException.class, () -> load(onDev));
        assertTrue(dev.getMessage().contains("has 1 few-shot example (its dev split, less the evaluated item)"),
                dev.getMessage());
    }

    @Test
    void anEmptyQuestionOrOptionIsRefusedWithFileAndLineWhenScored() throws Exception {
        ToyMcTask.write(data, Split.TEST, "algebra", "2+2?|3|4|5|6|B", "1+1?|2| |4|5|A");
        DataFormatException option = assertThrows(DataFormatException.class,
                () -> load(settings(ScoringMode.LETTER, 0, Map.of())));
        assertTrue(option.getMessage().contains("algebra.txt:2: expected option B to have text"), option.getMessage());
        ToyMcTask.write(data, Split.TEST, "algebra", " |3|4|5|6|B");
        DataFormatException question = assertThrows(DataFormatException.class,
                () -> load(settings(ScoringMode.GENERATE, 0, Map.of())));
        assertTrue(question.getMessage().contains("algebra.txt:1: expected a question"), question.getMessage());
        TaskSettings unscored = settings(ScoringMode.LETTER, 0, Map.of());
        assertEquals(1, task.load(data, ToyMcTask.ALGEBRA, new PlanContext(unscored, Optional.empty()), false).size(),
                "shown, not scored: proctor prompts still renders it");
    }
}
