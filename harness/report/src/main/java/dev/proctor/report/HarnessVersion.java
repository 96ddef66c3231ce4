package dev.proctor.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The build's version and git commit, filtered into a resource at build time (never guessed at run time).
 *
 * @param version project version
 * @param commit  git commit the build was made from, or "unknown" outside a git checkout
 * @param dirty   whether the working tree had uncommitted changes at build time
 */
public record HarnessVersion(String version, String commit, boolean dirty) {

    private static final HarnessVersion CURRENT = read();

    public static HarnessVersion current() {
        return CURRENT;
    }

    private static HarnessVersion read() {
        Properties p = new Properties();
        try (InputStream in = HarnessVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HarnessVersion(
                resolved(p.getProperty("version")),
                resolved(p.getProperty("commit")),
                "true".equals(p.getProperty("commitDirty")));
    }

    /** An unfiltered placeholder (a build outside git) reads as "unknown". */
    private static String resolved(String value) {
        return value == null || value.startsWith("${") ? "unknown" : value;
    }

    /**
     * Writes the {@code harness} block every Proctor report carries (name, version, git commit and dirty flag, JVM,
     * OS) into {@code harness}, so run, statistics and retrieval reports describe the build the same way.
     */
    public ObjectNode describeIn(ObjectNode harness, String java, String os) {
        harness.put("name", "proctor");
        harness.put("version", version);
        harness.put("gitCommit", commit);
        harness.put("gitDirty", dirty);
        harness.put("java", java);
        harness.put("os", os);
        return harness;
    }

    /** {@link #describeIn(ObjectNode, String, String)} for the running JVM and OS. */
    public ObjectNode describeIn(ObjectNode harness) {
        return describeIn(harness, runningJava(), runningOs());
    }

    /** The running JVM as reports name it: vendor and version. */
    public static String runningJava() {
        return System.getProperty("java.vendor") + " " + System.getProperty("java.version");
    }

    /** The running OS as reports name it: name and architecture. */
    public static String runningOs() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    @Override
    public String toString() {
        return version + " (" + commit.substring(0, Math.min(12, commit.length())) + (dirty ? ", dirty" : "") + ")";
    }
}
