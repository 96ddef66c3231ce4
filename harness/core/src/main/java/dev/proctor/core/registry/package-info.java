/**
 * Finds tasks, task kinds and model backends by name through {@link java.util.ServiceLoader}. A plugin that fails
 * to load, or two plugins claiming one name, is an error, never skipped; a failed lookup lists the names that exist.
 */
package dev.proctor.core.registry;
