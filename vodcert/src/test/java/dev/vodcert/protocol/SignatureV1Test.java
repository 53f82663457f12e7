package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.ReferenceSigner;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The one-buffer string to sign against the spec's steps done one by one (encode each name and value
 * with the reference encoder, sort by encoded name, join, encode again): names and values drawn from
 * unreserved, reserved and non-ASCII characters, so that both sort paths and every escape are met.
 */
class SignatureV1Test {
    private static final String[] PIECES = {"a", "Z", "0", "-", "_", ".", "~", " ", "*", "=", "&", "%", "+", "/",
        ":", "é", "中", "😀", "Action", "Timestamp"};

    private static String reference(String method, Map<String, String> params, boolean skipEmpty) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((name, value) -> {
            if (!name.equals("Signature") && !(skipEmpty && value.isEmpty())) {
                sorted.put(ReferenceSigner.percentEncode(name), ReferenceSigner.percentEncode(value));
            }
        });
        StringBuilder canonical = new StringBuilder();
        sorted.forEach((n, v) -> canonical.append(canonical.length() == 0 ? "" : "&").append(n).append('=').append(v));
        return method + "&%2F&" + ReferenceSigner.percentEncode(canonical.toString());
    }

    private static String text(Random random, int maxPieces) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(maxPieces + 1); i > 0; i--) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    @Test
    void matchesTheSpecStepsForAnyNamesAndValues() {
        Random random = new Random(20261206);
        for (int run = 0; run < 3000; run++) {
            Map<String, String> params = new HashMap<>();
            boolean plainNames = random.nextBoolean();
            for (int i = random.nextInt(12); i > 0; i--) {
                String name = plainNames ? "P" + random.nextInt(1000) : "n" + text(random, 3);
                params.put(name, text(random, 6));
            }
            params.put("Signature", "ignored+/=");
            for (boolean skipEmpty : new boolean[] {false, true}) {
                assertThat(SignatureV1.stringToSign("POST", params, skipEmpty)).as(params.toString())
                        .isEqualTo(reference("POST", params, skipEmpty));
            }
        }
    }

    @Test
    void aNameThatNeedsEncodingSortsByItsEncoding() {
        // Raw, "a~" sorts before "aé" ('~' < 'é'); encoded, "a%C3%A9" sorts before "a~" ('%' < '~').
        Map<String, String> params = Map.of("a~", "1", "aé", "2");
        assertThat(SignatureV1.stringToSign("GET", params, false))
                .isEqualTo(reference("GET", params, false))
                .isEqualTo("GET&%2F&a%25C3%25A9%3D2%26a~%3D1");
    }
}
