package dev.vodcert.certificate;

/**
 * What {@code DescribeVodDomainCertificateInfo} tells of one domain: its HTTPS switch
 * ({@code sslProtocol}), CNAME status, the name its certificate was set for, the certificate
 * (null when it has none) and the status of its free certificate lifecycle (null when it has none).
 */
public record DomainCertificate(String domainName, String sslProtocol, String cnameStatus, String certDomainName,
                                StoredCertificate certificate, String freeStatus) {
}
