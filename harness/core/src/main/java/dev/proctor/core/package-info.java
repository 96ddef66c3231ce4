/**
 * The engine. One {@link dev.proctor.core.evaluate.Evaluator} runs every evaluation in the same order: select
 * tasks and subjects and check the model serves what they ask ({@code select}), verify every data file against
 * datasets.lock ({@code data}), turn items into requests ({@code plan}), run the requests with identical ones merged
 * and stored ones skipped ({@code schedule}), keep every response and item score as it completes so a killed run
 * resumes ({@code store}), fit what tasks fit on their train and dev items (a detector's threshold, a probe) and
 * score their evaluated items with it ({@code fit}), aggregate item values into subject, category and overall scores with standard errors and
 * bootstrap intervals ({@code aggregate}), and write the report with its provenance ({@code report}). Tasks and
 * models are found by name ({@code registry}).
 */
package dev.proctor.core;
