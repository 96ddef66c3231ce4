package dev.proctor.tasks.mc;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.FewShotSampling;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTask;
import dev.proctor.api.task.mc.McTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A multiple-choice benchmark over {@code <dataDir>/<split>/<subject>.txt}, one item per line:
 * {@code question|A|B|C|D|gold}, gold a letter or empty. LM_EVAL format uses delimiter {@code " "}, OFFICIAL
 * {@code ""}; a cloze variant answers with the choice's text and lists no options; a several-answers variant keeps the
 * gold as letters ({@code AB}), MMCU's way.
 */
final class ToyMcTask implements McTask {
    static final Subject ALGEBRA = new Subject("algebra", "Algebra", List.of("STEM"));
    static final Subject HISTORY = new Subject("history", "History", List.of("Humanities"));

    private boolean cloze;
    private String testUnscorable;
    private boolean severalAnswers;

    ToyMcTask severalAnswers() {
        this.severalAnswers = true;
        return this;
    }

    ToyMcTask cloze() {
        this.cloze = true;
        return this;
    }

    ToyMcTask unscorableTest(String reason) {
        this.testUnscorable = reason;
        return this;
    }

    static Path write(Path dataDir, Split split, String subject, String... lines) throws IOException {
        Path file = dataDir.resolve(split.id()).resolve(subject + ".txt");
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
        return file;
    }

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public String description() {
        return "toy multiple choice";
    }

    @Override
    public List<Subject> subjects(Path dataDir) {
        return List.of(ALGEBRA, HISTORY);
    }

    @Override
    public Path dataFile(Path dataDir, Subject subject, Split split) {
        return dataDir.resolve(split.id()).resolve(subject.name() + ".txt");
    }

    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split) {
        Path file = dataFile(dataDir, subject, split);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ProctorException("cannot read " + file, e);
        }
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\\|", -1);
            if (f.length != 6) {
                throw new DataFormatException(file, i + 1, "expected 6 fields");
            }
            int gold = f[5].isEmpty() || severalAnswers ? Item.NO_GOLD : "ABCD".indexOf(f[5]);
            out.add(new Item(subject.name() + "/" + split.id() + "/" + i, subject.name(), f[0],
                    List.of(f[1], f[2], f[3], f[4]), gold, new SourceLine(file, i + 1),
                    severalAnswers && !f[5].isEmpty() ? f[5] : null));
        }
        return out;
    }

    @Override
    public McTemplate template(PromptFormat format) {
        String delimiter = format == PromptFormat.LM_EVAL ? " " : "";
        if (cloze) {
            return new McTemplate("About {subject}.\n\n", "", "", "\nAnswer:", " ", "\n\n", true, McTemplate.ABCD,
                    McTemplate.AnswerStyle.CHOICE_TEXT);
        }
        return new McTemplate("About {subject}.\n\n", "", "\n{letter}. {text}", "\nAnswer:", delimiter, "\n\n",
                true, McTemplate.ABCD);
    }

    @Override
    public FewShotSampling fewShotSampling(PromptFormat format) {
        return FewShotSampling.FIRST_N;
    }

    @Override
    public boolean multipleAnswers() {
        return severalAnswers;
    }

    @Override
    public Optional<String> answerRule() {
        return severalAnswers ? Optional.of("mmcu") : Optional.empty();
    }

    @Override
    public Optional<String> unscorableReason(Split split) {
        return split == Split.TEST ? Optional.ofNullable(testUnscorable) : Optional.empty();
    }
}
