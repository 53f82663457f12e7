/**
 * Certificates as data: PEM and X.509 parsing ({@link dev.vodcert.certificate.PemParser}),
 * validation of an uploaded certificate and key against a domain
 * ({@link dev.vodcert.certificate.CertificateValidator},
 * {@link dev.vodcert.certificate.HostnameMatcher}), the facts a CertInfo shows
 * ({@link dev.vodcert.certificate.CertificateFacts}, {@link dev.vodcert.certificate.CertLife}),
 * and encryption of private keys at rest ({@link dev.vodcert.certificate.KeyCipher}).
 *
 * <p>What does not belong here: HTTP, request parameters, the database, issuance. Refusals are
 * thrown as {@link dev.vodcert.protocol.ApiException} from the VOD catalogue
 * ({@link dev.vodcert.api.VodErrors}) with messages written here, never a parser's raw text and
 * never key material. Only the JDK's default security providers are used; BouncyCastle serves as
 * an ASN.1 and PEM library, it is not registered as a provider.
 */
package dev.vodcert.certificate;
