/**
 * From what the user asked for to an {@link dev.proctor.core.plan.EvaluationPlan}: task selections are parsed and
 * resolved to subjects ({@link dev.proctor.core.plan.TaskSelection}), data is loaded, checked and hashed, and every
 * item's prompt is rendered ({@link dev.proctor.core.plan.Planner}). Nothing here runs a model forward.
 */
package dev.proctor.core.plan;
