package dev.vodcert.api.cas;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.protocol.ActionTable;
import dev.vodcert.store.CasCertificateStore;

/** The table of the certificate store's actions (Certificate Management Service, API version {@value #VERSION}). */
public final class CasApi {
    public static final String VERSION = "2020-04-07";

    private CasApi() {
    }

    public static ActionTable register(ActionTable table, CasCertificateStore store, CertificateIntake intake) {
        return table
                .add(VERSION, "UploadUserCertificate", new UploadUserCertificate(store, intake))
                .add(VERSION, "GetUserCertificateDetail", new GetUserCertificateDetail(store))
                .add(VERSION, "ListUserCertificateOrder", new ListUserCertificateOrder(store))
                .add(VERSION, "DeleteUserCertificate", new DeleteUserCertificate(store));
    }
}
