package dev.proctor.stats.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.report.HarnessVersion;
import java.time.Instant;
import java.util.List;

/**
 * Where a statistics report's numbers come from, as runs record theirs: the command and its effective settings
 * (seeds included), the harness build, the JVM and OS, and every input with its SHA-256.
 *
 * @param command    the verb, e.g. "compare"
 * @param arguments  the whole command line after {@code proctor}, as given
 * @param parameters the effective settings, defaults resolved
 * @param inputs     every input read
 */
public record StatsProvenance(String command, List<String> arguments, ObjectNode parameters, List<InputRef> inputs,
                              HarnessVersion harness, Instant createdAt, String java, String os) {
    public StatsProvenance {
        arguments = List.copyOf(arguments);
        inputs = List.copyOf(inputs);
    }

    public static StatsProvenance of(String command, List<String> arguments, ObjectNode parameters,
                                     List<InputRef> inputs) {
        return new StatsProvenance(command, arguments, parameters, inputs, HarnessVersion.current(), Instant.now(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /**
     * The report's directory name: the command and the first 10 hex digits of a hash of its settings and
     * inputs' hashes, so the same command on the same inputs writes to the same place.
     */
    public String reportId() {
        StringBuilder facts = new StringBuilder(command).append('\n').append(parameters.toString()).append('\n');
        for (InputRef in : inputs) {
            facts.append(in.role()).append('=').append(in.sha256()).append('\n');
        }
        return command.replace(' ', '-') + "-" + dev.proctor.datafiles.Sha256.of(facts.toString()).substring(0, 10);
    }
}
