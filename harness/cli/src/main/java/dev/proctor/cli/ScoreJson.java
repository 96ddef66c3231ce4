package dev.proctor.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.datafiles.Sha256;
import dev.proctor.report.HarnessVersion;
import java.nio.file.Path;

/** What every {@code proctor score} JSON opens with: the harness, the command, and each input file with its hash. */
public final class ScoreJson {
    private ScoreJson() {
    }

    /** A JSON object holding {@code harness} and {@code command}; the caller adds the rest in its order. */
    public static ObjectNode root(String command) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        HarnessVersion.current().describeIn(root.putObject("harness"));
        root.put("command", command);
        return root;
    }

    /** {@code inputs.name = {path, sha256}}; returned for any further fact about the file. */
    public static ObjectNode input(ObjectNode inputs, String name, Path file) {
        return inputs.putObject(name).put("path", file.toString()).put("sha256", Sha256.of(file));
    }
}
