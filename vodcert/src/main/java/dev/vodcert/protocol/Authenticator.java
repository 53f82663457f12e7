package dev.vodcert.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies who sent a request, with either algorithm: ACS3-HMAC-SHA256 when the
 * {@code Authorization} header says so, HMAC-SHA1 from the common parameters otherwise. The checks
 * run in the gateway's order: required parts, timestamp format and window, AccessKey, signature, and
 * last the nonce, so that a forged request cannot use up a nonce.
 */
public final class Authenticator {
    private final CredentialStore credentials;
    private final NonceGuard nonces;
    private final Clock clock;
    private final Duration window;

    /**
     * @param window how far a request's timestamp may lie from the server's clock, either way
     */
    public Authenticator(CredentialStore credentials, NonceGuard nonces, Clock clock, Duration window) {
        this.credentials = credentials;
        this.nonces = nonces;
        this.clock = clock;
        this.window = window;
    }

    public Principal authenticate(RpcRequest request, RequestParameters params) {
        String authorization = request.header("authorization");
        if (AuthorizationHeader.isAcs3(authorization)) {
            return authenticateV3(request, params, AuthorizationHeader.parse(authorization));
        }
        return authenticateV1(request, params);
    }

    private Principal authenticateV1(RpcRequest request, RequestParameters params) {
        String accessKeyId = required(params, "AccessKeyId");
        String signature = required(params, "Signature");
        String method = required(params, "SignatureMethod");
        required(params, "SignatureVersion");
        String nonce = required(params, "SignatureNonce");
        Instant timestamp = checkTime(required(params, "Timestamp"));
        if (!"HMAC-SHA1".equals(method)) {
            throw GatewayErrors.INCOMPLETE_SIGNATURE.exception(GatewayErrors.INCOMPLETE_SIGNATURE.message()
                    + " SignatureMethod must be HMAC-SHA1, or sign with ACS3-HMAC-SHA256 in the Authorization header.");
        }
        if (!"1.0".equals(params.get("SignatureVersion"))) {
            throw GatewayErrors.INCOMPLETE_SIGNATURE.exception(GatewayErrors.INCOMPLETE_SIGNATURE.message()
                    + " SignatureVersion must be 1.0.");
        }
        Credential credential = credential(accessKeyId);
        String stringToSign = SignatureV1.stringToSign(request.method(), params.all(), false);
        boolean ok = SignatureV1.matches(credential.secret(), stringToSign, signature);
        if (!ok && params.all().containsValue("")) {
            ok = SignatureV1.matches(credential.secret(),
                    SignatureV1.stringToSign(request.method(), params.all(), true), signature);
        }
        if (!ok) {
            throw signatureMismatch(stringToSign);
        }
        return remember(credential, nonce, timestamp);
    }

    private Principal authenticateV3(RpcRequest request, RequestParameters params, AuthorizationHeader auth) {
        String date = requiredHeader(request, "x-acs-date");
        String nonce = requiredHeader(request, "x-acs-signature-nonce");
        requireSigned(auth, "x-acs-date");
        requireSigned(auth, "x-acs-signature-nonce");
        if (params.query().get("Action") == null) {
            requireSigned(auth, "x-acs-action");
        }
        if (params.query().get("Version") == null) {
            requireSigned(auth, "x-acs-version");
        }
        Instant timestamp = checkTime(date);
        Credential credential = credential(auth.accessKeyId());
        String bodyHash = SignatureV3.bodySha256(request.body());
        String declared = request.header("x-acs-content-sha256");
        if (declared != null && !declared.equalsIgnoreCase(bodyHash)) {
            throw GatewayErrors.SIGNATURE_DOES_NOT_MATCH.exception(GatewayErrors.SIGNATURE_DOES_NOT_MATCH.message()
                    + " The x-acs-content-sha256 header is not the SHA-256 of the request body.");
        }
        if (declared == null) {
            requireBodyCovered(request);
        }
        String canonical = SignatureV3.canonicalRequest(request.method(), request.path(), params.query(),
                auth.signedHeaders(), request.headers(), declared == null ? bodyHash : declared);
        String stringToSign = SignatureV3.stringToSign(canonical);
        if (!SignatureV3.matches(credential.secret(), stringToSign, auth.signature())) {
            throw signatureMismatch(stringToSign);
        }
        return remember(credential, nonce, timestamp);
    }

    private static void requireBodyCovered(RpcRequest request) {
        if (request.body() != null && request.body().length > 0) {
            throw GatewayErrors.missing("x-acs-content-sha256");
        }
    }

    private Principal remember(Credential credential, String nonce, Instant timestamp) {
        Instant keepUntil = timestamp.plus(window).plusSeconds(1);
        if (!nonces.firstUse(credential.accessKeyId(), nonce, keepUntil)) {
            throw GatewayErrors.SIGNATURE_NONCE_USED.exception();
        }
        return new Principal(credential.accountId(), credential.accessKeyId());
    }

    private Credential credential(String accessKeyId) {
        Credential credential = credentials.find(accessKeyId)
                .orElseThrow(GatewayErrors.INVALID_ACCESS_KEY_ID_NOT_FOUND::exception);
        if (!credential.enabled()) {
            throw GatewayErrors.INVALID_ACCESS_KEY_ID_INACTIVE.exception();
        }
        return credential;
    }

    private Instant checkTime(String text) {
        Instant timestamp = Timestamps.parse(text);
        Instant now = clock.instant();
        if (timestamp.isBefore(now.minus(window)) || timestamp.isAfter(now.plus(window))) {
            throw GatewayErrors.INVALID_TIMESTAMP_EXPIRED.exception(GatewayErrors.INVALID_TIMESTAMP_EXPIRED.message()
                    + " The server's time is " + Timestamps.format(now) + "; requests may differ by at most "
                    + window.toMinutes() + " minutes.");
        }
        return timestamp;
    }

    private static ApiException signatureMismatch(String stringToSign) {
        return GatewayErrors.SIGNATURE_DOES_NOT_MATCH.exception(
                GatewayErrors.SIGNATURE_DOES_NOT_MATCH.message() + " server string to sign is:" + stringToSign);
    }

    private static void requireSigned(AuthorizationHeader auth, String header) {
        if (!auth.signedHeaders().contains(header)) {
            throw GatewayErrors.INCOMPLETE_SIGNATURE.exception(GatewayErrors.INCOMPLETE_SIGNATURE.message()
                    + " SignedHeaders must include " + header + ".");
        }
    }

    private static String required(RequestParameters params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw GatewayErrors.missing(name);
        }
        return value;
    }

    private static String requiredHeader(RpcRequest request, String name) {
        String value = request.header(name);
        if (value == null || value.isEmpty()) {
            throw GatewayErrors.missing(name);
        }
        return value;
    }
}
