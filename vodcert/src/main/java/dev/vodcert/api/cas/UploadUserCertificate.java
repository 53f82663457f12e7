package dev.vodcert.api.cas;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.CertificateValidator;
import dev.vodcert.certificate.HostnameMatcher;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.store.CasCertificateStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code UploadUserCertificate}: keeps a certificate ({@code Cert}, {@code Key}) in the caller's
 * store under {@code Name} and answers its {@code CertId}. The certificate is checked as an upload
 * is (key size, key pair, validity, chain order), for no domain yet. A {@code Name} already in use
 * replaces that certificate in place, same {@code CertId}: every domain using it serves the new
 * one, which must therefore serve each of them, or nothing changes (README, "Decisions").
 * ShangMi (SM2) certificates ({@code SignCert}, {@code EncryptCert}, ...) are not supported.
 */
final class UploadUserCertificate implements ActionHandler {
    record Response(long certId) {
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
        Instant now = call.receivedAt();
        var saved = store.save(kept.certificate(), domains -> covering(name, kept.leaf(), domains, now));
        return new Response(saved.certId());
    }

    /** For a replacement: the name covering each domain that uses the certificate, or a refusal. */
    private static Map<String, String> covering(String name, X509Certificate leaf, List<String> domains,
                                                Instant now) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String domain : domains) {
            CertificateValidator.servingProblem(leaf, domain, now).ifPresent(why -> {
                throw GatewayErrors.invalid("Cert", "The certificate named " + name + " is used by the domain "
                        + domain + ", and the new certificate cannot serve it: " + why + ".");
            });
            names.put(domain, HostnameMatcher.matchingName(leaf, domain).orElse(domain));
        }
        return names;
    }
}
