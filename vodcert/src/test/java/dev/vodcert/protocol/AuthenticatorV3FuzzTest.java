package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vodcert.testing.FuzzBudget;
import dev.vodcert.testing.FuzzInput;
import dev.vodcert.testing.ReferenceSigner;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fuzzes the ACS3-HMAC-SHA256 verifier with headers, query and body built from fuzz data, the
 * Authorization header either signed with {@link ReferenceSigner} or taken from the data: only the
 * gateway's refusals may escape, and whatever it accepts carries the signature the spec computes
 * over what the server read, for an enabled key, with a body that matches its declared SHA-256.
 * Control byte: bit 0 GET, bit 1 sign with the right secret, bit 2 form Content-Type, bit 3 declare
 * x-acs-content-sha256, bit 4 declare a wrong one, bit 5 sign host too, bit 6 leave x-acs-date
 * unsigned. Fields: query, body, x-acs-date, nonce, action, extra header name, its value, extra
 * signed header names (";"), Authorization (used when not signing), Credential.
 */
class AuthenticatorV3FuzzTest {

    @FuzzTest(maxDuration = "10s")
    void authenticate(byte[] data) throws Throwable {
        FuzzBudget.run(() -> check(data));
    }

    private static void check(byte[] data) {
        FuzzInput in = FuzzInput.of(data);
        String method = in.flag(0) ? "GET" : "POST";
        String query = in.text();
        byte[] body = in.bytes();
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "127.0.0.1:8080");
        headers.put("x-acs-date", in.textOr(FuzzAuth.NOW_TEXT));
        headers.put("x-acs-signature-nonce", in.textOr("nonce-3"));
        headers.put("x-acs-action", in.textOr("DescribeVodDomainCertificateInfo"));
        headers.put("x-acs-version", "2017-03-21");
        String extraName = in.text().toLowerCase(Locale.ROOT);
        String extraValue = in.text();
        if (!extraName.isEmpty()) {
            headers.put(extraName, extraValue);
        }
        if (in.flag(2)) {
            headers.put("content-type", "application/x-www-form-urlencoded");
        }
        String bodyHash = ReferenceSigner.sha256Hex(body);
        if (in.flag(3)) {
            headers.put("x-acs-content-sha256", in.flag(4) ? SignatureV3.EMPTY_SHA256 : bodyHash);
        }
        List<String> signed = new ArrayList<>(List.of("x-acs-action", "x-acs-signature-nonce", "x-acs-version"));
        if (!in.flag(6)) {
            signed.add("x-acs-date");
        }
        if (in.flag(5)) {
            signed.add("host");
        }
        if (headers.containsKey("x-acs-content-sha256")) {
            signed.add("x-acs-content-sha256");
        }
        for (String name : in.text().split(";")) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (!lower.isEmpty() && !signed.contains(lower)) {
                signed.add(lower);
            }
        }
        String givenAuthorization = in.text();
        String credential = in.textOr(FuzzAuth.KEY_ID);
        if (in.flag(1)) {
            Map<String, String> decoded = referenceDecode(query);
            if (decoded != null) {
                String payload = headers.getOrDefault("x-acs-content-sha256", bodyHash);
                headers.put("authorization", "ACS3-HMAC-SHA256 Credential=" + credential + ",SignedHeaders="
                        + String.join(";", signed) + ",Signature=" + ReferenceSigner.v3(method, "/", decoded, signed,
                        headers, payload, FuzzAuth.SECRET));
            }
        } else {
            headers.put("authorization", givenAuthorization);
        }
        RpcRequest request = new RpcRequest(method, "/", query, headers, body, "127.0.0.1");
        try {
            RequestParameters read = RequestParameters.read(request);
            Principal who = FuzzAuth.authenticator().authenticate(request, read);
            assertAccepted(request, read, who);
        } catch (ApiException refused) {
            FuzzAuth.assertRefusal(refused);
        }
    }

    /** The oracle: an accepted request carries the spec's signature over what the server read. */
    private static void assertAccepted(RpcRequest request, RequestParameters read, Principal who) {
        assertThat(who.accessKeyId()).isEqualTo(FuzzAuth.KEY_ID);
        String authorization = request.header("authorization");
        assertThat(authorization).startsWith("ACS3-HMAC-SHA256 ");
        Map<String, String> fields = new HashMap<>();
        for (String part : authorization.substring("ACS3-HMAC-SHA256 ".length()).split(",")) {
            int eq = part.indexOf('=');
            fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        assertThat(fields.get("Credential")).isEqualTo(FuzzAuth.KEY_ID);
        List<String> signed = new ArrayList<>();
        for (String name : fields.get("SignedHeaders").split(";")) {
            signed.add(name.trim().toLowerCase(Locale.ROOT));
        }
        assertThat(signed).contains("x-acs-date", "x-acs-signature-nonce");
        String bodyHash = ReferenceSigner.sha256Hex(request.body());
        String declared = request.header("x-acs-content-sha256");
        if (request.body().length > 0) {
            assertThat(declared).isEqualToIgnoringCase(bodyHash);
        }
        String payload = declared == null ? bodyHash : declared;
        assertThat(fields.get("Signature").toLowerCase(Locale.ROOT)).isEqualTo(ReferenceSigner.v3(request.method(),
                request.path(), read.query(), signed, request.headers(), payload, FuzzAuth.SECRET));
        assertThat(Timestamps.parse(request.header("x-acs-date"))).isBetween(FuzzAuth.NOW.minusSeconds(900),
                FuzzAuth.NOW.plusSeconds(900));
    }

    /** The query as the spec decodes it (form rules, UTF-8), or null when it does not decode. */
    private static Map<String, String> referenceDecode(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        try {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(name, value);
            }
            return out;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
