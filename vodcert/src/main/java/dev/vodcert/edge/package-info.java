/**
 * The data plane: what makes a stored certificate reach a real TLS handshake. The built-in edge
 * (a Jetty server choosing the certificate by SNI and proxying to the domain's origins) and the
 * read model it and the feeds for other edges share ({@link dev.vodcert.edge.ServedCertificates}).
 * It meets the control plane (the API, the lifecycle) only in the store: whatever the API wrote is
 * what the next read here sees, on any node sharing the database.
 */
package dev.vodcert.edge;
