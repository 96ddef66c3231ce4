package dev.proctor.tasks.mc;

import dev.proctor.api.task.mc.FewShotSampling;
import dev.proctor.api.task.mc.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Draws the few-shot examples of one subject's items from its dev split, as lm-evaluation-harness's samplers do
 * (lm_eval/api/samplers.py at 4e7e0d47), so a seeded run draws the examples lm-eval draws:
 * <ul>
 *   <li>{@link FewShotSampling#FIRST_N}: the first k rows ({@code FirstNSampler}; the official CMMLU and MMLU rule);
 *   <li>{@link FewShotSampling#SEEDED_RANDOM}: the default {@code ContextSampler}: one {@code random.Random(seed)}
 *       ({@link PythonRandom}) for the subject, advancing from item to item, {@code rnd.sample(pool, k)}.
 * </ul>
 * When the dev split is the one evaluated, the evaluated item is left out: FIRST_N drops it from the pool; the seeded
 * sampler draws k + 1, drops it and keeps the first k. As in lm-eval, "it" is every row equal to it in content.
 * Call {@link #select} once per evaluated item, in evaluation order: the draws depend on it, as lm-eval's do.
 */
public final class FewShotSelector {
    private final FewShotSampling sampling;
    private final int shots;
    private final boolean evaluatingDev;
    private final PythonRandom random;

    /**
     * @param seed          lm-eval's {@code fewshot_seed} ({@code --seed})
     * @param evaluatingDev the evaluated split is the few-shot split
     */
    public FewShotSelector(FewShotSampling sampling, int shots, long seed, boolean evaluatingDev) {
        this.sampling = sampling;
        this.shots = shots;
        this.evaluatingDev = evaluatingDev;
        this.random = new PythonRandom(seed);
    }

    /** The examples for the next evaluated item; the pool must hold enough of them (checked by the caller). */
    public List<Item> select(Item evaluated, List<Item> devPool) {
        if (shots == 0) {
            return List.of();
        }
        if (sampling == FewShotSampling.FIRST_N) {
            List<Item> pool = evaluatingDev ? without(evaluated, devPool) : devPool;
            return List.copyOf(pool.subList(0, Math.min(shots, pool.size())));
        }
        if (!evaluatingDev) {
            return random.sample(devPool, shots);
        }
        List<Item> drawn = without(evaluated, random.sample(devPool, shots + 1));
        return List.copyOf(drawn.subList(0, Math.min(shots, drawn.size())));
    }

    /** lm-eval's {@code rm_eval_doc}: every row equal to the evaluated one in content, not only the same row. */
    private static List<Item> without(Item evaluated, List<Item> items) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item candidate : items) {
            if (!sameContent(candidate, evaluated)) {
                out.add(candidate);
            }
        }
        return out;
    }

    private static boolean sameContent(Item a, Item b) {
        return a.question().equals(b.question()) && a.choices().equals(b.choices()) && a.gold() == b.gold()
                && Objects.equals(a.goldLetters(), b.goldLetters()) && Objects.equals(a.subject(), b.subject());
    }
}
