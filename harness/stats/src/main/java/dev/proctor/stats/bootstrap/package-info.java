/**
 * The percentile bootstrap: replayed from a given index matrix (to check against the reference tools) or drawn
 * from a recorded seed, resampling questions within subjects so micro and macro averages, and paired differences
 * between runs scored on the same draw, all come from one set of resamples.
 */
package dev.proctor.stats.bootstrap;
