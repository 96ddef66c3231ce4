package dev.proctor.tasks.mmlu;

import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.datafiles.CatalogTask;
import dev.proctor.datafiles.GoldPolicy;
import dev.proctor.datafiles.McColumns;
import dev.proctor.datafiles.McFiles;
import dev.proctor.datafiles.SplitFiles;
import dev.proctor.datafiles.StandardTemplates;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * MMLU's 57 subjects. The data directory is the unpacked {@code data.tar} (holding {@code data/}) or its
 * {@code data/} folder. Categories are hendrycks/test's four (STEM 18, humanities 13, social sciences 12,
 * other 14; anatomy is "other", unlike lm-eval's grouping). Display names are the subject's words
 * ({@code abstract algebra}).
 */
public final class MmluTask extends CatalogTask {
    public MmluTask() {
        super("mmlu", "MMLU (hendrycks/test), 57 subjects, CSV layout data/{dev,val,test}/<subject>_<split>.csv",
                new SplitFiles("mmlu", EnumSet.allOf(Split.class),
                        (subject, split) -> subject + "_" + split.id() + ".csv"));
    }

    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split) {
        return McFiles.readCsvWithoutHeader(dataFile(dataDir, subject, split), McColumns.MMLU_CSV, subject.name(),
                split, GoldPolicy.REQUIRED);
    }

    @Override
    public McTemplate template(PromptFormat format) {
        return StandardTemplates.mmlu(format);
    }

    /**
     * In lm-eval format, lm-evaluation-harness's groups (lm_eval/tasks/mmlu/default/mmlu_*.yaml at 4e7e0d47, tags
     * {@code mmlu_<group>_tasks}, aliases stem, humanities, social sciences, other): hendrycks' four categories
     * renamed, except anatomy, which lm-eval files under STEM (stem 19, other 13); official format keeps hendrycks'.
     */
    @Override
    public List<String> categories(Subject subject, PromptFormat format) {
        if (format != PromptFormat.LM_EVAL) {
            return subject.categories();
        }
        if (subject.name().equals("anatomy")) {
            return List.of("stem");
        }
        return subject.categories().stream().map(c -> switch (c) {
            case "STEM" -> "stem";
            case "other (business, health, misc.)" -> "other";
            default -> c; // humanities, social sciences: the same names
        }).toList();
    }
}
