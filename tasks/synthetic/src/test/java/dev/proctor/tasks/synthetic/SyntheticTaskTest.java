package dev.proctor.tasks.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.datafiles.ProctorCache;
import dev.proctor.datafiles.StandardTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticTaskTest {
    @TempDir
    Path cache;

    @Test
    void bundledDataIsExtractedOnceIntoTheCacheAndMatchesTheJar() throws IOException {
        String before = System.getProperty(ProctorCache.PROPERTY);
        System.setProperty(ProctorCache.PROPERTY, cache.toString());
        try {
            SyntheticTask task = new SyntheticTask();
            Path dir = task.bundledDataDir().orElseThrow();
            assertEquals(cache.resolve("data"), dir.getParent());
            assertTrue(dir.getFileName().toString().matches("synthetic-[0-9a-f]{16}"), dir.toString());
            for (Map.Entry<String, byte[]> file : BundledData.resources().entrySet()) {
                assertArrayEquals(file.getValue(), Files.readAllBytes(dir.resolve(file.getKey())), file.getKey());
            }
            assertEquals(dir, new SyntheticTask().bundledDataDir().orElseThrow(), "same content, same folder");
        } finally {
            if (before == null) {
                System.clearProperty(ProctorCache.PROPERTY);
            } else {
                System.setProperty(ProctorCache.PROPERTY, before);
            }
        }
    }

    @Test
    void concurrentExtractionsAgreeAndLeaveNoTemporaryFolders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = pool.invokeAll(
                    java.util.Collections.nCopies(8, () -> BundledData.extractTo(cache)));
            Path first = results.get(0).get();
            for (Future<Path> result : results) {
                assertEquals(first, result.get());
            }
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(1, entries.count(), "only the extracted folder remains");
        }
    }

    @Test
    void everyListedSubjectLoadsWithGoldAndEnoughShots() {
        SyntheticTask task = new SyntheticTask();
        Path dir = BundledData.extractTo(cache);
        List<Subject> subjects = task.subjects(dir);
        assertTrue(subjects.stream().anyMatch(s -> s.name().endsWith("_zh")), "a Chinese subject is bundled");
        assertTrue(subjects.stream().anyMatch(s -> !s.name().endsWith("_zh")), "an English subject is bundled");
        for (Subject subject : subjects) {
            List<Item> dev = task.load(dir, subject, Split.DEV);
            assertTrue(dev.size() >= 5, subject.name() + " has enough dev rows for 5 shots");
            List<Item> test = task.load(dir, subject, Split.TEST);
            assertTrue(!test.isEmpty());
            Stream.concat(dev.stream(), test.stream()).forEach(item -> {
                assertTrue(item.hasGold(), item.id());
                assertEquals(4, item.choices().size(), item.id());
            });
        }
    }

    @Test
    void englishSubjectsArePromptedAsMmluAndChineseOnesAsCmmlu() {
        SyntheticTask task = new SyntheticTask();
        Subject zh = new Subject("geography_zh", "地理", List.of("Chinese", "Geography"));
        Subject en = new Subject("geography_en", "geography", List.of("English", "Geography"));
        assertEquals(StandardTemplates.CMMLU_OFFICIAL, task.template(PromptFormat.OFFICIAL, zh));
        assertEquals(StandardTemplates.CMMLU_LM_EVAL, task.template(PromptFormat.LM_EVAL, zh));
        assertEquals(StandardTemplates.MMLU_OFFICIAL, task.template(PromptFormat.OFFICIAL, en));
        assertEquals(StandardTemplates.MMLU_LM_EVAL, task.template(PromptFormat.LM_EVAL, en));
        assertEquals("以下是关于地理的单项选择题，请直接给出正确答案的选项。\n\n", task.template(PromptFormat.OFFICIAL, zh).header(zh));
    }
}
