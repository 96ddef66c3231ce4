package dev.proctor.tasks.synthetic;

import dev.proctor.api.task.Item;
import dev.proctor.api.task.McTemplate;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import dev.proctor.datafiles.DataDirs;
import dev.proctor.datafiles.GoldPolicy;
import dev.proctor.datafiles.McColumns;
import dev.proctor.datafiles.McFiles;
import dev.proctor.datafiles.ProctorCache;
import dev.proctor.datafiles.SplitFiles;
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
 * <p>Protocol: cloze, as lm-evaluation-harness's continuation tasks ({@code mmlu_continuation}, ARC) score
 * multiple choice: the prompt is the question alone and each option's text is a continuation, so a model that
 * knows a fact ranks its answer first whatever letter it would carry. The embedded model learned the suite's
 * facts, not the letter-binding skill that letter prompts need (tiny models acquire it late), so on this suite
 * cloze scoring measures what it knows; on CMMLU, letter prompts, it is at chance. Official format: English
 * subjects answer after a space, Chinese ones directly (the way the facts are written); lm-eval format: lm-eval's
 * default target delimiter, a space, for every subject. Worked examples end with a newline.
 */
public final class SyntheticTask implements Task {
    private static final SplitFiles FILES = new SplitFiles("synthetic", EnumSet.of(Split.DEV, Split.TEST),
            (subject, split) -> subject + ".csv");

    private Path extracted;

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

    static final McTemplate CLOZE_SPACED = cloze(" ");
    static final McTemplate CLOZE_UNSPACED = cloze("");

    @Override
    public McTemplate template(PromptFormat format) {
        return CLOZE_SPACED;
    }

    @Override
    public McTemplate template(PromptFormat format, Subject subject) {
        boolean chinese = subject.categories().contains("Chinese");
        return format == PromptFormat.OFFICIAL && chinese ? CLOZE_UNSPACED : CLOZE_SPACED;
    }

    private static McTemplate cloze(String delimiter) {
        return new McTemplate("", "", "", "", delimiter, "\n", false, McTemplate.ABCD, McTemplate.AnswerStyle.CHOICE_TEXT);
    }

    /** {@code <cache>/data/synthetic-<content hash>/}, extracted on first use ({@link ProctorCache}). */
    @Override
    public synchronized Optional<Path> bundledDataDir() {
        if (extracted == null) {
            extracted = BundledData.extractTo(ProctorCache.root().resolve("data"));
        }
        return Optional.of(extracted);
    }
}
