/**
 * What tasks ask of models: the closed set of {@link dev.proctor.api.request.RequestKind}s, each a request type
 * and a response type. Requests and responses are values; the scheduler deduplicates requests by a hash of
 * {@link dev.proctor.api.request.Request#describe()} and stores every response under it.
 */
package dev.proctor.api.request;
