package dev.proctor.stats.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.ProctorException;
import dev.proctor.report.MarkdownTable;
import dev.proctor.report.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A statistics command's output directory: each table as {@code NAME.csv} and {@code NAME.md} (Tablesaw), all
 * results with provenance in {@code stats.json}, and {@code report.md} putting provenance, notes and tables on
 * one page. Files are written to a temporary name and renamed, as run reports are.
 */
public final class StatsReport {
    public static final String JSON = "stats.json";
    public static final String MARKDOWN = "report.md";

    private final String title;
    private final StatsProvenance provenance;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final ObjectNode results = StatsJson.MAPPER.createObjectNode();
    private final List<String> notes = new ArrayList<>();

    public StatsReport(String title, StatsProvenance provenance) {
        this.title = title;
        this.provenance = provenance;
    }

    /** Adds a table; its name (file-safe) is used for the CSV and Markdown files. */
    public StatsReport table(String name, Table table) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("table name must be file-safe: " + name);
        }
        tables.put(name, table);
        return this;
    }

    public StatsReport result(String key, JsonNode node) {
        results.set(key, node);
        return this;
    }

    /** A sentence for the reader (a convention, a caveat, what was dropped). */
    public StatsReport note(String text) {
        notes.add(text);
        return this;
    }

    public Map<String, Table> tables() {
        return tables;
    }

    public ObjectNode json() {
        ObjectNode root = StatsJson.MAPPER.createObjectNode();
        root.set("provenance", provenanceJson());
        root.set("results", results);
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        return root;
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        sb.append("- command: `proctor ").append(String.join(" ", provenance.arguments())).append("`\n");
        sb.append("- harness: proctor ").append(provenance.harness()).append("; ").append(provenance.java())
                .append("; ").append(provenance.os()).append("; ").append(provenance.createdAt()).append('\n');
        sb.append("- settings: `").append(provenance.parameters().toString()).append("`\n");
        for (InputRef in : provenance.inputs()) {
            sb.append("- input ").append(in.role()).append(": `").append(in.path()).append("` ");
            in.sha256().forEach((k, v) -> sb.append(k).append(' ').append(v).append("; "));
            sb.append('\n');
        }
        for (String note : notes) {
            sb.append("- ").append(note).append('\n');
        }
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            sb.append("\n## ").append(t.getKey()).append("\n\n").append(MarkdownTable.render(t.getValue()));
        }
        return sb.toString();
    }

    public Path writeTo(Path dir) {
        OutputFolder.requireOwn(dir, JSON, "a statistics report");
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, Table> t : tables.entrySet()) {
                Path csv = dir.resolve(t.getKey() + ".csv");
                Path tmp = dir.resolve(t.getKey() + ".csv.tmp");
                t.getValue().write().csv(tmp.toFile());
                Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                writeAtomically(dir.resolve(t.getKey() + ".md"), MarkdownTable.render(t.getValue()));
            }
            writeAtomically(dir.resolve(JSON), StatsJson.MAPPER.writeValueAsString(json()) + "\n");
            writeAtomically(dir.resolve(MARKDOWN), markdown());
        } catch (IOException e) {
            throw new ProctorException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private ObjectNode provenanceJson() {
        ObjectNode node = StatsJson.MAPPER.createObjectNode();
        node.put("reportId", provenance.reportId());
        node.put("command", provenance.command());
        ArrayNode args = node.putArray("arguments");
        provenance.arguments().forEach(args::add);
        provenance.harness().describeIn(node.putObject("harness"), provenance.java(), provenance.os());
        node.put("createdAt", provenance.createdAt().toString());
        node.set("parameters", provenance.parameters());
        ArrayNode inputs = node.putArray("inputs");
        for (InputRef in : provenance.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("role", in.role());
            i.put("path", in.path());
            ObjectNode hashes = i.putObject("sha256");
            in.sha256().forEach(hashes::put);
            if (in.run() != null) {
                i.set("run", in.run());
            }
        }
        return node;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
