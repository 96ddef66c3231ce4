package dev.proctor.api.task.mc;

/** How few-shot examples are drawn from the dev split. */
public enum FewShotSampling {
    /** The first k dev rows in file order (official CMMLU/MMLU, lm-eval's {@code first_n} sampler). */
    FIRST_N,
    /** A sample seeded by the run's seed that never contains the evaluated item (lm-eval's default sampler). */
    SEEDED_RANDOM
}
