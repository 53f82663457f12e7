package dev.vodcert.api.cas;

import dev.vodcert.api.BooleanParameter;
import dev.vodcert.certificate.ChainLink;
import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.certificate.UserCertificateFacts;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.store.CasCertificateStore;
import java.util.List;

/**
 * {@code GetUserCertificateDetail}: one stored certificate by {@code CertId}. The real service
 * also returns the private key ({@code Key}) unless {@code CertFilter=true}; vodcert never does
 * (private keys never leave it, README). {@code CertFilter=true} leaves out {@code Cert} as well.
 * A certificate of another account is {@code InvalidCertId.NotFound}, as one that never existed.
 * Besides the 2.0.1 model's fields it answers what newer models read: {@code NotBefore} and
 * {@code NotAfter} (epoch milliseconds), {@code CertChain[]} (each certificate of the stored chain),
 * {@code InstanceId} (= UploadUserCertificate's {@code ResourceId}) and {@code CertSha2} (the same
 * SHA-256 of the leaf as {@code Sha2}; the newer model does not say how the two differ).
 */
final class GetUserCertificateDetail implements ActionHandler {
    record Response(long id, String name, String certIdentifier, String instanceId, String common, String sans,
                    String issuer, String orgName, String country, String province, String city, String fingerprint,
                    String sha2, String certSha2, String serialNo, String algorithm, String startDate,
                    String endDate, long notBefore, long notAfter, boolean expired, boolean buyInAliyun, String cert,
                    List<Link> certChain) {
    }

    /** One certificate of {@code CertChain}: a plain JSON array of these, leaf first. */
    record Link(String commonName, String issuerCommonName, long notBefore, long notAfter, int remainDay) {
    }

    private final CasCertificateStore store;

    GetUserCertificateDetail(CasCertificateStore store) {
        this.store = store;
    }

    @Override
    public Object handle(ActionCall call) {
        long certId = CertIdParameter.parse(call.required("CertId"));
        boolean filter = BooleanParameter.parse(call, "CertFilter");
        StoredCertificate c = store.find(call.accountId(), certId).orElseThrow(() -> CasErrors.notFound(certId));
        UserCertificateFacts facts = UserCertificateFacts.of(UserCertificateFacts.leafOf(c));
        long now = call.receivedAt().toEpochMilli();
        List<Link> chain = ChainLink.of(c).stream().map(l -> new Link(l.commonName(), l.issuerCommonName(),
                l.notBefore(), l.notAfter(), l.remainDays(now))).toList();
        return new Response(c.id(), c.certName(), c.id() + "-" + c.certRegion(), ResourceIds.of(c.id()),
                c.commonName(), facts.sans(), c.issuerOrg(), facts.orgName(), facts.country(), facts.province(),
                facts.city(), c.fingerprint(), facts.sha2(), facts.sha2(), facts.serialNo(), facts.algorithm(),
                UserCertificateFacts.date(c.notBefore()), UserCertificateFacts.date(c.notAfter()), c.notBefore(),
                c.notAfter(), now > c.notAfter(), false, filter ? null : c.certificatePem(), chain);
    }
}
