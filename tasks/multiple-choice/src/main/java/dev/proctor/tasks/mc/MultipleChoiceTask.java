package dev.proctor.tasks.mc;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.task.DataFile;
import dev.proctor.api.task.PlanContext;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ReferenceAverage;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskItem;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTask;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.mc.ShotRule;
import dev.proctor.lm.ContextEncoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The multiple-choice task kind: turns an {@link McTask} (subjects, files, prompt convention) into a task. It owns
 * few-shot selection ({@link FewShotSelector}), prompt assembly and fitting to the model's context
 * ({@link PromptBuilder}), the three scoring modes ({@link McScoring}) and the metrics.
 */
public final class MultipleChoiceTask implements Task {
    /** {@code --task-arg} keys. */
    static final String MAX_NEW_TOKENS = "max-gen-tokens";
    static final String ANSWER_RULE = "answer-rule";
    /** What an answer the rule cannot read counts as under generate scoring: {@link NoAnswer.Policy}. */
    static final String NO_ANSWER = "no-answer";
    /** The official rules' max_length (CMMLU's {@code --max_length}, hendrycks' 2048), capped at the context. */
    static final String MAX_LENGTH = "max-length";
    static final int DEFAULT_MAX_LENGTH = 2048;

    private final McTask task;

    public MultipleChoiceTask(McTask task) {
        this.task = task;
    }

    /** The benchmark underneath. */
    public McTask benchmark() {
        return task;
    }

    @Override
    public String name() {
        return task.name();
    }

    @Override
    public String description() {
        return task.description();
    }

    @Override
    public Set<RequestKind<?, ?>> requestKinds(TaskSettings settings) {
        return Set.of(settings.scoring() == ScoringMode.GENERATE ? RequestKind.GENERATE : RequestKind.LOGLIKELIHOOD);
    }

    @Override
    public Metrics metrics(TaskSettings settings) {
        McScoring scoring = scoring(settings);
        return McScoring.metrics(settings.scoring(), scoring.rule(), scoring.noAnswer());
    }

    @Override
    public Set<String> argumentKeys() {
        Set<String> keys = new java.util.TreeSet<>(task.argumentKeys());
        keys.addAll(List.of(MAX_NEW_TOKENS, ANSWER_RULE, MAX_LENGTH, NO_ANSWER));
        return Set.copyOf(keys);
    }

