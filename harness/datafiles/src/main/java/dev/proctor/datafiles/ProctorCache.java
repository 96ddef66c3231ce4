package dev.proctor.datafiles;

import java.nio.file.Path;

/**
 * Proctor's cache folder: the system property {@code proctor.cache}, else the environment variable
 * {@code PROCTOR_CACHE}, else {@code ${user.home}/.cache/proctor}.
 */
public final class ProctorCache {
    public static final String PROPERTY = "proctor.cache";
    public static final String ENV = "PROCTOR_CACHE";

    private ProctorCache() {
    }

    public static Path root() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENV);
        }
        if (dir == null || dir.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".cache", "proctor");
        }
        return Path.of(dir);
    }
}
