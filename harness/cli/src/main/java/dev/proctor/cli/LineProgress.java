package dev.proctor.cli;

import dev.proctor.core.schedule.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Progress as plain lines, at most one every {@link #INTERVAL_SECONDS} seconds, for logs. */
final class LineProgress implements ProgressListener {
    static final int INTERVAL_SECONDS = 10;
    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private long pending;
    private long done;
    private long start;
    private long lastLine;

    LineProgress(PrintWriter out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    @Override
    public void started(long pending, long alreadyDone) {
        this.pending = pending;
        this.start = nanoTime.getAsLong();
        this.lastLine = start;
        out.println("scoring " + pending + " items" + (alreadyDone > 0 ? " (" + alreadyDone + " already stored)" : ""));
    }

    @Override
    public void advanced(long items) {
        done += items;
        long now = nanoTime.getAsLong();
        if (now - lastLine >= INTERVAL_SECONDS * 1_000_000_000L) {
            lastLine = now;
            line(now);
        }
    }

    @Override
    public void finished() {
        line(nanoTime.getAsLong());
    }

    private void line(long now) {
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && done < pending ? String.format(Locale.ROOT, ", about %.0f s left",
                (pending - done) / rate) : "";
        out.println(String.format(Locale.ROOT, "scoring %d/%d items, %.1f s, %.1f items/s%s", done, pending,
                seconds, rate, eta));
    }
}
