/** Values a run produces: per-item results, subject and group scores, and run statistics. */
package dev.proctor.core.result;
