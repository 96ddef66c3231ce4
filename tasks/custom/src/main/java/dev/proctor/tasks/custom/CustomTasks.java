package dev.proctor.tasks.custom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.FewShotSampling;
import dev.proctor.api.task.mc.McTask;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.datafiles.AnswerFormat;
import dev.proctor.datafiles.McColumns;
import dev.proctor.datafiles.StandardTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds a {@link McTask} from a definition file ({@code .yaml}, {@code .yml} or {@code .json}); see
 * {@code tasks/custom/README.md} for the keys. Every problem with the file is a {@link DataFormatException}
 * naming it, the line and what was expected; an unknown key is named with the keys allowed at its place.
 */
public final class CustomTasks {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    private static final String DISCOVER = "discover";

    private CustomTasks() {
    }

    public static McTask load(Path definitionFile) {
        ObjectMapper mapper = mapperFor(definitionFile);
        Definition def;
        String text = null;
        try {
            text = Files.readString(definitionFile);
            def = mapper.readValue(text, Definition.class);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(definitionFile, 0, "expected a task definition file, found no such file");
        } catch (JsonProcessingException e) {
            throw problem(definitionFile, e, "", text);
        } catch (IOException e) {
            throw new DataFormatException(definitionFile, 0, "expected a readable task definition, found " + e);
        }
        if (def == null) {
            throw new DataFormatException(definitionFile, 0, "expected a task definition, found an empty file");
        }
        return build(definitionFile, text, def, mapper);
    }

