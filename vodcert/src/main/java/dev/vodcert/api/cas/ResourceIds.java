package dev.vodcert.api.cas;

import java.util.Locale;

/**
 * The resource instance of an uploaded certificate, as the certificate store names them
 * ({@code cas-upload-} and six or more base-36 characters, e.g. {@code cas-upload-j2ofdb}):
 * {@code ResourceId} of {@code UploadUserCertificate} and {@code InstanceId} of
 * {@code GetUserCertificateDetail}, derived from the {@code CertId} so both always agree.
 */
public final class ResourceIds {
    private static final String PREFIX = "cas-upload-";

    private ResourceIds() {
    }

    public static String of(long certId) {
        String id = Long.toString(certId, 36).toLowerCase(Locale.ROOT);
        return PREFIX + "0".repeat(Math.max(0, 6 - id.length())) + id;
    }
}
