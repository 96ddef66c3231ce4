package dev.proctor.tasks.mmcu;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ReferenceAverage;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTask;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.mc.ShotRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MMCU (Felixgithub2017/MMCU @ bd5b2a1), as its TestChatGPT.py evaluates it: {@code .xlsx} workbooks
 * ({@link MmcuUnits}), the script's prompt ({@link #OFFICIAL}), its option and label cleaning ({@link MmcuCleaning}),
 * its answer rule ({@code mmcu}) and exact match of the letters, order included. Questions may have several answers
 * ("ABD"), so MMCU is scored by generation only. Few-shot examples are the first dev rows; no example is ever dropped
 * (the script drops none). The README's average is the mean of the four domain averages, each the unweighted mean of
 * its units. The data is gated (Hugging Face {@code Besteasy/MMCU}) and not shipped.
 */
public final class MmcuTask implements McTask {
    /**
     * TestChatGPT.py's prompt: the header, then each example as question, {@code \n{L}. {option}} per option and
     * {@code \n正确答案的序号是：}, a worked example adding {@code " {answer}\n\n"}. No subject name appears. Worked
     * examples show the answer cleaned; the script prints the cell as written, which differs only for a dev answer
     * holding spaces, full-width letters, {@code \u3000} or commas. The Bloomz, ChatGLM and MOSS scripts' header
     * (with 请只给出答案的序号。) is not offered: a prompt format is one convention per benchmark.
     */
    public static final McTemplate OFFICIAL = new McTemplate("请阅读以下选择题并给出正确选项，不要解释原因。\n", "",
            "\n{letter}. {text}", "\n正确答案的序号是：", " ", "\n\n", false, McTemplate.ABCD);

    @Override
    public String name() {
        return "mmcu";
    }

    @Override
    public String description() {
        return "MMCU (Felixgithub2017/MMCU), Chinese questions with one or several answers in 4 domains (医疗 per"
                + " sheet, 法律, 心理, 教育), .xlsx {dev,test}/<subject>.xlsx; gated data; --scoring generate only";
    }

    @Override
    public List<Subject> subjects(Path dataDir) {
        return MmcuUnits.present(dataDir);
    }

    @Override
    public Path dataFile(Path dataDir, Subject subject, Split split) {
        return MmcuUnits.file(dataDir, subject, split);
    }

    /** Bad labels refused, as by default. */
    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split) {
        return load(dataDir, subject, split, BadLabels.REFUSE);
    }

    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split, TaskSettings settings) {
        return load(dataDir, subject, split, badLabels(settings));
    }

    private List<Item> load(Path dataDir, Subject subject, Split split, BadLabels badLabels) {
        Workbooks.SheetRows sheet = Workbooks.read(dataFile(dataDir, subject, split), MmcuUnits.sheet(subject, split));
        return MmcuSheet.items(sheet, subject.name(), split, badLabels);
    }

    @Override
    public Set<String> argumentKeys() {
        return Set.of(BadLabels.KEY);
    }

    @Override
    public Map<String, Object> describeSettings(TaskSettings settings) {
        return Map.of("badLabels", badLabels(settings).id());
    }

    private static BadLabels badLabels(TaskSettings settings) {
        return BadLabels.parse(settings.arg(BadLabels.KEY, BadLabels.REFUSE.id()));
    }

    @Override
    public McTemplate template(PromptFormat format) {
        return switch (format) {
            case OFFICIAL -> OFFICIAL;
            default -> throw new ProctorException("--format " + format.id() + ": mmcu has only its own prompt"
                    + " (TestChatGPT.py), and lm-evaluation-harness has no MMCU task; use --format official");
        };
    }

    @Override
    public ShotRule shotRule(PromptFormat format, Subject subject) {
        return ShotRule.LM_EVAL_LEFT_TRUNCATE;
    }

    @Override
    public boolean multipleAnswers() {
        return true;
    }

    @Override
    public Optional<String> answerRule() {
        return Optional.of("mmcu");
    }

    @Override
    public boolean allowsEmptyOptions() {
        return true;
    }

    /** README: 平均 = the mean of 医疗, 法律, 心理学 and 教育, each the unweighted mean of its units. */
    @Override
    public List<ReferenceAverage> referenceAverages() {
        return List.of(new ReferenceAverage("README average", MmcuUnits.DOMAINS, "the unweighted mean of the four"
                + " domain averages (each the mean of its units: 15 医疗 sheets, 法律, 心理, 8 教育 subjects), as the 平均 row"
                + " of MMCU's README"));
    }
}
