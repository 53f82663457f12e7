package dev.vodcert.api.cas;

import dev.vodcert.protocol.ErrorCode;

/**
 * The certificate store's own errors. The Certificate Management Service documents only the
 * gateway's common errors for these actions, so these codes are vodcert's choice (README,
 * "Decisions"), named after the parameter as VOD's {@code InvalidDomain.NotFound} is. The VOD
 * action {@code SetVodDomainSSLCertificate} answers the same not-found code for a {@code CertId}
 * that is not in the caller's store.
 */
public final class CasErrors {
    private CasErrors() {
    }

    public static final ErrorCode CERT_NOT_FOUND = new ErrorCode("InvalidCertId.NotFound", 404,
            "The certificate does not exist, or it does not belong to you.");
    public static final ErrorCode CERT_IN_USE = new ErrorCode("InvalidCertId.InUse", 400,
            "The certificate is used by accelerated domains and cannot be deleted.");

    /**
     * A second certificate under a {@code Name} the account already uses. The message is the one
     * the real service answers; its {@code Code} is in no public source, so this one is vodcert's
     * choice (README, "Decisions").
     */
    public static final ErrorCode NAME_REPEAT = new ErrorCode("NameRepeat", 400,
            "The certificate name already exists.");

    /** Not found, naming the id asked for. */
    public static dev.vodcert.protocol.ApiException notFound(long certId) {
        return CERT_NOT_FOUND.exception(CERT_NOT_FOUND.message() + " No certificate with CertId " + certId
                + " is in your certificate store.");
    }
}
