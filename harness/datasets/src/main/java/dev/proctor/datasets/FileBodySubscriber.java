package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Writes a response body into a file as it arrives, so a dropped connection keeps every byte that came, and
 * notes when the last bytes came, so a stalled transfer can be cut off ({@link #cancel}). The body's value is
 * the file's length when the server finished.
 */
final class FileBodySubscriber implements HttpResponse.BodySubscriber<Long> {
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private final FileChannel channel;
    private final long limit;
    private final String tooLong;
    private volatile Flow.Subscription subscription;
    private volatile long lastProgressNanos = System.nanoTime();
    private long length;

    /**
     * @param append  keep the file's bytes and add to them (a 206 answer), else start it empty
     * @param limit   the most bytes the file may reach (the locked size), or -1
     * @param tooLong the error when it would pass {@code limit}
     */
    FileBodySubscriber(Path file, boolean append, long limit, String tooLong) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        this.length = append ? channel.size() : 0;
        this.limit = limit;
        this.tooLong = tooLong;
    }

    long idleNanos() {
        return System.nanoTime() - lastProgressNanos;
    }

    /** Stops the transfer; the HTTP client then closes the connection. */
    void cancel(Throwable why) {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        finish(why);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer buffer : buffers) {
                length += buffer.remaining();
                if (limit >= 0 && length > limit) {
                    cancel(new ProctorException(tooLong));
                    return;
                }
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            lastProgressNanos = System.nanoTime();
            subscription.request(1);
        } catch (IOException e) {
            cancel(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        finish(error);
    }

    @Override
    public void onComplete() {
        finish(null);
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    private synchronized void finish(Throwable error) {
        if (result.isDone()) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            error = error == null ? e : error;
        }
        if (error == null) {
            result.complete(length);
        } else {
            result.completeExceptionally(error);
        }
    }
}
