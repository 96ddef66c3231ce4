package dev.proctor.datafiles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.task.SourceLine;

/**
 * One JSON Lines record.
 *
 * @param source file and 1-based line
 * @param object the parsed object
 */
public record JsonLine(SourceLine source, ObjectNode object) {
}