    private static CustomTask build(Path file, String text, Definition def, ObjectMapper mapper) {
        if (def.name() == null || !NAME.matcher(def.name()).matches()) {
            throw invalid(file, "expected 'name': lower-case letters, digits, '_', '-' or '.', found "
                    + quoted(def.name()));
        }
        Definition.Data data = def.data();
        if (data == null || data.path() == null || data.path().isBlank()) {
            throw invalid(file, "expected 'data.path' such as \"{split}/{subject}.csv\", found none");
        }
        String path = data.path();
        if (Path.of(path.replace("{", "").replace("}", "")).isAbsolute()) {
            throw invalid(file, "expected 'data.path' relative to the data directory, found " + quoted(path));
        }
        if (path.split(Pattern.quote("{subject}"), -1).length != 2 || !path.contains("{split}")) {
            throw invalid(file, "expected 'data.path' with {split} and exactly one {subject}, found " + quoted(path));
        }
        CustomTask.FileFormat format;
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            format = Boolean.FALSE.equals(data.header()) ? CustomTask.FileFormat.CSV_NO_HEADER : CustomTask.FileFormat.CSV;
        } else if (lower.endsWith(".jsonl")) {
            if (data.header() != null) {
                throw invalid(file, "expected no 'data.header' for a .jsonl file (JSON keys name the fields), found one");
            }
            format = CustomTask.FileFormat.JSONL;
        } else {
            throw invalid(file, "expected 'data.path' ending in .csv or .jsonl, found " + quoted(path));
        }
        McColumns columns;
        try {
            columns = new McColumns(orElse(data.question(), "question"),
                    data.choices() == null ? McTemplate.ABCD : data.choices(),
                    orElse(data.answer(), "answer"),
                    data.answerFormat() == null ? AnswerFormat.LETTER : data.answerFormat());
        } catch (IllegalArgumentException e) {
            throw invalid(file, "expected 'data.choices' with at least one column, found an empty list");
        }
        if (format == CustomTask.FileFormat.CSV_NO_HEADER) {
            for (String column : columns.required()) {
                if (!column.strip().matches("\\d+")) {
                    throw invalid(file, "expected 0-based column positions (data.header is false), found "
                            + quoted(column));
                }
            }
        }
        Definition.Templates t = def.templates() == null ? new Definition.Templates(null, null) : def.templates();
        McTemplate official = template(file, "official", t.official(), columns);
        McTemplate lmEval = template(file, "lm-eval", t.lmEval(), columns);
        String description = def.description() == null ? "custom task defined in " + file.getFileName() : def.description();
        FewShotSampling sampling = def.fewShotSampling() == null ? FewShotSampling.FIRST_N : def.fewShotSampling();
        return new CustomTask(def.name(), description, path, format, columns, subjects(file, text, def.subjects(), mapper),
                official, lmEval, sampling);
    }

    /** Empty for {@code discover}; the listed subjects otherwise. */
    private static Optional<List<Subject>> subjects(Path file, String text, JsonNode node, ObjectMapper mapper) {
        if (node == null || node.isNull()) {
            throw invalid(file, "expected 'subjects': a list of {name, displayName, categories} or \"discover\","
                    + " found none");
        }
        if (node.isTextual() && node.asText().equals(DISCOVER)) {
            return Optional.empty();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw invalid(file, "expected 'subjects': a non-empty list of {name, displayName, categories} or"
                    + " \"discover\", found " + node);
        }
        List<Subject> out = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (int i = 0; i < node.size(); i++) {
            Definition.SubjectSpec spec;
            try {
                spec = mapper.treeToValue(node.get(i), Definition.SubjectSpec.class);
            } catch (JsonProcessingException e) {
                throw problem(file, e, "subjects[" + i + "]", text);
            }
            if (spec.name() == null || spec.name().isBlank() || spec.name().contains("/")) {
                throw invalid(file, "expected subjects[" + i + "].name without '/', found " + quoted(spec.name()));
            }
            if (!seen.add(spec.name())) {
                throw invalid(file, "expected unique subject names, found " + quoted(spec.name()) + " twice");
            }
            out.add(new Subject(spec.name(), orElse(spec.displayName(), spec.name()),
                    spec.categories() == null ? List.of() : spec.categories()));
        }
        return Optional.of(out);
    }

    private static McTemplate template(Path file, String format, Definition.TemplateSpec spec, McColumns columns) {
        McTemplate base = StandardTemplates.MMLU_LM_EVAL;
        if (spec == null) {
            spec = new Definition.TemplateSpec(null, null, null, null, null, null, null, null, null);
        }
        McTemplate template = new McTemplate(
                orElse(spec.header(), base.header()),
                orElse(spec.questionPrefix(), base.questionPrefix()),
                orElse(spec.optionLine(), base.optionLine()),
                orElse(spec.answerCue(), base.answerCue()),
                orElse(spec.answerDelimiter(), base.answerDelimiter()),
                orElse(spec.shotSuffix(), base.shotSuffix()),
                spec.stripQuestion() == null ? base.stripQuestion() : spec.stripQuestion(),
                spec.letters() == null ? base.letters() : spec.letters(),
                spec.answerStyle() == null ? base.answerStyle() : spec.answerStyle());
        // a cloze template (answerStyle: choice_text) may leave the options out of the prompt: optionLine ""
        boolean listsOptions = !template.optionLine().isEmpty();
        if (listsOptions && !template.optionLine().contains("{text}")) {
            throw invalid(file, "expected templates." + format + ".optionLine with {text}, found "
                    + quoted(template.optionLine()));
        }
        boolean choiceArray = columns.choices().size() == 1; // a JSON array of any length: checked per item
        if (listsOptions && !choiceArray && template.letters().size() < columns.choices().size()) {
            throw invalid(file, "expected templates." + format + ".letters to label all " + columns.choices().size()
                    + " choices, found " + template.letters());
        }
        return template;
    }

    private static ObjectMapper mapperFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (!yaml && !name.endsWith(".json")) {
            throw new DataFormatException(file, 0, "expected a task definition named *.yaml, *.yml or *.json, found "
                    + file.getFileName());
        }
        return (yaml ? YAMLMapper.builder(new YAMLFactory()) : JsonMapper.builder())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    /**
     * @param prefix where a tree being bound sits in the file ({@code subjects[2]}), empty for the whole file
     * @param text   the file's text, to find the line of an unknown key; null when not at hand
     */
    private static DataFormatException problem(Path file, JsonProcessingException e, String prefix, String text) {
        JsonLocation at = e.getLocation();
        long line = at == null ? 0 : Math.max(0, at.getLineNr());
        String where = e instanceof JsonMappingException m ? keyPath(prefix, m) : prefix;
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            line = lineOfKey(text, u.getPropertyName(), line);
            String parent = where.contains(".") ? " in '" + where.substring(0, where.lastIndexOf('.')) + "'" : "";
            return new DataFormatException(file, line, "expected one of the keys " + known + parent
                    + ", found unknown key '" + u.getPropertyName() + "'");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            // the names users write (letter case is ignored), not the Java constants
            String known = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            return new DataFormatException(file, line, "expected " + (where.isEmpty() ? "" : "'" + where + "' to be ")
                    + "one of " + known + ", found '" + f.getValue() + "'");
        }
        return new DataFormatException(file, line, "expected a task definition as in tasks/custom/README.md, found "
                + (where.isEmpty() ? "" : "at '" + where + "': ") + e.getOriginalMessage());
    }

    /**
     * Jackson reports an unknown key where its value starts, which for a nested block is the next line; the
     * key itself is on the last line at or before that one that names it.
     */
    private static long lineOfKey(String text, String key, long reported) {
        if (text == null) {
            return reported;
        }
        Pattern keyLine = Pattern.compile("(^|[\\s{,\"'-])" + Pattern.quote(key) + "[\"']?\\s*:");
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (reported <= 0) { // bound from a tree, which has no locations: the first line naming the key
            for (int i = 1; i <= lines.length; i++) {
                if (keyLine.matcher(lines[i - 1]).find()) {
                    return i;
                }
            }
            return reported;
        }
        for (int i = (int) Math.min(reported, lines.length); i >= 1; i--) {
            if (keyLine.matcher(lines[i - 1]).find()) {
                return i;
            }
        }
        return reported;
    }

    /** {@code templates.official.header}, {@code subjects[2].name}. */
    private static String keyPath(String prefix, JsonMappingException e) {
        StringBuilder sb = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static DataFormatException invalid(Path file, String message) {
        return new DataFormatException(file, 0, message);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String quoted(String s) {
        return s == null ? "none" : "'" + s + "'";
    }
}
