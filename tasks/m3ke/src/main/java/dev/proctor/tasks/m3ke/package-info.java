/**
 * M3KE (tjunlp-lab/M3KE): JSON Lines {@code data/{dev,test}/<Subject>-<Cluster>-<Level>.jsonl}. The public
 * test release has empty answers, so only dev scores. M3KE publishes no prompt template; this task borrows
 * CMMLU's.
 */
package dev.proctor.tasks.m3ke;
