package dev.vodcert.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed {@code Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..}
 * header. Its fields come in any order (SDKs differ); one missing or empty is an
 * {@code IncompleteSignature}.
 */
public record AuthorizationHeader(String accessKeyId, List<String> signedHeaders, String signature) {

    public static boolean isAcs3(String header) {
        return header != null && header.startsWith(SignatureV3.ALGORITHM + " ");
    }

    public static AuthorizationHeader parse(String header) {
        String rest = header.substring(SignatureV3.ALGORITHM.length() + 1).trim();
        Map<String, String> fields = new HashMap<>();
        for (String part : rest.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw incomplete("the Authorization header has a field without '='.");
            }
            if (fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim()) != null) {
                throw incomplete("the Authorization header repeats a field.");
            }
        }
        String credential = fields.get("Credential");
        String signed = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (credential == null || credential.isEmpty() || signed == null || signed.isEmpty()
                || signature == null || signature.isEmpty()) {
            throw incomplete("the Authorization header needs Credential, SignedHeaders and Signature.");
        }
        List<String> names = new ArrayList<>();
        for (String name : signed.split(";")) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (lower.isEmpty() || names.contains(lower)) {
                throw incomplete("SignedHeaders lists an empty or repeated name.");
            }
            names.add(lower);
        }
        names.sort(String::compareTo);
        return new AuthorizationHeader(credential, List.copyOf(names), signature);
    }

    private static ApiException incomplete(String why) {
        return GatewayErrors.INCOMPLETE_SIGNATURE.exception(
                GatewayErrors.INCOMPLETE_SIGNATURE.message() + " The request signature is incomplete: " + why);
    }
}
