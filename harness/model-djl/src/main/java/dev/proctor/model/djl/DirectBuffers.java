package dev.proctor.model.djl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Direct memory for past tensors, reused from pass to pass. A KV cache copies hundreds of megabytes of past into
 * direct buffers per batch; fresh direct memory is zeroed and faulted in page by page, and only returns when the
 * garbage collector runs. Buffers given back are kept, up to a cap, and handed out again to a request that fits in
 * them without wasting more than half. Not thread-safe.
 */
final class DirectBuffers {
    private final long capBytes;
    private final TreeMap<Integer, Deque<ByteBuffer>> free = new TreeMap<>();
    private long freeBytes;

    /**
     * Direct memory on loan.
     *
     * @param allocation the whole buffer, given back with {@link #give}
     * @param floats     exactly the floats asked for, native order, contents not cleared
     */
    record Lease(ByteBuffer allocation, FloatBuffer floats) {
    }

    DirectBuffers(long capBytes) {
        this.capBytes = capBytes;
    }

    Lease take(int floats) {
        int bytes = Math.multiplyExact(floats, Float.BYTES);
        Map.Entry<Integer, Deque<ByteBuffer>> fit = free.ceilingEntry(bytes);
        ByteBuffer allocation;
        if (fit != null && fit.getKey() <= 2L * bytes) {
            allocation = fit.getValue().pop();
            if (fit.getValue().isEmpty()) {
                free.remove(fit.getKey());
            }
            freeBytes -= allocation.capacity();
        } else {
            allocation = ByteBuffer.allocateDirect(bytes);
        }
        FloatBuffer view = allocation.clear().limit(bytes).slice().order(ByteOrder.nativeOrder()).asFloatBuffer();
        return new Lease(allocation, view);
    }

    /** Takes back a lease once nothing reads it; beyond the cap its memory is left to the collector. */
    void give(Lease lease) {
        int capacity = lease.allocation().capacity();
        if (freeBytes + capacity <= capBytes) {
            free.computeIfAbsent(capacity, k -> new ArrayDeque<>()).push(lease.allocation());
            freeBytes += capacity;
        }
    }
}
