package dev.proctor.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.task.Task;
import dev.proctor.core.testkit.FakeTask;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRegistryTest {

    @Test
    void getFindsTasksAndAllIsSortedByName() {
        FakeTask b = new FakeTask("b");
        FakeTask a = new FakeTask("a");
        TaskRegistry registry = TaskRegistry.of(List.of(b, a));
        assertSame(a, registry.get("a"));
        assertEquals(List.of(a, b), registry.all());
    }

    @Test
    void unknownTaskListsKnownNames() {
        TaskRegistry registry = TaskRegistry.of(List.of(new FakeTask("cmmlu"), new FakeTask("mmlu")));
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> registry.get("cmlu"));
        assertTrue(e.getMessage().contains("'cmlu'") && e.getMessage().contains("cmmlu, mmlu"), e.getMessage());
    }

    @Test
    void withAddsAUserTaskWithoutChangingTheOriginal() {
        TaskRegistry base = TaskRegistry.of(List.of(new FakeTask("a")));
        TaskRegistry extended = base.with(new FakeTask("mine"));
        assertEquals(2, extended.all().size());
        assertEquals(1, base.all().size());
    }

    @Test
    void duplicateNamesAreAnErrorNamingBothClasses() {
        TaskRegistry base = TaskRegistry.of(List.of(new FakeTask("cmmlu")));
        ProctorException e = assertThrows(ProctorException.class, () -> base.with(new StubTask("cmmlu")));
        assertTrue(e.getMessage().contains(FakeTask.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(StubTask.class.getName()), e.getMessage());
    }

    @Test
    void providerThatFailsToConstructIsAnErrorNotSkipped(@TempDir Path dir) throws IOException {
        ProctorException e = assertThrows(ProctorException.class,
                () -> TaskRegistry.discover(loaderListing(dir, BrokenTask.class.getName())));
        assertTrue(e.getMessage().contains(BrokenTask.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("data directory on fire"), e.getMessage());
    }

    @Test
    void providerClassThatDoesNotExistIsAnError(@TempDir Path dir) throws IOException {
        ProctorException e = assertThrows(ProctorException.class,
                () -> TaskRegistry.discover(loaderListing(dir, "com.example.NoSuchTask")));
        assertTrue(e.getMessage().contains("com.example.NoSuchTask"), e.getMessage());
    }

    @Test
    void discoverFindsRegisteredProviders(@TempDir Path dir) throws IOException {
        TaskRegistry registry = TaskRegistry.discover(loaderListing(dir, StubTask.class.getName()));
        assertEquals("named-by-default", registry.get("named-by-default").name());
    }

    static ClassLoader loaderListing(Path dir, String className) throws IOException {
        Path services = dir.resolve("META-INF/services/" + Task.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# test\n" + className + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, TaskRegistryTest.class.getClassLoader());
    }
}
