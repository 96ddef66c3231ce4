package dev.proctor.cli;

import dev.proctor.core.schedule.ProgressListener;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --[no-]progress}: a redrawn bar where stderr is a terminal, and where it is not (a log file, CI) a plain line
 * every {@link LineProgress#INTERVAL_SECONDS} seconds, so logs get no carriage-return frames.
 */
public final class ProgressOptions {
    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Report progress on stderr: a bar on a terminal, else a line every "
                    + LineProgress.INTERVAL_SECONDS + " s (default: on).")
    boolean progress;

    /** The listener for this invocation. */
    public ProgressListener listener() {
        if (!progress) {
            return ProgressListener.NONE;
        }
        // System.console() is null unless both standard streams are terminals: the safe side for logs
        return System.console() != null ? new ProgressBarListener()
                : new LineProgress(new PrintWriter(System.err, true), System::nanoTime);
    }
}
