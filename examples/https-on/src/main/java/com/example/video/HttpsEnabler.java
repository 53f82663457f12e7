package com.example.video;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoResponse.CertInfo;
import java.time.Duration;
import java.util.Set;

/**
 * "User code": turns HTTPS on for an accelerated domain with a free certificate and waits until the
 * certificate is issued. {@code SetVodDomainSSLCertificate} is not in the V1 SDK's model jar, so it
 * goes as a {@link CommonRequest}; the wait reads {@code DescribeVodDomainCertificateInfo}.
 */
public final class HttpsEnabler {
    /** Statuses that will not turn into {@code success} without the user doing something. */
    private static final Set<String> GIVE_UP = Set.of("cname_error", "domain_invalid", "unsupport_wildcard", "failed");

    private final IAcsClient client;
    private final String endpoint;
    private final ProtocolType protocol;
    private final Duration pollEvery;

    /**
     * @param endpoint  {@code vod.cn-shanghai.aliyuncs.com} in production
     * @param pollEvery how long to wait between two looks at the certificate
     */
    public HttpsEnabler(IAcsClient client, String endpoint, ProtocolType protocol, Duration pollEvery) {
        this.client = client;
        this.endpoint = endpoint;
        this.protocol = protocol;
        this.pollEvery = pollEvery;
    }

    /** Why a certificate was not issued. */
    public static final class NotIssued extends Exception {
        private final String status;

        NotIssued(String domain, String status) {
            super("no certificate for " + domain + ": status " + status);
            this.status = status;
        }

        public String status() {
            return status;
        }
    }

    /**
     * Asks for a free certificate with HTTPS on, then waits for it.
     *
     * @return the certificate in effect
     * @throws NotIssued when the status says it will not come (the domain's CNAME, its name, the CA)
     *     or {@code timeout} passed
     */
    public CertInfo enableFreeHttps(String domain, Duration timeout) throws ClientException, NotIssued,
            InterruptedException {
        CommonRequest set = new CommonRequest();
        set.setSysDomain(endpoint);
        set.setSysProtocol(protocol);
        set.setSysMethod(MethodType.POST);
        set.setSysVersion("2017-03-21");
        set.setSysAction("SetVodDomainSSLCertificate");
        set.putQueryParameter("DomainName", domain);
        set.putQueryParameter("SSLProtocol", "on");
        set.putQueryParameter("CertType", "free");
        client.getCommonResponse(set);

        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CertInfo info = certificate(domain);
            if ("success".equals(info.getStatus())) {
                return info;
            }
            if (GIVE_UP.contains(info.getStatus()) || System.nanoTime() > deadline) {
                throw new NotIssued(domain, info.getStatus());
            }
            Thread.sleep(pollEvery.toMillis());
        }
    }

    /** The domain's certificate as VOD describes it. */
    public CertInfo certificate(String domain) throws ClientException {
        DescribeVodDomainCertificateInfoRequest describe = new DescribeVodDomainCertificateInfoRequest();
        describe.setSysEndpoint(endpoint);
        describe.setSysProtocol(protocol);
        describe.setDomainName(domain);
        return client.getAcsResponse(describe).getCertInfos().get(0);
    }
}
