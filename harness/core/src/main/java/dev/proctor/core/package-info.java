/**
 * The engine: finds tasks and models by name ({@code registry}), turns a {@link dev.proctor.core.run.RunConfig}
 * into prompts and scoring requests ({@code prompt}, {@code plan}), runs them in token-budget batches with
 * shared-context reuse ({@code schedule}), stores every item's result as it completes so a killed run resumes
 * ({@code store}), and aggregates item results into subject, category and overall scores ({@code aggregate}).
 */
package dev.proctor.core;
