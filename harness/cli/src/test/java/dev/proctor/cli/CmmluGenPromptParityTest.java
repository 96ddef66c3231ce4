package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.datafiles.Sha256;
import dev.proctor.embedded.EmbeddedModels;
import dev.proctor.testkit.SharedFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code proctor prompts --task cmmlu --shots 5 --format official --max-length 512}, with the embedded model's
 * tokenizer, renders all 11,582 CMMLU test prompts byte for byte as CMMLU's own {@code gen_prompt} does with that
 * tokenizer and max_length (digests written by tasks/cmmlu/python/upstream_prompts.py running the upstream code).
 */
class CmmluGenPromptParityTest {
    private static final String DIGESTS = "cmmlu-gen-prompt-5shot-512.tsv";

    @Test
    void everyOfficialFiveShotPromptIsTheUpstreamOne() throws IOException {
        Path cmmlu = SharedFolder.require("data/cmmlu");
        Map<String, String> upstream = new LinkedHashMap<>();
        String header;
        try (InputStream in = CmmluGenPromptParityTest.class.getResourceAsStream(DIGESTS);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            header = r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                upstream.put(f[0], f[1]);
            }
        }
        String tokenizer = Sha256.of(EmbeddedModels.materialize(EmbeddedModels.DEFAULT).resolve("tokenizer.json"));
        assertTrue(header.endsWith(tokenizer), "the digests were made with another tokenizer; run"
                + " upstream_prompts.py again: " + header);

        CliRun run = CliRun.of("prompts", "--task", "cmmlu", "--shots", "5", "--format", "official", "--max-length",
                "512", "--data-dir", cmmlu.toString(), "--json");
        assertEquals(0, run.exitCode(), () -> run.err());
        JsonNode prompts = Samples.JSON.readTree(run.out());
        assertEquals(11_582, prompts.size());
        List<String> differing = new ArrayList<>();
        int headerDropped = 0;
        for (JsonNode p : prompts) {
            String digest = Sha256.of(p.get("prompt").asText()).substring(0, 16);
            if (!digest.equals(upstream.get(p.get("id").asText()))) {
                differing.add(p.get("id").asText());
            }
            headerDropped += p.at("/facts/headerDropped").asBoolean() ? 1 : 0;
        }
        assertEquals(List.of(), differing.subList(0, Math.min(10, differing.size())),
                differing.size() + " prompts differ from gen_prompt's");
        assertEquals(158, headerDropped, "questions too long for a header at max_length 512");
    }
}
