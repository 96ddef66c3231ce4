package dev.proctor.core.registry;

/** A task plugin whose constructor fails, as a misconfigured plugin would. */
public class BrokenTask extends StubTask {
    public BrokenTask() {
        super(fail());
    }

    private static String fail() {
        throw new IllegalStateException("data directory on fire");
    }
}
