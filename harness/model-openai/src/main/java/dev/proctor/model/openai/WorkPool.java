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

    /** One task's requests: how many copies are out, where and since when the last went, how it ended so far. */
    private static final class Flight {
        int failures;
        int copies;
        long sentAt;
        Endpoint sentTo;
        boolean finished;
        boolean hedged;
    }

    <T> void run(List<Task<T>> tasks, Done<T> done) {
        Deque<Integer> pending = new ArrayDeque<>();
        Flight[] flights = new Flight[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            pending.add(i);
            flights[i] = new Flight();
        }
        BlockingQueue<Event<T>> events = new LinkedBlockingQueue<>();
        int finished = 0;
        int inFlight = 0;
        while (finished < tasks.size()) {
            long now = System.nanoTime();
            for (Endpoint e : endpoints) {
                while (!pending.isEmpty() && e.available(now) && e.limit().tryAcquire()) {
                    send(tasks, flights, pending.poll(), e, now, events);
                    inFlight++;
                }
            }
            if (pending.isEmpty() && endpoints.size() > 1) {
                inFlight += hedge(tasks, flights, now, events);
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
                Flight flight = flights[index];
                flight.copies--;
                ServerFailure f = event.failure();
                if (f == null) {
                    if (!flight.hedged) {
                        latencies.add(System.nanoTime() - flight.sentAt);
                    }
                    if (!flight.finished) {
                        flight.finished = true;
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
                if (flight.finished || flight.copies > 0) {
                    continue; // another copy answered, or still may
                }
                if (++flight.failures >= ATTEMPTS_PER_ENDPOINT * endpoints.size()) {
                    deliver(done, indices, values);
                    throw new ProctorException("every endpoint failed the same request " + flight.failures
                            + " times; last: " + f.getMessage() + ". Everything finished is stored: the same command"
                            + " resumes from there");
                }
                pending.addFirst(index);
            }
            finished += indices.size();
            deliver(done, indices, values);
        }
    }

    /** Sends one copy of a task to an endpoint whose slot the caller holds. */
    private <T> void send(List<Task<T>> tasks, Flight[] flights, int index, Endpoint e, long now,
                          BlockingQueue<Event<T>> events) {
        Flight flight = flights[index];
        flight.copies++;
        flight.sentAt = now;
        flight.sentTo = e;
        threads.execute(() -> events.add(attempt(tasks, index, e)));
    }

    /**
     * The tail of a run waits on its slowest requests: once nothing is left to send, a request out for much longer
     * than answers usually take is sent once more to another endpoint with room, and the first answer wins (requests
     * are deterministic, so both answers are the same). A stalled endpoint thus holds up nothing; it is not counted
     * as failed until its own requests time out.
     *
     * @return how many copies it sent
     */
    private <T> int hedge(List<Task<T>> tasks, Flight[] flights, long now, BlockingQueue<Event<T>> events) {
        long patience = latencies.hedgeAfterNanos();
        int sent = 0;
        for (int index = 0; index < flights.length; index++) {
            Flight flight = flights[index];
            if (flight.finished || flight.hedged || flight.copies == 0 || now - flight.sentAt < patience) {
                continue;
            }
            for (Endpoint e : endpoints) {
                if (e != flight.sentTo && e.available(now) && e.limit().tryAcquire()) {
                    flight.hedged = true;
                    send(tasks, flights, index, e, now, events);
                    sent++;
                    hedged.incrementAndGet();
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
