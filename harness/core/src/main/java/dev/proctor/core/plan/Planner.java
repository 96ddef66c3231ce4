package dev.proctor.core.plan;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.task.Item;
import dev.proctor.api.task.McTemplate;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Task;
import dev.proctor.core.prompt.ContextBudget;
import dev.proctor.core.prompt.FewShotSelector;
import dev.proctor.core.prompt.PromptBuilder;
import dev.proctor.core.prompt.RenderedPrompt;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.request.RequestBuilder;
import dev.proctor.core.run.RunConfig;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves a {@link RunConfig} into an {@link EvaluationPlan}: loads and checks data, renders every prompt. */
public final class Planner {
    private Planner() {
    }

    /**
     * A plan for scoring: every evaluated item must have a gold answer.
     *
     * @param modelOrNull used only to count tokens (shots are dropped to fit); null plans without a model
     */
    public static EvaluationPlan plan(RunConfig config, TaskRegistry tasks, LanguageModel modelOrNull) {
        return plan(config, tasks, modelOrNull, true);
    }

    /** A plan for {@code proctor prompts}: no model, and splits without gold answers are allowed. */
    public static EvaluationPlan planPrompts(RunConfig config, TaskRegistry tasks) {
        return plan(config, tasks, null, false);
    }

    /** @param requireGold false to show prompts of splits that cannot be scored */
    public static EvaluationPlan plan(RunConfig config, TaskRegistry tasks, LanguageModel modelOrNull,
                                      boolean requireGold) {
        List<SelectedSubject> selected =
                TaskSelection.resolve(TaskSelection.expand(config.tasks()), tasks, config.dataDirs());
        if (requireGold) {
            for (SelectedSubject s : selected) {
                s.task().unscorableReason(config.split()).ifPresent(reason -> {
                    throw new ProctorException("cannot score " + s.task().name() + " " + config.split().id()
                            + ": " + reason);
                });
            }
        }
        ContextBudget budget = modelOrNull == null ? null : new RequestBuilder(modelOrNull, config.scoring());
        List<PlannedItem> items = new ArrayList<>();
        DataFiles files = new DataFiles();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (SelectedSubject s : selected) {
            categories.put(s.key(), s.subject().categories());
            for (PlannedItem item : planSubject(config, s, budget, files, requireGold)) {
                if (!keys.add(item.key())) {
                    throw new DataFormatException(item.prompt().item().source().file(),
                            item.prompt().item().source().line(), "duplicate item id " + item.prompt().item().id());
                }
                items.add(item);
            }
        }
        return new EvaluationPlan(config, items, files.refs, categories);
    }

    private static List<PlannedItem> planSubject(RunConfig config, SelectedSubject s, ContextBudget budget,
                                                 DataFiles files, boolean requireGold) {
        Task task = s.task();
        List<Item> all = files.load(s, config.split());
        List<Item> items = config.limit().isPresent() && config.limit().getAsInt() < all.size()
                ? all.subList(0, config.limit().getAsInt())
                : all;
        if (requireGold) {
            checkGold(items, "missing gold answer");
        }
        List<Item> devPool = List.of();
        if (config.shots() > 0) {
            devPool = config.split() == Split.DEV ? all : files.load(s, Split.DEV);
            checkGold(devPool, "missing gold answer in a few-shot (dev) example");
        }
        McTemplate template = task.template(config.format(), s.subject());
        FewShotSelector selector = new FewShotSelector(task.fewShotSampling(config.format()), config.shots(),
                config.seed());
        PromptBuilder builder = new PromptBuilder(task.name(), s.subject(), template, budget);
        List<PlannedItem> out = new ArrayList<>(items.size());
        for (Item item : items) {
            RenderedPrompt prompt = builder.render(item, selector.select(item, devPool));
            out.add(new PlannedItem(prompt, labels(prompt.continuations(), template.answerDelimiter()),
                    Sha256.of(prompt.context())));
        }
        return out;
    }

    /** Loads splits and records each file read, hashing a file once however many subjects share it. */
    private static final class DataFiles {
        final List<DataFileRef> refs = new ArrayList<>();
        private final Map<Path, DataFileRef> byPath = new HashMap<>();

        List<Item> load(SelectedSubject s, Split split) {
            Path path = s.task().dataFile(s.dataDir(), s.subject(), split);
            List<Item> items = s.task().load(s.dataDir(), s.subject(), split);
            DataFileRef seen = byPath.computeIfAbsent(path, DataFiles::hash);
            refs.add(new DataFileRef(s.task().name(), s.subject().name(), split.id(), path, seen.sha256(), seen.bytes()));
            return items;
        }

        private static DataFileRef hash(Path path) {
            try {
                return new DataFileRef(null, null, null, path, Sha256.of(path), Files.size(path));
            } catch (IOException e) {
                throw new ProctorException("cannot read " + path + ": " + e.getMessage(), e);
            }
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

    /** The continuation as scored, without the delimiter lm-eval puts before every choice. */
    private static List<String> labels(List<String> continuations, String delimiter) {
        return continuations.stream()
                .map(c -> c.startsWith(delimiter) ? c.substring(delimiter.length()) : c)
                .toList();
    }
}
