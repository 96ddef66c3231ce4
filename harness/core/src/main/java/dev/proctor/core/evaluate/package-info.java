/**
 * The evaluation as one template: {@link dev.proctor.core.evaluate.Evaluator} runs select, verify, plan,
 * schedule, store, aggregate, provenance and report, in that order, for every command.
 */
package dev.proctor.core.evaluate;
