package dev.proctor.tasks.synthetic;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTask;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.mc.ShotRule;
import dev.proctor.datafiles.DataDirs;
import dev.proctor.datafiles.GoldPolicy;
import dev.proctor.datafiles.McColumns;
import dev.proctor.datafiles.McFiles;
import dev.proctor.datafiles.Memo;
import dev.proctor.datafiles.ProctorCache;
import dev.proctor.datafiles.SplitFiles;
import dev.proctor.datafiles.StandardTemplates;
import dev.proctor.datafiles.SubjectCatalog;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The bundled suite. Its data directory holds {@code subjects.json}
 * ({@code {"subjects": [{"name", "displayName", "categories"}]}}) and {@code {dev,test}/<subject>.csv} in CMMLU's
 * layout ({@code ,Question,A,B,C,D,Answer}); {@link #bundledDataDir()} extracts the copy inside the jar.
 *
 * <p>Templates: a subject's language decides its convention, as in the benchmarks the suite imitates: English
 * subjects are prompted as MMLU is (official: hendrycks/test's, two spaces after "about"; lm-eval: lm-eval's),
 * Chinese subjects ({@code Chinese} among their categories) as CMMLU is (official {@code 题目：...答案是：};
 * lm-eval {@code ...答案：}). Scoring is the harness's: letters by default.
 */
public final class SyntheticTask implements McTask {
    private static final SplitFiles FILES = new SplitFiles("synthetic", EnumSet.of(Split.DEV, Split.TEST),
            (subject, split) -> subject + ".csv");

    private final Memo<Path> extracted = Memo.of(() -> BundledData.extractTo(ProctorCache.root().resolve("data")));

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public String description() {
        return "Bundled synthetic suite (invented facts, English and Chinese), ships with Proctor";
    }

    /** The subjects listed in the data directory's {@code subjects.json}. */
    @Override
    public List<Subject> subjects(Path dataDir) {
        return SubjectCatalog.read(DataDirs.splitRoot(dataDir, name()).resolve(BundledData.SUBJECTS));
    }

    @Override
    public Path dataFile(Path dataDir, Subject subject, Split split) {
        return FILES.file(dataDir, subject, split);
    }

    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split) {
        return McFiles.readCsvWithHeader(dataFile(dataDir, subject, split), McColumns.CMMLU_CSV, subject.name(),
                split, GoldPolicy.REQUIRED);
    }

    /** The English convention; {@link #template(PromptFormat, Subject)} picks per subject. */
    @Override
    public McTemplate template(PromptFormat format) {
        return StandardTemplates.mmlu(format);
    }

    @Override
    public McTemplate template(PromptFormat format, Subject subject) {
        return subject.categories().contains("Chinese") ? StandardTemplates.cmmlu(format) : StandardTemplates.mmlu(format);
    }

    /** Official format: the rule of the benchmark whose template the subject uses (CMMLU's for Chinese ones). */
    @Override
    public ShotRule shotRule(PromptFormat format, Subject subject) {
        if (format == PromptFormat.LM_EVAL) {
            return ShotRule.LM_EVAL_LEFT_TRUNCATE;
        }
        return subject.categories().contains("Chinese") ? ShotRule.CMMLU_GEN_PROMPT : ShotRule.MMLU_DROP_LAST;
    }

    /** {@code <cache>/data/synthetic-<content hash>/}, extracted on first use ({@link ProctorCache}). */
    @Override
    public Optional<Path> bundledDataDir() {
        return Optional.of(extracted.get());
    }
}
