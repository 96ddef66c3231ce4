package dev.proctor.tasks.custom;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.FewShotSampling;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTask;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.datafiles.GoldPolicy;
import dev.proctor.datafiles.McColumns;
import dev.proctor.datafiles.McFiles;
import dev.proctor.datafiles.StandardTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A task built by {@link CustomTasks} from a definition file; immutable once built. */
final class CustomTask implements McTask {
    enum FileFormat { CSV, CSV_NO_HEADER, JSONL }

    private final String name;
    private final String description;
    private final String pathPattern;
    private final FileFormat format;
    private final McColumns columns;
    private final Optional<List<Subject>> listedSubjects;
    private final McTemplate official;
    private final McTemplate lmEval;
    private final FewShotSampling sampling;

    CustomTask(String name, String description, String pathPattern, FileFormat format, McColumns columns,
               Optional<List<Subject>> listedSubjects, McTemplate official, McTemplate lmEval,
               FewShotSampling sampling) {
        this.name = name;
        this.description = description;
        this.pathPattern = pathPattern;
        this.format = format;
        this.columns = columns;
        this.listedSubjects = listedSubjects.map(List::copyOf);
        this.official = official;
        this.lmEval = lmEval;
        this.sampling = sampling;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** The listed subjects, or with {@code subjects: discover} those with a file of any split, by name. */
    @Override
    public List<Subject> subjects(Path dataDir) {
        return listedSubjects.orElseGet(() -> discover(dataDir));
    }

    @Override
    public Path dataFile(Path dataDir, Subject subject, Split split) {
        return dataDir.resolve(pathPattern.replace("{split}", split.id()).replace("{subject}", subject.name()));
    }

    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split) {
        Path file = dataFile(dataDir, subject, split);
        List<Item> items = switch (format) {
            case CSV -> McFiles.readCsvWithHeader(file, columns, subject.name(), split, GoldPolicy.REQUIRED);
            case CSV_NO_HEADER -> McFiles.readCsvWithoutHeader(file, columns, subject.name(), split, GoldPolicy.REQUIRED);
            case JSONL -> McFiles.readJsonLines(file, columns, subject.name(), split, GoldPolicy.REQUIRED);
        };
        int letters = Math.min(official.letters().size(), lmEval.letters().size());
        for (Item item : items) {
            if (item.choices().size() > letters) {
                throw new DataFormatException(file, item.source().line(), "expected at most " + letters
                        + " choices (the templates' letters), found " + item.choices().size());
            }
        }
        return items;
    }

    @Override
    public McTemplate template(PromptFormat format) {
        return switch (format) {
            case OFFICIAL -> official;
            case LM_EVAL -> lmEval;
            default -> throw StandardTemplates.unsupported(name(), format);
        };
    }

    @Override
    public FewShotSampling fewShotSampling(PromptFormat format) {
        return sampling;
    }

    private List<Subject> discover(Path dataDir) {
        Pattern pattern = filePattern();
        int depth = pathPattern.split("/").length;
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir, depth)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    String relative = dataDir.relativize(f).toString().replace('\\', '/');
                    Matcher m = pattern.matcher(relative);
                    if (m.matches()) {
                        names.add(m.group("subject"));
                    }
                });
            } catch (IOException e) {
                throw new DataFormatException(dataDir, 0, "expected a readable data directory, found " + e);
            }
        }
        if (names.isEmpty()) {
            throw new DataFormatException(dataDir, 0, "expected files matching '" + pathPattern + "' ({split} = "
                    + Arrays.stream(Split.values()).map(Split::id).collect(Collectors.joining("|"))
                    + ") for task " + name + ", found none");
        }
        return names.stream().map(n -> new Subject(n, n, List.of())).toList();
    }

    /** The path pattern as a regular expression; a second {split} must repeat the first. */
    private Pattern filePattern() {
        String splits = Arrays.stream(Split.values()).map(Split::id).collect(Collectors.joining("|"));
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{split}|\\{subject}").matcher(pathPattern);
        int last = 0;
        boolean splitSeen = false;
        while (m.find()) {
            regex.append(Pattern.quote(pathPattern.substring(last, m.start())));
            if (m.group().equals("{subject}")) {
                regex.append("(?<subject>[^/]+)");
            } else {
                regex.append(splitSeen ? "\\k<split>" : "(?<split>" + splits + ")");
                splitSeen = true;
            }
            last = m.end();
        }
        regex.append(Pattern.quote(pathPattern.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
