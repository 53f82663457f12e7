/**
 * Accelerated domains as values: the domain name and its rules ({@link dev.vodcert.domain.DomainName}:
 * IDN, wildcard, length), the origins a domain pulls from ({@link dev.vodcert.domain.Source},
 * {@link dev.vodcert.domain.Sources}), its {@link dev.vodcert.domain.DomainStatus}, its
 * {@link dev.vodcert.domain.Scope} and the {@link dev.vodcert.domain.CnameTarget} it is given.
 *
 * <p>Everything here is an immutable value validated when built; bad input is refused with an
 * {@link dev.vodcert.protocol.ApiException} carrying the VOD code from {@link dev.vodcert.api.VodErrors}
 * and a message that names the broken rule. Nothing here knows about HTTP, SQL, DNS lookups or
 * certificates: this package neither performs I/O nor resolves names.
 */
package dev.vodcert.domain;
