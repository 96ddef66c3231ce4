package dev.proctor.cli;

import dev.proctor.core.schedule.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws the scheduler's progress on stderr: items done, items/s and ETA. */
final class ProgressBarListener implements ProgressListener {
    private ProgressBar bar;

    @Override
    public void started(long pending, long alreadyDone) {
        bar = new ProgressBarBuilder()
                .setTaskName(alreadyDone > 0 ? "scoring (" + alreadyDone + " resumed)" : "scoring")
                .setInitialMax(pending)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(" items", 1)
                .showSpeed()
                .setUpdateIntervalMillis(500)
                .build();
    }

    @Override
    public void advanced(long items) {
        bar.stepBy(items);
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
        }
    }
}
