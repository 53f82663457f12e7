package dev.vodcert.api.cas;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.store.CasCertificateStore;
import java.util.List;

/**
 * {@code UploadUserCertificate}: keeps a certificate ({@code Cert}, {@code Key}) in the caller's
 * store under {@code Name} and answers its {@code CertId}. The certificate is checked as an upload
 * is (key size, key pair, validity, chain order), for no domain yet. A {@code Name} already in use
 * is refused with {@code NameRepeat}, as the real service refuses it, and nothing changes.
 * {@code ResourceId} is the certificate's resource instance ({@link ResourceIds}).
 * ShangMi (SM2) certificates ({@code SignCert}, {@code EncryptCert}, ...) are not supported.
 */
final class UploadUserCertificate implements ActionHandler {
    record Response(long certId, String resourceId) {
    }

    private static final List<String> SHANG_MI = List.of("SignCert", "SignPrivateKey", "EncryptCert",
            "EncryptPrivateKey");

    private final CasCertificateStore store;
    private final CertificateIntake intake;

    UploadUserCertificate(CasCertificateStore store, CertificateIntake intake) {
        this.store = store;
        this.intake = intake;
    }

    @Override
    public Object handle(ActionCall call) {
        String name = CasName.parse(call.required("Name"));
        String cert = call.optional("Cert");
        if (cert == null && SHANG_MI.stream().anyMatch(p -> call.optional(p) != null)) {
            throw GatewayErrors.invalid("Cert", "ShangMi (SM2) certificates are not supported; give Cert and Key.");
        }
        if (cert == null) {
            throw GatewayErrors.missing("Cert");
        }
        String key = call.required("Key");
        CertificateIntake.Kept kept;
        try {
            kept = intake.keep(call.accountId(), name, cert, key);
        } catch (ApiException refusal) {
            throw CasRefusals.translate(refusal);
        }
        long certId = store.add(kept.certificate()).orElseThrow(() -> CasErrors.NAME_REPEAT.exception(
                CasErrors.NAME_REPEAT.message() + " Your certificate store has a certificate named " + name
                        + "; choose another Name, or delete that certificate first."));
        return new Response(certId, ResourceIds.of(certId));
    }
}
