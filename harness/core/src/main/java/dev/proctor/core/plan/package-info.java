/**
 * Step three: every selected subject's items are loaded by their task and turned into typed requests, each keyed by
 * a hash of what it asks ({@link dev.proctor.core.plan.Planner}). Nothing here runs a model.
 */
package dev.proctor.core.plan;
