package dev.proctor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points Proctor's cache at a fresh temporary folder for one test class, so bundled data and models are extracted
 * there and not into the user's cache, then restores the setting and deletes the folder:
 * {@code @RegisterExtension static final IsolatedCache CACHE = new IsolatedCache();}
 */
public final class IsolatedCache implements BeforeAllCallback, AfterAllCallback {
    /** The system property Proctor reads its cache folder from ({@code ProctorCache.PROPERTY}). */
    public static final String PROPERTY = "proctor.cache";
    private Path dir;
    private String before;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("proctor-cache");
        before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, dir.toString());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The folder, while the class's tests run. */
    public Path dir() {
        return dir;
    }
}