    @Override
    public Map<String, Object> describeSettings(TaskSettings settings) {
        McScoring scoring = scoring(settings);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "multiple-choice");
        m.put("format", settings.format().id());
        m.put("scoring", settings.scoring().id());
        m.put("shots", settings.shots());
        m.put("fewShotSampling", task.fewShotSampling(settings.format()).name().toLowerCase(java.util.Locale.ROOT));
        if (settings.format() == PromptFormat.OFFICIAL && settings.chat().isEmpty()) {
            m.put("maxLength", settings.intArg(MAX_LENGTH, DEFAULT_MAX_LENGTH, 1));
        }
        settings.chat().ifPresent(chat -> m.put("chat", chat.describe()));
        if (settings.scoring() == ScoringMode.GENERATE) {
            m.put("answerRule", scoring.rule().id());
            m.put("answerRuleDescription", scoring.rule().description());
            m.put("stop", scoring.stop());
            m.put("maxNewTokens", scoring.maxNewTokens());
            m.put("noAnswer", scoring.noAnswer().policy().id());
            if (scoring.noAnswer().randomLetter()) {
                m.put("noAnswerSeed", scoring.noAnswer().seed());
            }
        }
        m.putAll(task.describeSettings(settings));
        return m;
    }

    @Override
    public List<Subject> subjects(Path dataDir) {
        return task.subjects(dataDir);
    }

    @Override
    public List<DataFile> dataFiles(Path dataDir, Subject subject, TaskSettings settings) {
        List<DataFile> files = new ArrayList<>();
        files.add(new DataFile(settings.split().id(), task.dataFile(dataDir, subject, settings.split())));
        if (settings.shots() > 0 && settings.split() != Split.DEV) {
            files.add(new DataFile(Split.DEV.id(), task.dataFile(dataDir, subject, Split.DEV)));
        }
        return files;
    }

    @Override
    public List<String> categories(Subject subject, TaskSettings settings) {
        return task.categories(subject, settings.format());
    }

    @Override
    public List<ReferenceAverage> referenceAverages() {
        return task.referenceAverages();
    }

    @Override
    public Optional<String> unscorableReason(TaskSettings settings) {
        if (template(settings.format()).chainOfThought() != null && settings.scoring() != ScoringMode.GENERATE) {
            return Optional.of("the " + settings.format().id() + " prompt asks the model to reason before it answers,"
                    + " so the answer is read from a generation: score it with --scoring generate");
        }
        if (settings.format() == PromptFormat.OPENCOMPASS && settings.scoring() != ScoringMode.GENERATE) {
            return Optional.of("the opencompass format reproduces OpenCompass's generation configs (its gen"
                    + " inferencer, the answer read by first_capital_postprocess): score it with --scoring generate");
        }
        Optional<String> split = task.unscorableReason(settings.split());
        if (split.isPresent() || !task.multipleAnswers() || settings.scoring() == ScoringMode.GENERATE) {
            return split;
        }
        return Optional.of(name() + " questions may have several right letters (answers such as \"ABD\", right only"
                + " when given exactly), which no one choice's likelihood stands for: score it with --scoring generate");
    }

    @Override
    public Optional<Path> bundledDataDir() {
        return task.bundledDataDir();
    }

    @Override
    public List<TaskItem> load(Path dataDir, Subject subject, PlanContext context, boolean requireGold) {
        TaskSettings settings = context.settings();
        McScoring scoring = scoring(settings);
        List<Item> all = task.load(dataDir, subject, settings.split(), settings);
        List<Item> items = settings.limit().isPresent() && settings.limit().getAsInt() < all.size()
                ? all.subList(0, settings.limit().getAsInt()) : all;
        if (requireGold) {
            checkGold(items, "missing gold answer");
            checkText(items, task.allowsEmptyOptions());
        }
        List<Item> devPool = List.of();
        if (settings.shots() > 0) {
            devPool = settings.split() == Split.DEV ? all : task.load(dataDir, subject, Split.DEV, settings);
            checkGold(devPool, "missing gold answer in a few-shot (dev) example");
            if (requireGold) {
                checkText(devPool, task.allowsEmptyOptions());
            }
            // an item never serves as its own example, so evaluating dev leaves one fewer
            int available = devPool.size() - (settings.split() == Split.DEV ? 1 : 0);
            if (settings.shots() > available) {
                throw new ProctorException("--shots " + settings.shots() + ": " + name() + ":" + subject.name()
                        + " has " + available + " few-shot example" + (available == 1 ? "" : "s") + " (its dev split"
                        + (settings.split() == Split.DEV ? ", less the evaluated item" : "") + "), so a "
                        + settings.shots() + "-shot run would silently use fewer; ask for at most " + available);
            }
        }
        McTemplate template = task.template(settings.format(), subject).forSubject(subject);
        if (settings.scoring() == ScoringMode.GENERATE && template.optionLine().isEmpty()) {
            throw new ProctorException("task " + name() + " prompts without listing lettered options (a cloze"
                    + " template), so a generated letter cannot be read: score it with letter or loglik");
        }
        FewShotSelector selector = new FewShotSelector(task.fewShotSampling(settings.format()), settings.shots(),
                settings.seed(), settings.split() == Split.DEV);
        ContextBudget budget = context.tokenizer()
                .map(t -> (ContextBudget) new ModeBudget(new ContextEncoding(t), settings.scoring(),
                        scoring.maxNewTokens()))
                .orElse(null);
        int maxLength = settings.intArg(MAX_LENGTH, DEFAULT_MAX_LENGTH, 1);
        if (context.tokenizer().isPresent()) {
            maxLength = Math.min(maxLength, context.tokenizer().get().maxContextLength());
        }
        ShotRule rule = task.shotRule(settings.format(), subject);
        PromptBuilder builder = new PromptBuilder(name(), subject, template, budget, rule, maxLength,
                settings.chat().orElse(null));
        List<TaskItem> out = new ArrayList<>(items.size());
        for (Item item : items) {
            RenderedPrompt prompt = builder.render(item, selector.select(item, devPool));
            List<String> labels = labels(prompt.continuations(), template.answerDelimiter());
            List<String> letters = template.letters().subList(0, Math.min(item.choices().size(),
                    template.letters().size()));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("shotRule", prompt.rule().id());
            facts.put("shotsUsed", prompt.shotsUsed());
            facts.put("shotsDropped", prompt.shotsDropped());
            if (prompt.rule() == ShotRule.CMMLU_GEN_PROMPT) {
                facts.put("headerDropped", prompt.headerDropped());
            }
            if (prompt.rule() != ShotRule.LM_EVAL_LEFT_TRUNCATE && budget != null) {
                facts.put("maxLength", maxLength);
            }
            facts.put("truncated", prompt.truncated());
            out.add(new TaskItem(item.id(), subject.name(), item.source(), prompt.context(), scoring.requests(prompt),
                    gold(item), facts, scoring.scorer(item, prompt.continuations(), labels, letters)));
        }
        return out;
    }

    /** The gold answer as results show it: the choice index, or the letters of a question with several answers. */
    private static Object gold(Item item) {
        if (item.goldLetters() != null) {
            return item.goldLetters();
        }
        return item.hasGold() ? item.gold() : null;
    }

    /** The benchmark's own answer rule unless the run names one; an unread answer is wrong unless asked otherwise. */
    private McScoring scoring(TaskSettings settings) {
        checkChat(settings);
        McTemplate.ChainOfThought cot = template(settings.format()).chainOfThought();
        String defaultRule = cot != null ? cot.answerRule()
                : settings.format() == PromptFormat.OPENCOMPASS ? AnswerRule.OPENCOMPASS_FIRST_CAPITAL.id()
                : task.answerRule().orElse(AnswerRule.FIRST_LETTER.id());
        AnswerRule rule = AnswerRule.parse(settings.arg(ANSWER_RULE, defaultRule));
        int maxNew = settings.intArg(MAX_NEW_TOKENS, cot != null ? cot.maxNewTokens()
                : McScoring.DEFAULT_MAX_NEW_TOKENS, 1);
        NoAnswer noAnswer = NoAnswer.parse(settings.arg(NO_ANSWER, NoAnswer.Policy.WRONG.id()), settings.seed());
        return new McScoring(settings.scoring(), rule, maxNew, cot != null ? cot.stop() : McScoring.STOP, noAnswer);
    }

    /** The benchmark's convention for a format it has; any other is refused, naming the ones it has. */
    private McTemplate template(PromptFormat format) {
        if (!task.formats().contains(format)) {
            throw new ProctorException(name() + " has no " + format.id() + " prompt format; its formats: "
                    + String.join(", ", task.formats().stream().map(PromptFormat::id).toList()));
        }
        return task.template(format);
    }

    /**
     * OpenCompass puts prompts to a chat model in its own shape (each user turn ending with a newline its default
     * meta template adds, CMMLU's answer cue in the assistant turns), which Proctor's chat turns do not reproduce.
     */
    private static void checkChat(TaskSettings settings) {
        if (settings.chat().isPresent() && settings.format() == PromptFormat.OPENCOMPASS) {
            throw new ProctorException("--apply-chat-template with --format opencompass: OpenCompass's chat messages"
                    + " (user turns ending with the newline of its default meta template, CMMLU's answer cue in the"
                    + " assistant turn) are not reproduced; use --format opencompass without a chat template, or a"
                    + " chat template with --format lm-eval or official");
        }
    }

    private static void checkGold(List<Item> items, String problem) {
        for (Item item : items) {
            if (!item.hasGold()) {
                throw new DataFormatException(item.source().file(), item.source().line(), problem
                        + " (item " + item.id() + ")");
            }
        }
    }

    /**
     * An empty question or option cannot be asked or told apart, so an item with one is malformed, not scored.
     * Checked only for items that will be scored: {@code proctor prompts} still shows such a row. Options a
     * benchmark's own cleaning empties pass where it says so ({@link McTask#allowsEmptyOptions}).
     */
    private static void checkText(List<Item> items, boolean emptyOptions) {
        for (Item item : items) {
            if (item.question().isBlank()) {
                throw new DataFormatException(item.source().file(), item.source().line(), "expected a question,"
                        + " found an empty one (item " + item.id() + ")");
            }
            for (int c = 0; c < item.choices().size(); c++) {
                if (item.choices().get(c).isBlank() && !emptyOptions) {
                    throw new DataFormatException(item.source().file(), item.source().line(), "expected option "
                            + (char) ('A' + c) + " to have text, found it empty (item " + item.id() + ")");
                }
            }
        }
    }

    /** The continuation as scored, without the delimiter lm-eval puts before every choice. */
    private static List<String> labels(List<String> continuations, String delimiter) {
        return continuations.stream()
                .map(c -> c.startsWith(delimiter) ? c.substring(delimiter.length()) : c)
                .toList();
    }
}
