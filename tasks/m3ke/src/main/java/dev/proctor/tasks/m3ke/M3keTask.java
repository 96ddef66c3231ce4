package dev.proctor.tasks.m3ke;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ReferenceAverage;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.mc.ShotRule;
import dev.proctor.datafiles.CatalogTask;
import dev.proctor.datafiles.GoldPolicy;
import dev.proctor.datafiles.McColumns;
import dev.proctor.datafiles.McFiles;
import dev.proctor.datafiles.SplitFiles;
import dev.proctor.datafiles.StandardTemplates;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * M3KE's 71 tasks. A subject is a file stem such as {@code Math-Natural Sciences-Primary school}, kept as
 * spelled in the release (including the typo {@code Physics-Natural Sciences-High schoo}). Categories are
 * {@code cluster:<cluster>} from the release's {@code subject_cluster.mapping.json} (Arts &amp; Humanities 12,
 * Social Sciences 21, Natural Sciences 31, Others 7) and {@code level:<level>} from the stem, the typo read
 * as "High school". The display name is the stem's subject part ({@code Math}).
 *
 * <p>M3KE's repository has no evaluation code and no prompt template, so every format uses CMMLU's Chinese
 * templates (official, lm-eval and OpenCompass's cmmlu_gen) with that display name: a choice of ours, not M3KE's
 * protocol, for there is none.
 */
public final class M3keTask extends CatalogTask {
    /** The clusters of subject_cluster.mapping.json, in its order. */
    static final List<String> CLUSTERS = List.of("Arts & Humanities", "Social Sciences", "Natural Sciences", "Others");

    public M3keTask() {
        super("m3ke", "M3KE (tjunlp-lab/M3KE), 71 Chinese tasks, JSON Lines; public test has no answers (dev scores);"
                + " no official prompt, CMMLU's templates used",
                new SplitFiles("m3ke", EnumSet.of(Split.DEV, Split.TEST),
                        (subject, split) -> subject + ".jsonl"));
    }

    /** Test items without an answer load as {@link Item#NO_GOLD}; a dev item without one is an error. */
    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split) {
        return McFiles.readJsonLines(dataFile(dataDir, subject, split), McColumns.M3KE_JSON, subject.name(), split,
                split == Split.TEST ? GoldPolicy.OPTIONAL : GoldPolicy.REQUIRED);
    }

    /** Official format: CMMLU's own {@code gen_prompt} rule (M3KE has no code of its own; its prompts are CMMLU's). */
    @Override
    public ShotRule shotRule(PromptFormat format, Subject subject) {
        return StandardTemplates.cmmluShotRule(format);
    }

    @Override
    public Set<PromptFormat> formats() {
        return StandardTemplates.CMMLU_FORMATS;
    }

    @Override
    public McTemplate template(PromptFormat format) {
        return StandardTemplates.cmmlu(format);
    }

    /**
     * The README's "Average" column: the unweighted mean of the four cluster averages (ChatGLM-6B zero-shot:
     * (0.246 + 0.267 + 0.168 + 0.263) / 4 = 0.236 as printed; weighting the 71 tasks equally would give 0.220).
     */
    @Override
    public List<ReferenceAverage> referenceAverages() {
        return List.of(new ReferenceAverage("README average", CLUSTERS.stream().map(c -> "cluster:" + c).toList(),
                "the unweighted mean of the four cluster averages (each the mean of its tasks), as the Average"
                        + " column of M3KE's README"));
    }

    @Override
    public Optional<String> unscorableReason(Split split) {
        if (split == Split.TEST) {
            return Optional.of("M3KE's public test release has no answers (every test \"answer\" is empty in"
                    + " tjunlp-lab/M3KE @ b370aae); score the dev split instead (5 questions per task, 355 in all)");
        }
        return Optional.empty();
    }
}
