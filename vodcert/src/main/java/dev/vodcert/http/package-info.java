/**
 * What the HTTP listeners share: the API's listener (in {@code server}) and the built-in edge's
 * (in {@code edge}) hold slow clients to the same deadlines and per-client limits ({@link
 * dev.vodcert.http.SlowClients}, {@link dev.vodcert.http.ClientLimits}), and both answer ACME HTTP-01
 * requests from the store ({@link dev.vodcert.http.Http01Answers}). Nothing here knows the API's
 * actions or the edge's domains.
 */
package dev.vodcert.http;
