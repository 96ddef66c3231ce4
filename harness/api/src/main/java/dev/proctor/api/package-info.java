/**
 * Proctor's public contracts: the error types every module throws, and the two plugin
 * interfaces ({@link dev.proctor.api.task.Task} and {@link dev.proctor.api.model.ModelProvider})
 * through which tasks and model backends are discovered with {@link java.util.ServiceLoader}.
 */
package dev.proctor.api;
