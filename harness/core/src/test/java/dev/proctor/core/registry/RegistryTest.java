package dev.proctor.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskSource;
import dev.proctor.core.testkit.FakeModel;
import dev.proctor.core.testkit.LineTask;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
    @TempDir
    Path dir;

    /** A task kind that makes two tasks. */
    public static final class TwoTasks implements TaskSource {
        @Override
        public List<Task> tasks() {
            return List.of(new LineTask("kind-a", RequestKind.GENERATE), new LineTask("kind-b", RequestKind.PREDICT));
        }
    }

    /** A task whose constructor fails. */
    public static final class BrokenSource implements TaskSource {
        public BrokenSource() {
            throw new IllegalStateException("data directory on fire");
        }

        @Override
        public List<Task> tasks() {
            return List.of();
        }
    }

    @Test
    void tasksComeFromTaskServicesAndFromTaskKinds() throws IOException {
        TaskRegistry registry = TaskRegistry.discover(loader(TaskSource.class, TwoTasks.class.getName()));
        assertEquals(List.of("kind-a", "kind-b"), registry.all().stream().map(Task::name).toList());
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> registry.get("kind-c"));
        assertTrue(e.getMessage().contains("kind-a, kind-b"), e.getMessage());
    }

    @Test
    void aBrokenPluginIsAnErrorNamingItNeverSkipped() throws IOException {
        ProctorException e = assertThrows(ProctorException.class,
                () -> TaskRegistry.discover(loader(TaskSource.class, BrokenSource.class.getName())));
        assertTrue(e.getMessage().contains(BrokenSource.class.getName()) && e.getMessage().contains("on fire"),
                e.getMessage());
        e = assertThrows(ProctorException.class,
                () -> TaskRegistry.discover(loader(Task.class, "com.example.NoSuchTask")));
        assertTrue(e.getMessage().contains("com.example.NoSuchTask"), e.getMessage());
    }

    @Test
    void twoTasksOfOneNameAreAnError() {
        TaskRegistry base = TaskRegistry.of(List.of(new LineTask("x", RequestKind.GENERATE)));
        ProctorException e = assertThrows(ProctorException.class, () -> base.with(new LineTask("x", RequestKind.PREDICT)));
        assertTrue(e.getMessage().contains("two tasks are named 'x'"), e.getMessage());
        assertSame(base.get("x"), base.all().get(0));
    }

    /** Opens a fake model; {@code pair:A+B} opens two components and keeps the first. */
    static final class Provider implements ModelProvider {
        private final String scheme;
        private final Set<String> keys;

        Provider(String scheme, Set<String> keys) {
            this.scheme = scheme;
            this.keys = keys;
        }

        @Override
        public String scheme() {
            return scheme;
        }

        @Override
        public String description() {
            return scheme;
        }

        @Override
        public Set<String> argumentKeys() {
            return keys;
        }

        @Override
        public Model load(ModelSpec spec, ModelOpener opener) {
            if (scheme.equals("pair")) {
                String[] parts = spec.location().split("\\+");
                opener.open(spec.component(parts[1]));
                return opener.open(spec.component(parts[0]));
            }
            return new FakeModel(scheme + ":" + spec.location(), RequestKind.GENERATE);
        }
    }

    @Test
    void backendOptionsGoToEveryComponentAndAnOptionNoneReadsIsRefused() {
        ModelRegistry models = ModelRegistry.of(List.of(new Provider("a", Set.of("k1")), new Provider("b", Set.of("alpha")),
                new Provider("pair", Set.of())));
        Model m = models.open(ModelSpec.parse("pair:a:x+b:y", "cpu", Map.of("k1", "1", "alpha", "0.5")));
        assertEquals("a:x", m.info().name());
        ProctorException e = assertThrows(ProctorException.class,
                () -> models.open(ModelSpec.parse("a:x", "cpu", Map.of("alpha", "0.5"))));
        assertTrue(e.getMessage().contains("--model-arg alpha: not an option of a:x; its options are k1"),
                e.getMessage());
        UnknownNameException u = assertThrows(UnknownNameException.class,
                () -> models.open(ModelSpec.parse("c:x", "cpu", Map.of())));
        assertTrue(u.getMessage().contains("a, b, pair"), u.getMessage());
    }

    private ClassLoader loader(Class<?> service, String className) throws IOException {
        Path services = dir.resolve("META-INF/services/" + service.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# test\n" + className + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, RegistryTest.class.getClassLoader());
    }
}
