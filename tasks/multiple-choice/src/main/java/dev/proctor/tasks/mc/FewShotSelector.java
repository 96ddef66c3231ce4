package dev.proctor.tasks.mc;

import dev.proctor.api.task.mc.FewShotSampling;
import dev.proctor.api.task.mc.Item;
import dev.proctor.datafiles.Sha256;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Draws the few-shot examples for one evaluated item from its subject's dev split. The evaluated item itself is never
 * an example (it matters when the dev split is the one evaluated).
 */
public final class FewShotSelector {
    private final FewShotSampling sampling;
    private final int shots;
    private final long seed;

    public FewShotSelector(FewShotSampling sampling, int shots, long seed) {
        this.sampling = sampling;
        this.shots = shots;
        this.seed = seed;
    }

    /** Up to {@code shots} examples; fewer when the pool is smaller. */
    public List<Item> select(Item evaluated, List<Item> devPool) {
        List<Item> pool = new ArrayList<>(devPool.size());
        for (Item candidate : devPool) {
            if (!candidate.id().equals(evaluated.id())) {
                pool.add(candidate);
            }
        }
        if (sampling == FewShotSampling.FIRST_N) {
            return List.copyOf(pool.subList(0, Math.min(shots, pool.size())));
        }
        return sample(pool, new Random(itemSeed(seed, evaluated.id())));
    }

    /** Partial Fisher-Yates: the first k of a random permutation, in drawn order. */
    private List<Item> sample(List<Item> pool, Random random) {
        int k = Math.min(shots, pool.size());
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.size() - i);
            Item swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return List.copyOf(pool.subList(0, k));
    }

    /** Seed of one item's draw: depends on the run seed and the item only, never on evaluation order. */
    static long itemSeed(long seed, String itemId) {
        byte[] digest = HexFormat.of().parseHex(Sha256.of(seed + "\u0000" + itemId));
        long s = 0;
        for (int i = 0; i < 8; i++) {
            s = (s << 8) | (digest[i] & 0xff);
        }
        return s;
    }
}
