package dev.proctor.core.registry;

import dev.proctor.api.task.Item;
import dev.proctor.api.task.McTemplate;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import java.nio.file.Path;
import java.util.List;

/** A minimal task of any name; its class differs from FakeTask's. */
public class StubTask implements Task {
    private final String name;

    public StubTask() {
        this("named-by-default");
    }

    public StubTask(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "stub";
    }

    @Override
    public List<Subject> subjects(Path dataDir) {
        return List.of();
    }

    @Override
    public Path dataFile(Path dataDir, Subject subject, Split split) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Item> load(Path dataDir, Subject subject, Split split) {
        throw new UnsupportedOperationException();
    }

    @Override
    public McTemplate template(PromptFormat format) {
        throw new UnsupportedOperationException();
    }
}
