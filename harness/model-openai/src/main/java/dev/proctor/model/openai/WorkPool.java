package dev.proctor.model.openai;

import dev.proctor.api.ProctorException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads requests over endpoints: each endpoint takes as many as its adaptive limit allows, so a fast one takes more;
 * a request whose endpoint became unavailable goes back to the queue for the others while that endpoint rests, and is
 * given up only after it has failed on every endpoint several times, and a request a slow endpoint sits on is sent to
 * another once nothing else is left to send. A refused or malformed answer stops the run: it
 * is never scored. Results are handed to the caller's thread in the order they finish, a group at a time, so the
 * harness stores each as soon as it exists.
 */
final class WorkPool implements AutoCloseable {
    /** One request, answerable by any endpoint. */
    interface Task<T> {
        T call(Endpoint endpoint);
    }

    /** Receives finished results on the calling thread: positions in the task list, and their values. */
    interface Done<T> {
        void accept(int[] indices, List<T> values);
    }

    /** Attempts per task per endpoint before the run gives up on it. */
    static final int ATTEMPTS_PER_ENDPOINT = 3;

    private record Event<T>(int index, Endpoint endpoint, T value, ServerFailure failure) {
    }

    private final List<Endpoint> endpoints;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "proctor-openai-client");
        t.setDaemon(true);
        return t;
    });

    private final Latencies latencies = new Latencies();
    private final AtomicInteger hedged = new AtomicInteger();

    WorkPool(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    <T> void run(List<Task<T>> tasks, Done<T> done) {
        Deque<Integer> pending = new ArrayDeque<>();
        for (int i = 0; i < tasks.size(); i++) {
            pending.add(i);
        }
        int[] failures = new int[tasks.size()];
        int[] copies = new int[tasks.size()];
        long[] sentAt = new long[tasks.size()];
        Endpoint[] sentTo = new Endpoint[tasks.size()];
        boolean[] finishedTask = new boolean[tasks.size()];
        boolean[] hedgedTask = new boolean[tasks.size()];
        BlockingQueue<Event<T>> events = new LinkedBlockingQueue<>();
        int finished = 0;
        int inFlight = 0;
        while (finished < tasks.size()) {
            long now = System.nanoTime();
            for (Endpoint e : endpoints) {
                while (!pending.isEmpty() && e.available(now) && e.limit().tryAcquire()) {
                    int index = pending.poll();
                    inFlight++;
                    copies[index]++;
                    sentAt[index] = now;
                    sentTo[index] = e;
                    threads.execute(() -> events.add(attempt(tasks, index, e)));
                }
            }
            if (pending.isEmpty() && endpoints.size() > 1) {
                inFlight += hedge(tasks, events, now, copies, sentAt, sentTo, finishedTask, hedgedTask);
            }
            List<Event<T>> arrived = new ArrayList<>();
            try {
                Event<T> first = events.poll(inFlight > 0 ? 200 : 50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    arrived.add(first);
                    events.drainTo(arrived);
                }
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new ProctorException("interrupted while waiting for the servers");
            }
            List<Integer> indices = new ArrayList<>();
            List<T> values = new ArrayList<>();
            for (Event<T> event : arrived) {
                inFlight--;
                int index = event.index();
                copies[index]--;
                ServerFailure f = event.failure();
                if (f == null) {
                    if (!hedgedTask[index]) {
                        latencies.add(System.nanoTime() - sentAt[index]);
                    }
                    if (!finishedTask[index]) {
                        finishedTask[index] = true;
                        indices.add(index);
                        values.add(event.value());
                    }
                    continue;
                }
                if (f.kind() != ServerFailure.Kind.UNAVAILABLE) {
                    deliver(done, indices, values); // keep what did finish
                    throw f;
                }
                event.endpoint().rest(System.nanoTime());
                if (finishedTask[index] || copies[index] > 0) {
                    continue; // another copy answered, or still may
                }
                if (++failures[index] >= ATTEMPTS_PER_ENDPOINT * endpoints.size()) {
                    deliver(done, indices, values);
                    throw new ProctorException("every endpoint failed the same request " + failures[index]
                            + " times; last: " + f.getMessage() + ". Everything finished is stored: the same command"
                            + " resumes from there");
                }
                pending.addFirst(index);
            }
            finished += indices.size();
            deliver(done, indices, values);
        }
    }

    /**
     * The tail of a run waits on its slowest requests: once nothing is left to send, a request out for much longer
     * than answers usually take is sent once more to another endpoint with room, and the first answer wins (requests
     * are deterministic, so both answers are the same). A stalled endpoint thus holds up nothing; it is not counted
     * as failed until its own requests time out.
     *
     * @return how many copies it sent
     */
    private <T> int hedge(List<Task<T>> tasks, BlockingQueue<Event<T>> events, long now, int[] copies, long[] sentAt,
                          Endpoint[] sentTo, boolean[] finishedTask, boolean[] hedgedTask) {
        long patience = latencies.hedgeAfterNanos();
        int sent = 0;
        for (int index = 0; index < tasks.size(); index++) {
            if (finishedTask[index] || hedgedTask[index] || copies[index] == 0 || now - sentAt[index] < patience) {
                continue;
            }
            for (Endpoint e : endpoints) {
                if (e != sentTo[index] && e.available(now) && e.limit().tryAcquire()) {
                    int task = index;
                    hedgedTask[index] = true;
                    copies[index]++;
                    sent++;
                    hedged.incrementAndGet();
                    threads.execute(() -> events.add(attempt(tasks, task, e)));
                    break;
                }
            }
        }
        return sent;
    }

    /** How many requests were sent a second time because the first endpoint was slow to answer. */
    int hedged() {
        return hedged.get();
    }

    /**
     * One try of one task; the endpoint's slot is released before the event is posted, so the run loop that wakes on
     * it finds the slot free for the next request.
     */
    private static <T> Event<T> attempt(List<Task<T>> tasks, int index, Endpoint e) {
        try {
            T value = tasks.get(index).call(e);
            e.limit().release();
            return new Event<>(index, e, value, null);
        } catch (ServerFailure f) {
            e.limit().release();
            return new Event<>(index, e, null, f);
        } catch (RuntimeException x) {
            e.limit().release();
            // a bug on this side, not the server's: say what, and stop
            ServerFailure f = new ServerFailure(ServerFailure.Kind.REFUSED, "request " + index + " to " + e
                    + " failed in Proctor: " + x);
            f.initCause(x);
            return new Event<>(index, e, null, f);
        }
    }

    private static <T> void deliver(Done<T> done, List<Integer> indices, List<T> values) {
        if (!indices.isEmpty()) {
            done.accept(indices.stream().mapToInt(Integer::intValue).toArray(), values);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
