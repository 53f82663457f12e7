package dev.vodcert.api.cas;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.GatewayErrors;

/**
 * The certificate checks ({@code dev.vodcert.certificate}) refuse in VOD's terms: codes and
 * messages about {@code SSLPub} and {@code SSLPri}. The store's parameters are {@code Cert} and
 * {@code Key}, so here a refusal becomes {@code InvalidParameter} naming the parameter, with the
 * same reason in the store's words. Other errors pass unchanged.
 */
final class CasRefusals {
    private CasRefusals() {
    }

    static ApiException translate(ApiException refusal) {
        String code = refusal.code();
        String parameter;
        if (code.equals(VodErrors.INVALID_SSL_PUB.code())) {
            parameter = "Cert";
        } else if (code.equals(VodErrors.INVALID_SSL_PRI.code()) || code.equals(VodErrors.PRIVATE_KEY_ERROR.code())) {
            parameter = "Key";
        } else {
            return refusal;
        }
        return GatewayErrors.invalid(parameter, sentence(refusal.getMessage()
                .replace("SSLPub", "Cert").replace("SSLPri", "Key")));
    }

    private static String sentence(String reason) {
        String text = reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
