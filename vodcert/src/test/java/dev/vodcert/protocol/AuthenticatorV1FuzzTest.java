package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vodcert.testing.FuzzBudget;
import dev.vodcert.testing.FuzzInput;
import dev.vodcert.testing.ReferenceSigner;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fuzzes the HMAC-SHA1 verifier with parameters built from fuzz data, signed correctly or not: only
 * the gateway's refusals may escape, and whatever it accepts really carries the signature that
 * {@link ReferenceSigner} (the spec, written again without the server's code) computes over the
 * parameters the server read, for an enabled key, with a timestamp inside the window. Control byte:
 * bit 0 GET, bit 1 sign with the right secret, bit 2 parameters in a form body, bit 3 sign leaving
 * out empty values, bit 4 start without the common parameters, bit 5 append the first field to the
 * query as it is. Fields: (raw query,) then name, value, name, value...
 */
class AuthenticatorV1FuzzTest {

    @FuzzTest(maxDuration = "10s")
    void authenticate(byte[] data) throws Throwable {
        FuzzBudget.run(() -> check(data));
    }

    private static void check(byte[] data) {
        FuzzInput in = FuzzInput.of(data);
        String method = in.flag(0) ? "GET" : "POST";
        String rawTail = in.flag(5) ? in.text() : "";
        Map<String, String> params = new LinkedHashMap<>();
        if (!in.flag(4)) {
            params.put("AccessKeyId", FuzzAuth.KEY_ID);
            params.put("SignatureMethod", "HMAC-SHA1");
            params.put("SignatureVersion", "1.0");
            params.put("SignatureNonce", "nonce-1");
            params.put("Timestamp", FuzzAuth.NOW_TEXT);
            params.put("Action", "DescribeVodDomainDetail");
            params.put("Version", "2017-03-21");
        }
        while (in.hasMore()) {
            String name = in.text();
            String value = in.text();
            if (!name.isEmpty()) {
                params.put(name, value);
            }
        }
        if (in.flag(1)) {
            params.put("Signature", ReferenceSigner.v1(method, params, FuzzAuth.SECRET, in.flag(3)));
        }
        String encoded = FuzzAuth.encode(params) + rawTail;
        boolean inBody = in.flag(2);
        RpcRequest request = new RpcRequest(method, "/", inBody ? rawTail : encoded,
                inBody ? Map.of("content-type", "application/x-www-form-urlencoded") : Map.of(),
                inBody ? FuzzAuth.encode(params).getBytes(StandardCharsets.UTF_8) : new byte[0], "127.0.0.1");
        try {
            RequestParameters read = RequestParameters.read(request);
            Principal who = FuzzAuth.authenticator().authenticate(request, read);
            Map<String, String> seen = read.all();
            assertThat(who.accessKeyId()).isEqualTo(FuzzAuth.KEY_ID);
            assertThat(seen.get("AccessKeyId")).isEqualTo(FuzzAuth.KEY_ID);
            assertThat(seen.get("Signature")).isIn(ReferenceSigner.v1(method, seen, FuzzAuth.SECRET, false),
                    ReferenceSigner.v1(method, seen, FuzzAuth.SECRET, true));
            assertThat(Timestamps.parse(seen.get("Timestamp"))).isBetween(FuzzAuth.NOW.minusSeconds(900),
                    FuzzAuth.NOW.plusSeconds(900));
        } catch (ApiException refused) {
            FuzzAuth.assertRefusal(refused);
        }
    }
}
