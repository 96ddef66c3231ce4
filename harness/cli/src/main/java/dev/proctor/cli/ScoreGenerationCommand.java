package dev.proctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.task.mc.McTask;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.tasks.mc.AnswerRule;
import dev.proctor.tasks.mc.GenerationScorer;
import dev.proctor.tasks.mc.MultipleChoiceTask;
import dev.proctor.tasks.mc.NoAnswer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code proctor score generation}: generations made by any system, scored against gold letters with a named answer
 * rule, as a run's generate mode scores its own: several letters for a benchmark whose questions may have several
 * answers (MMCU), and a seeded random letter for an unread answer only when asked.
 */
@Command(name = "generation", mixinStandardHelpOptions = true,
        description = "Score generated answers (PRED: {\"id\", \"generation\"} lines) against gold letters (GOLD:"
                + " {\"id\", \"answer\"} lines) with a named answer rule.")
public final class ScoreGenerationCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "The multiple-choice task the answers belong to (cmmlu, ceval, mmlu, ...).")
    String task;

    @Option(names = "--gold", required = true, paramLabel = "GOLD.jsonl", description = "Gold answers.")
    Path gold;

    @Option(names = "--pred", required = true, paramLabel = "PRED.jsonl", description = "Generations.")
    Path predictions;

    @Option(names = "--rule", paramLabel = "NAME",
            description = "first-letter, lm-eval-exact, ceval-zero-shot, ceval-few-shot, ceval-cot,"
                    + " opencompass-first-capital, opencompass-first-option, mmcu. Default: the task's own rule (mmcu"
                    + " for mmcu), else first-letter.")
    String rule;

    @Option(names = "--no-answer", defaultValue = "wrong", paramLabel = "POLICY",
            description = "What an answer the rule reads nothing in counts as: wrong (default), or random-letter"
                    + " (a letter drawn with --seed, as CMMLU's extract_choice does; still counted in no_answer).")
    String noAnswer;

    @Option(names = "--seed", defaultValue = "1234", description = "Seed of --no-answer random-letter."
            + " Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--bad-labels", defaultValue = "refuse", paramLabel = "POLICY",
            description = "For a task whose answers may be several letters (mmcu): refuse (default) a gold answer"
                    + " that is not distinct letters (ABFD, c), or never-correct: keep it, scored as MMCU's script"
                    + " scores it.")
    String badLabels;

    @Option(names = "--intersection", description = "Score only the ids in both files, as the official scorers"
            + " do silently (the numbers left out are reported); default: refuse, naming them.")
    boolean intersection;

    @Option(names = "--json", description = "Print JSON: accuracy, n, no_answer and every item.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(TaskRegistry.discover().get(task) instanceof MultipleChoiceTask mc)) {
            throw new ProctorException("task " + task + " is not a multiple-choice task: its answers are not letters");
        }
        McTask benchmark = mc.benchmark();
        AnswerRule answerRule = AnswerRule.parse(rule != null ? rule
                : benchmark.answerRule().orElse(AnswerRule.FIRST_LETTER.id()));
        boolean keepBad = switch (badLabels.strip()) {
            case "refuse" -> false;
            case "never-correct" -> true;
            default -> throw new UnknownNameException("--bad-labels policy", badLabels,
                    List.of("refuse", "never-correct"));
        };
        GenerationScorer.Result r = GenerationScorer.score(gold, predictions, answerRule, McTemplate.ABCD,
                new GenerationScorer.Options(intersection, benchmark.multipleAnswers(), keepBad,
                        NoAnswer.parse(noAnswer, seed)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(toJson(r, keepBad)));
        } else {
            out.printf(Locale.ROOT, "%s, rule %s: accuracy %.4f over %d items; no letter read in %.4f%s%s%n", task,
                    answerRule.id(), r.accuracy(), r.n(), r.noAnswer(), r.unread().randomLetter()
                    ? " (each scored as a random letter, seed " + r.unread().seed() + ")" : "",
                    intersection ? String.format(Locale.ROOT,
                    " (left out: %d gold items without a prediction, %d predictions without gold)",
                    r.goldWithoutPrediction(), r.predictionsWithoutGold()) : "");
        }
        out.flush();
        return 0;
    }

    private ObjectNode toJson(GenerationScorer.Result r, boolean keepBad) {
        ObjectNode root = ScoreJson.root("score generation");
        root.put("task", task);
        root.put("rule", r.rule().id());
        root.put("ruleDescription", r.rule().description());
        ObjectNode inputs = root.putObject("inputs");
        ScoreJson.input(inputs, "gold", gold);
        ScoreJson.input(inputs, "pred", predictions);
        root.put("accuracy", r.accuracy());
        root.put("n", r.n());
        root.put("no_answer", r.noAnswer());
        ObjectNode unread = root.putObject("noAnswerPolicy").put("policy", r.unread().policy().id())
                .put("description", r.unread().description());
        if (r.unread().randomLetter()) {
            unread.put("seed", r.unread().seed());
        }
        if (keepBad) {
            root.put("badLabelsKept", r.badLabels());
        }
        if (intersection) {
            root.putObject("leftOut").put("goldWithoutPrediction", r.goldWithoutPrediction())
                    .put("predictionsWithoutGold", r.predictionsWithoutGold());
        }
        ArrayNode items = root.putArray("items");
        for (GenerationScorer.ItemResult item : r.items()) {
            ObjectNode o = items.addObject().put("id", item.id());
            item.extracted().ifPresentOrElse(e -> o.put("extracted", e), () -> o.putNull("extracted"));
            item.randomLetter().ifPresent(letter -> o.put("randomLetter", letter));
            o.put("gold", item.gold()).put("correct", item.correct());
        }
        return root;
    }
}
