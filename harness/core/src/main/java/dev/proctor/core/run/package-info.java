/** What a run is asked to do ({@link dev.proctor.core.run.RunConfig}) and how it reports progress. */
package dev.proctor.core.run;
