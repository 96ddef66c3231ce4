package dev.proctor.tasks.cmmlu;

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
import java.util.Set;

/**
 * CMMLU's 67 subjects. The data directory is a CMMLU checkout (holding {@code data/}) or its {@code data/}
 * folder. Categories: STEM, Humanities, Social Science, Other (a partition) and the overlapping
 * "China specific". Display names are the Chinese names the official prompt uses ({@code 农学}).
 */
public final class CmmluTask extends CatalogTask {
    public CmmluTask() {
        super("cmmlu", "CMMLU (haonan-li/CMMLU), 67 Chinese subjects, CSV data/{dev,test}/<subject>.csv",
                new SplitFiles("cmmlu", EnumSet.of(Split.DEV, Split.TEST),
                        (subject, split) -> subject + ".csv"));
    }

    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split) {
        return McFiles.readCsvWithHeader(dataFile(dataDir, subject, split), McColumns.CMMLU_CSV, subject.name(),
                split, GoldPolicy.REQUIRED);
    }

    /** Official format: CMMLU's own {@code gen_prompt} rule. */
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
}
