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

/**
 * Spreads requests over endpoints: each endpoint takes as many as its adaptive limit allows, so a fast one takes more;
 * a request whose endpoint became unavailable goes back to the queue for the others while that endpoint rests, and is
 * given up only after it has failed on every endpoint several times. A refused or malformed answer stops the run: it
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

    WorkPool(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    <T> void run(List<Task<T>> tasks, Done<T> done) {
        Deque<Integer> pending = new ArrayDeque<>();
        for (int i = 0; i < tasks.size(); i++) {
            pending.add(i);
        }
        int[] failures = new int[tasks.size()];
        BlockingQueue<Event<T>> events = new LinkedBlockingQueue<>();
        int finished = 0;
        int inFlight = 0;
        while (finished < tasks.size()) {
            long now = System.nanoTime();
            for (Endpoint e : endpoints) {
                while (!pending.isEmpty() && e.available(now) && e.limit().tryAcquire()) {
                    int index = pending.poll();
                    inFlight++;
                    threads.execute(() -> {
                        try {
                            events.add(new Event<>(index, e, tasks.get(index).call(e), null));
                        } catch (ServerFailure f) {
                            events.add(new Event<>(index, e, null, f));
                        } catch (RuntimeException x) {
                            // a bug on this side, not the server's: say what, and stop
                            ServerFailure f = new ServerFailure(ServerFailure.Kind.REFUSED, "request " + index + " to "
                                    + e + " failed in Proctor: " + x);
                            f.initCause(x);
                            events.add(new Event<>(index, e, null, f));
                        } finally {
                            e.limit().release();
                        }
                    });
                }
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
                if (event.failure() == null) {
                    indices.add(event.index());
                    values.add(event.value());
                    continue;
                }
                ServerFailure f = event.failure();
                if (f.kind() != ServerFailure.Kind.UNAVAILABLE) {
                    deliver(done, indices, values); // keep what did finish
                    throw f;
                }
                event.endpoint().rest(System.nanoTime());
                if (++failures[event.index()] >= ATTEMPTS_PER_ENDPOINT * endpoints.size()) {
                    deliver(done, indices, values);
                    throw new ProctorException("every endpoint failed the same request " + failures[event.index()]
                            + " times; last: " + f.getMessage() + ". Everything finished is stored: the same command"
                            + " resumes from there");
                }
                pending.addFirst(event.index());
            }
            finished += indices.size();
            deliver(done, indices, values);
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
