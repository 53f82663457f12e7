package dev.vodcert.api.cas;

import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.certificate.UserCertificateFacts;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.store.CasCertificateStore;

/**
 * {@code GetUserCertificateDetail}: one stored certificate by {@code CertId}. The real service
 * also returns the private key ({@code Key}) unless {@code CertFilter=true}; vodcert never does
 * (private keys never leave it, README). {@code CertFilter=true} leaves out {@code Cert} as well.
 * A certificate of another account is {@code InvalidCertId.NotFound}, as one that never existed.
 */
final class GetUserCertificateDetail implements ActionHandler {
    record Response(long id, String name, String certIdentifier, String common, String sans, String issuer,
                    String orgName, String country, String province, String city, String fingerprint, String sha2,
                    String serialNo, String algorithm, String startDate, String endDate, boolean expired,
                    boolean buyInAliyun, String cert) {
    }

    private final CasCertificateStore store;

    GetUserCertificateDetail(CasCertificateStore store) {
        this.store = store;
    }

    @Override
    public Object handle(ActionCall call) {
        long certId = CertIdParameter.parse(call.required("CertId"));
        boolean filter = bool("CertFilter", call.optional("CertFilter"));
        StoredCertificate c = store.find(call.accountId(), certId).orElseThrow(() -> CasErrors.notFound(certId));
        UserCertificateFacts facts = UserCertificateFacts.of(UserCertificateFacts.leafOf(c));
        return new Response(c.id(), c.certName(), c.id() + "-" + c.certRegion(), c.commonName(), facts.sans(),
                c.issuerOrg(), facts.orgName(), facts.country(), facts.province(), facts.city(), c.fingerprint(),
                facts.sha2(), facts.serialNo(), facts.algorithm(), UserCertificateFacts.date(c.notBefore()),
                UserCertificateFacts.date(c.notAfter()), call.receivedAt().toEpochMilli() > c.notAfter(), false,
                filter ? null : c.certificatePem());
    }

    private static boolean bool(String name, String raw) {
        if (raw == null || raw.equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        throw GatewayErrors.invalid(name, "Use true or false.");
    }
}
