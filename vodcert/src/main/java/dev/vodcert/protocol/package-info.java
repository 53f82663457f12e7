/**
 * The Alibaba Cloud RPC protocol, reusable for any product: reading parameters from the query and a
 * form body, both signature algorithms (HMAC-SHA1 "V1" and ACS3-HMAC-SHA256 "V3"), the timestamp
 * window and nonce replay guard, throttling, JSON/XML rendering, the error envelope and the
 * gateway's error catalogue. It receives an action table and never names an action; nothing here knows about
 * domains or certificates.
 */
package dev.vodcert.protocol;
