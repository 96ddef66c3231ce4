package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import java.util.List;

/** Locked files that are needed but absent, with the one command that fetches them. */
public final class MissingDataException extends ProctorException {
    /** Beyond this many, the message names the first ones and counts the rest. */
    private static final int NAMED = 10;

    private final String datasetId;
    private final List<String> missing;
    private final String fetchCommand;

    public MissingDataException(String datasetId, String where, List<String> missing, String fetchCommand) {
        super("dataset " + datasetId + ": " + missing.size() + " locked file" + (missing.size() == 1 ? " is" : "s are")
                + " missing from " + where + ": " + names(missing) + "; fetch them with `" + fetchCommand + "`");
        this.datasetId = datasetId;
        this.missing = List.copyOf(missing);
        this.fetchCommand = fetchCommand;
    }

    private static String names(List<String> missing) {
        String shown = String.join(", ", missing.subList(0, Math.min(NAMED, missing.size())));
        return missing.size() > NAMED ? shown + " and " + (missing.size() - NAMED) + " more" : shown;
    }

    public String datasetId() {
        return datasetId;
    }

    public List<String> missing() {
        return missing;
    }

    public String fetchCommand() {
        return fetchCommand;
    }
}
