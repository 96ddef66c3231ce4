package dev.proctor.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A COCO-layout folder with something wrong is refused before anything is scored, with the file, the place in it
 * and what was expected: a missing image, a box outside its image, an unknown category, an image that does not
 * decode.
 */
class BadInputsTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingImageIsNamed() throws Exception {
        Path set = copyOfBundledSet();
        Files.delete(set.resolve("images/000007.png"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CocoFolder.read(set));
        assertMentions(e, "instances.json", "$.images[7].file_name", "000007.png is missing");
    }

    @Test
    void aBoxOutsideItsImageIsNamed() throws Exception {
        Path set = copyOfBundledSet();
        edit(set, "\"bbox\":[54,46,14,14]", "\"bbox\":[90,46,14,14]");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CocoFolder.read(set));
        assertMentions(e, "instances.json", "$.annotations[0]", "lies outside its image 000000.png (96x96)", "[90.0, 46.0, 14.0, 14.0]");
    }

    @Test
    void anUnknownCategoryIsNamed() throws Exception {
        Path set = copyOfBundledSet();
        edit(set, "{\"id\":3,\"name\":\"triangle\"", "{\"id\":4,\"name\":\"triangle\"");
        ProctorException e = assertThrows(ProctorException.class, () -> CocoFolder.read(set));
        assertMentions(e, "instances.json", "category_id", "3");
    }

    @Test
    void anImageThatDoesNotDecodeIsNamedWhenTheRunReachesIt() throws Exception {
        Path set = copyOfBundledSet();
        Files.writeString(set.resolve("images/000003.png"), "not a PNG");
        ProctorException e = assertThrows(ProctorException.class,
                () -> DetectionRuns.folder(set, tmp.resolve("run")));
        assertMentions(e, "000003.png", "expected an image ImageIO decodes");
    }

    private Path copyOfBundledSet() throws IOException {
        Path from = BundledShapes.root().resolve(BundledShapes.NAME);
        Path to = tmp.resolve("shapes");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static void edit(Path set, String from, String to) throws IOException {
        Path instances = set.resolve(CocoFolder.INSTANCES);
        String json = Files.readString(instances);
        assertTrue(json.contains(from), "the bundled instances.json holds " + from);
        Files.writeString(instances, json.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }
}
