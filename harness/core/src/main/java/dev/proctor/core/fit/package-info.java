/**
 * Step five, for tasks that fit: after the model answered every item, each such subject's fit items (train, dev)
 * become its {@link dev.proctor.api.task.SubjectFit}, which scores its evaluated items; the fit items then leave the
 * run, so aggregation and reports see evaluated items only and results.json records each fit.
 */
package dev.proctor.core.fit;
