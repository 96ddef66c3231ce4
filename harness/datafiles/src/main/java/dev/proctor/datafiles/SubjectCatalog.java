package dev.proctor.datafiles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.task.Subject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a subject list {@code {"subjects": [{"name", "displayName", "categories": [...]}, ...]}}, the format of
 * the tasks' own metadata resources and of the bundled suite's {@code subjects.json}. {@code displayName}
 * defaults to the name and {@code categories} to none; any other key is an error, as is a repeated name.
 */
public final class SubjectCatalog {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private record Entry(String name, String displayName, List<String> categories) {
    }

    private record Catalog(List<Entry> subjects) {
    }

    private SubjectCatalog() {
    }

    public static List<Subject> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, 0, "expected a subject list, found no such file");
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "expected a readable subject list, found " + e);
        }
    }

    /** A subject list on the class path of {@code anchor} (a task's own metadata). */
    public static List<Subject> readResource(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProctorException("the subject list " + resource + " is missing from the class path of "
                        + anchor.getName() + "; the task's jar is incomplete");
            }
            return read(in, Path.of(resource));
        } catch (IOException e) {
            throw new ProctorException("cannot read the resource " + resource + ": " + e.getMessage(), e);
        }
    }

    private static List<Subject> read(InputStream in, Path file) throws IOException {
        Catalog catalog;
        try {
            catalog = MAPPER.readValue(in, Catalog.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DataFormatException(file, at == null ? 0 : Math.max(0, at.getLineNr()),
                    "expected {\"subjects\": [{\"name\", \"displayName\", \"categories\"}, ...]}, found: "
                            + e.getOriginalMessage());
        }
        if (catalog == null || catalog.subjects() == null || catalog.subjects().isEmpty()) {
            throw new DataFormatException(file, 0, "expected a non-empty \"subjects\" list, found none");
        }
        Set<String> seen = new HashSet<>();
        return catalog.subjects().stream().map(e -> {
            if (e.name() == null || e.name().isBlank()) {
                throw new DataFormatException(file, 0, "expected every subject to have a \"name\", found " + e);
            }
            if (!seen.add(e.name())) {
                throw new DataFormatException(file, 0, "expected unique subject names, found '" + e.name() + "' twice");
            }
            return new Subject(e.name(), e.displayName() == null ? e.name() : e.displayName(),
                    e.categories() == null ? List.of() : e.categories());
        }).toList();
    }
}
