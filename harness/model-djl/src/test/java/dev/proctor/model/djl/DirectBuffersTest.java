package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DirectBuffersTest {

    @Test
    void aLeaseIsExactlyTheFloatsAskedForInDirectNativeOrderMemory() {
        DirectBuffers.Lease lease = new DirectBuffers(1 << 20).take(10);
        assertEquals(10, lease.floats().remaining());
        assertTrue(lease.floats().isDirect());
        assertEquals(ByteOrder.nativeOrder(), lease.floats().order());
    }

    @Test
    void givenBackMemoryServesTheNextRequestThatFitsWithoutWastingHalf() {
        DirectBuffers buffers = new DirectBuffers(1 << 20);
        DirectBuffers.Lease first = buffers.take(1000);
        buffers.give(first);
        DirectBuffers.Lease smaller = buffers.take(600);
        assertSame(first.allocation(), smaller.allocation(), "600 floats fit in 1000 without wasting half");
        assertEquals(600, smaller.floats().remaining());
        buffers.give(smaller);
        assertNotSame(first.allocation(), buffers.take(400).allocation(), "400 in 1000 would waste more than half");
        assertNotSame(first.allocation(), buffers.take(1001).allocation(), "too small");
    }

    @Test
    void beyondTheCapMemoryIsLeftToTheCollector() {
        DirectBuffers buffers = new DirectBuffers(4000);
        DirectBuffers.Lease a = buffers.take(1000);
        DirectBuffers.Lease b = buffers.take(1000);
        buffers.give(a);
        buffers.give(b); // 8000 bytes: over the 4000-byte cap, not kept
        assertSame(a.allocation(), buffers.take(1000).allocation());
        assertNotSame(b.allocation(), buffers.take(1000).allocation());
    }
}
