package dev.proctor.tasks.mc;

import dev.proctor.api.NamedChoice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * What a generation from which the answer rule reads no letter counts as. By default it is wrong, and counted in
 * {@code no_answer}. On request it is CMMLU's way instead: its chat and API scripts ({@code extract_choice} in
 * haonan-li/CMMLU src/mp_utils.py) return {@code choices[random.randint(0,3)]} for an answer they cannot read, "to
 * ensure fair comparison to other models", unseeded. Here the letter is seeded, and the same for an item whatever the
 * order of scoring: {@code random.Random(k).randrange(len(letters))} with {@code k} the first 8 bytes of
 * SHA-256({@code "<seed>:<item id>"}) read big-endian and shifted right by one. The item still counts in
 * {@code no_answer}, and records the letter it was given.
 *
 * @param policy whether a random letter is scored
 * @param seed   the run's seed (recorded with the policy)
 */
public record NoAnswer(Policy policy, long seed) {

    /** The two policies, by the names users type. */
    public enum Policy implements NamedChoice {
        /** No letter read: wrong. */
        WRONG("wrong"),
        /** No letter read: a seeded random letter is scored in its place. */
        RANDOM_LETTER("random-letter");

        private final String id;

        Policy(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** The default: no letter read is wrong, never a guess. */
    public static NoAnswer wrong() {
        return new NoAnswer(Policy.WRONG, 0);
    }

    /** @throws dev.proctor.api.UnknownNameException naming the policies for anything else */
    public static NoAnswer parse(String id, long seed) {
        return new NoAnswer(NamedChoice.lookup(Policy.class, "no-answer policy", id), seed);
    }

    public boolean randomLetter() {
        return policy == Policy.RANDOM_LETTER;
    }

    /** The letter scored for an item whose generation answers nothing; empty unless random letters are asked for. */
    public Optional<String> letter(String itemId, List<String> letters) {
        if (!randomLetter()) {
            return Optional.empty();
        }
        byte[] digest = sha256(seed + ":" + itemId);
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        // >>> 1 keeps the key non-negative, so Python's random.Random(k) seeds with the same words
        return Optional.of(letters.get((int) new PythonRandom(key >>> 1).randbelow(letters.size())));
    }

    /** One line for results: what an unread answer counted as. */
    public String description() {
        return randomLetter()
                ? "a seeded random letter (seed " + seed + ") is scored in its place, as CMMLU's extract_choice does"
                : "counted as wrong, never guessed";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
