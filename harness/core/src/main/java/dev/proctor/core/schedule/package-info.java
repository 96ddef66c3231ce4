/**
 * Runs a plan: identical token sequences are sent once, sequences are grouped longest first into batches bounded
 * by a padded-token budget, and each batch's newly completed items are stored in one transaction. Items already in
 * the store with the same prompt are not sent again.
 */
package dev.proctor.core.schedule;
