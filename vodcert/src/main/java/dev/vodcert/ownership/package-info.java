/**
 * Ownership of root domains: the verification content an account publishes, and the two checks
 * that look for it, a DNS TXT record ({@code dnsCheck}) and a file on the domain's origin
 * ({@code fileCheck}), both reached through one configurable resolver. Knows DNS and a minimal
 * HTTP GET; knows nothing of the API's transport or of certificates.
 */
package dev.vodcert.ownership;
