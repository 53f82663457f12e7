package dev.vodcert.domain;

/**
 * An accelerated domain as stored: its account, name (ASCII form), assigned {@code Cname}, status,
 * origins (canonical {@code Sources} JSON), HTTPS switch, and the certificate it serves, if any.
 * {@code certDomainName} is the certificate name that covers this domain, worked out when the
 * certificate was set so that reads need not parse it.
 */
public record VodDomain(long id, long accountId, String domainName, String cname, String domainStatus, String scope,
                        String sources, String checkUrl, String topLevelDomain, String description,
                        String sslProtocol, Long certId, String certDomainName, String cnameStatus,
                        long gmtCreated, long gmtModified) {

    public boolean httpsOn() {
        return "on".equals(sslProtocol);
    }
}
