package dev.vodcert.api.cas;

import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionHandler;
import dev.vodcert.store.CasCertificateStore;
import java.util.List;

/**
 * {@code DeleteUserCertificate}: removes a stored certificate by {@code CertId}. A certificate
 * that accelerated domains still use is refused with {@code InvalidCertId.InUse}, naming them,
 * and stays; move those domains to another certificate first. Answers RequestId only.
 */
final class DeleteUserCertificate implements ActionHandler {
    /** How many domain names the refusal lists before saying how many more there are. */
    static final int NAMED_DOMAINS = 10;

    private final CasCertificateStore store;

    DeleteUserCertificate(CasCertificateStore store) {
        this.store = store;
    }

    @Override
    public Object handle(ActionCall call) {
        long certId = CertIdParameter.parse(call.required("CertId"));
        CasCertificateStore.Deletion deletion = store.delete(call.accountId(), certId);
        if (!deletion.found()) {
            throw CasErrors.notFound(certId);
        }
        if (!deletion.deleted()) {
            throw CasErrors.CERT_IN_USE.exception(CasErrors.CERT_IN_USE.message() + " Domains using it: "
                    + names(deletion.usedBy()) + ".");
        }
        return null;
    }

    private static String names(List<String> domains) {
        if (domains.size() <= NAMED_DOMAINS) {
            return String.join(", ", domains);
        }
        return String.join(", ", domains.subList(0, NAMED_DOMAINS)) + " and " + (domains.size() - NAMED_DOMAINS)
                + " more";
    }
}
