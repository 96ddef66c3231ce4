package dev.proctor.tasks.ceval;

import dev.proctor.api.task.PromptFormat;
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
 * C-Eval's 52 subjects. The data directory is the unpacked {@code ceval-exam.zip} (holding {@code dev/}, {@code val/},
 * {@code test/}). Subjects, their Chinese names and categories (STEM 20, Social Science 10, Humanities 11, Other 11)
 * are those of the release's {@code subject_mapping.json}; lm-evaluation-harness's ceval configs use the same names.
 * Few-shot examples are the first rows of dev (lm-eval's {@code first_n}); an input too long for the model keeps its
 * last tokens, in both formats (C-Eval's scripts drop nothing either).
 */
public final class CevalTask extends CatalogTask {
    /** The dev split's column of worked solutions. */
    private static final String EXPLANATION = "explanation";

    public CevalTask() {
        super("ceval", "C-Eval (hkust-nlp/ceval), 52 Chinese subjects, CSV {dev,val,test}/<subject>_<split>.csv;"
                + " the released test split has no answers (score --split val)",
                new SplitFiles("ceval", EnumSet.of(Split.DEV, Split.VAL, Split.TEST),
                        (subject, split) -> subject + "_" + split.id() + ".csv"));
    }

    /**
     * Test rows have no answer column and load as {@link Item#NO_GOLD}; a dev or val row without one is an error. Dev
     * rows carry their {@code explanation} for the chain-of-thought prompt.
     */
    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split) {
        Path file = dataFile(dataDir, subject, split);
        List<Item> items = McFiles.readCsvWithHeader(file, McColumns.CEVAL_CSV, subject.name(), split,
                split == Split.TEST ? GoldPolicy.OPTIONAL : GoldPolicy.REQUIRED);
        return split == Split.DEV ? McFiles.withColumn(file, EXPLANATION, items, Item::withExplanation) : items;
    }

    @Override
    public Set<PromptFormat> formats() {
        return EnumSet.of(PromptFormat.OFFICIAL, PromptFormat.LM_EVAL, PromptFormat.OFFICIAL_HANDLE,
                PromptFormat.OFFICIAL_COT, PromptFormat.OPENCOMPASS);
    }

    @Override
    public ShotRule shotRule(PromptFormat format, Subject subject) {
        return format == PromptFormat.OPENCOMPASS ? ShotRule.OPENCOMPASS_LINES : ShotRule.LM_EVAL_LEFT_TRUNCATE;
    }

    @Override
    public McTemplate template(PromptFormat format) {
        return switch (format) {
            case OFFICIAL -> StandardTemplates.CEVAL_OFFICIAL;
            case LM_EVAL -> StandardTemplates.CEVAL_LM_EVAL;
            case OFFICIAL_HANDLE -> StandardTemplates.CEVAL_OFFICIAL_HANDLE;
            case OFFICIAL_COT -> StandardTemplates.CEVAL_COT;
            case OPENCOMPASS -> StandardTemplates.CEVAL_OPENCOMPASS;
            default -> throw StandardTemplates.unsupported("C-Eval", format);
        };
    }

    @Override
    public Optional<String> unscorableReason(Split split) {
        if (split == Split.TEST) {
            return Optional.of("C-Eval's released test CSVs have no answer column (answers were withheld for the"
                    + " leaderboard); score the val split (--split val, 1,346 questions), as lm-evaluation-harness's"
                    + " ceval-valid does");
        }
        return Optional.empty();
    }
}
