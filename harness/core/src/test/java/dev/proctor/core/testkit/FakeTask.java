package dev.proctor.core.testkit;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.task.FewShotSampling;
import dev.proctor.api.task.Item;
import dev.proctor.api.task.McTemplate;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task over {@code <dataDir>/<split>/<subject>.txt}, one item per line: {@code question|A|B|C|D|gold}, gold a
 * letter or empty (no gold). LM_EVAL format uses delimiter {@code " "}, OFFICIAL uses {@code ""}.
 */
public final class FakeTask implements Task {
    private final String name;
    private final List<Subject> subjects;
    private FewShotSampling sampling = FewShotSampling.FIRST_N;
    private final Map<Split, String> unscorable = new EnumMap<>(Split.class);
    private Path bundled;
    private List<String> letters = McTemplate.ABCD;

    public FakeTask(String name, Subject... subjects) {
        this.name = name;
        this.subjects = List.of(subjects);
    }

    public FakeTask sampling(FewShotSampling sampling) {
        this.sampling = sampling;
        return this;
    }

    public FakeTask unscorable(Split split, String reason) {
        unscorable.put(split, reason);
        return this;
    }

    /** Choice labels; multi-byte ones make multi-token continuations that differ before their last token. */
    public FakeTask letters(List<String> letters) {
        this.letters = List.copyOf(letters);
        return this;
    }

    public FakeTask bundled(Path dir) {
        this.bundled = dir;
        return this;
    }

    /** Writes one subject's split. */
    public static Path write(Path dataDir, Split split, String subject, String... lines) throws IOException {
        Path file = dataDir.resolve(split.id()).resolve(subject + ".txt");
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
        return file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "fake task " + name;
    }

    @Override
    public List<Subject> subjects(Path dataDir) {
        return subjects;
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
            int gold = f[5].isEmpty() ? Item.NO_GOLD : "ABCD".indexOf(f[5]);
            out.add(new Item(subject.name() + "/" + split.id() + "/" + i, subject.name(), f[0],
                    List.of(f[1], f[2], f[3], f[4]), gold, new SourceLine(file, i + 1)));
        }
        return out;
    }

    @Override
    public McTemplate template(PromptFormat format) {
        String delimiter = format == PromptFormat.LM_EVAL ? " " : "";
        return new McTemplate("About {subject}.\n\n", "", "\n{letter}. {text}", "\nAnswer:", delimiter, "\n\n",
                true, letters);
    }

    @Override
    public FewShotSampling fewShotSampling(PromptFormat format) {
        return sampling;
    }

    @Override
    public Optional<String> unscorableReason(Split split) {
        return Optional.ofNullable(unscorable.get(split));
    }

    @Override
    public Optional<Path> bundledDataDir() {
        return Optional.ofNullable(bundled);
    }
}
