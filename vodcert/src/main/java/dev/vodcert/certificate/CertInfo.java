package dev.vodcert.certificate;

import java.time.Instant;

/**
 * One certificate record of {@code DescribeVodDomainCertificateInfo}, every value derived from the
 * domain and its stored certificate (DESIGN §4). A domain without a certificate gives one record
 * with its name, {@code ServerCertificateStatus} and {@code DomainCnameStatus}, the other fields
 * empty (README: "A domain with no certificate"). {@code Status} is empty unless the type is free.
 */
public record CertInfo(String domainName, String certName, String certDomainName, String certType, String status,
                       String certLife, String certOrg, String certStartTime, String certExpireTime,
                       String certUpdateTime, String serverCertificateStatus, String certId, String certRegion,
                       String domainCnameStatus, String serverCertificate) {

    /**
     * The record of a free certificate not issued yet (or whose first issuance has not succeeded):
     * {@code CertType=free} with the lifecycle's {@code Status}; the certificate's own fields empty.
     */
    public static CertInfo pendingFree(DomainCertificate domain) {
        return new CertInfo(domain.domainName(), "", "", "free", domain.freeStatus(), "", "", "", "", "",
                domain.sslProtocol(), "", "", domain.cnameStatus() == null ? "" : domain.cnameStatus(), "");
    }

    public static CertInfo of(DomainCertificate domain) {
        StoredCertificate cert = domain.certificate();
        String freeStatus = domain.freeStatus();
        String cnameStatus = domain.cnameStatus() == null ? "" : domain.cnameStatus();
        if (cert == null) {
            return new CertInfo(domain.domainName(), "", "", "", "", "", "", "", "", "", domain.sslProtocol(), "", "",
                    cnameStatus, "");
        }
        Instant notBefore = Instant.ofEpochMilli(cert.notBefore());
        Instant notAfter = Instant.ofEpochMilli(cert.notAfter());
        return new CertInfo(domain.domainName(), cert.certName(),
                domain.certDomainName() == null ? cert.commonName() : domain.certDomainName(), cert.certType(),
                "free".equals(cert.certType()) && freeStatus != null ? freeStatus : "",
                CertLife.of(notBefore, notAfter), cert.issuerOrg(), CertificateFacts.formatTime(notBefore),
                CertificateFacts.formatTime(notAfter), CertificateFacts.formatTime(Instant.ofEpochMilli(cert.updatedAt())),
                domain.sslProtocol(), Long.toString(cert.id()), cert.certRegion(), cnameStatus, cert.certificatePem());
    }
}
