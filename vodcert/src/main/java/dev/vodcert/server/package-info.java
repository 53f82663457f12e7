/**
 * Wiring: the configuration record, the HTTP server that adapts requests to the protocol pipeline,
 * health endpoints, and start/stop of the whole application. No business rules here.
 */
package dev.vodcert.server;
