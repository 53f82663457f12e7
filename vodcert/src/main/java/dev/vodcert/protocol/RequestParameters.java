package dev.vodcert.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decoded request parameters (spec §2.1): the query string, merged with an
 * {@code application/x-www-form-urlencoded} body of a POST, the body winning where both carry a
 * name. A name twice within one of them is refused, and so are more than {@value #MAX_PARAMETERS}
 * parameters. The query alone is kept too: ACS3 signs only the query.
 */
public final class RequestParameters {
    /** The most parameters one request may carry (the largest action takes about 50). */
    public static final int MAX_PARAMETERS = 500;

    private final Map<String, String> all;
    private final Map<String, String> query;

    private RequestParameters(Map<String, String> all, Map<String, String> query) {
        this.all = Collections.unmodifiableMap(all);
        this.query = Collections.unmodifiableMap(query);
    }

    public static RequestParameters read(RpcRequest request) {
        Map<String, String> query = toMap(FormDecoder.decode(request.rawQuery()), "query string");
        Map<String, String> all = query;
        if (isFormBody(request)) {
            Map<String, String> body = toMap(FormDecoder.decode(bodyText(request.body())), "form body");
            if (!body.isEmpty()) {
                all = new HashMap<>(query);
                all.putAll(body);
                checkCount(all.size());
            }
        }
        return new RequestParameters(all, query);
    }

    private static String bodyText(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw GatewayErrors.INVALID_PARAMETER.exception("The form body is not valid UTF-8.");
        }
    }

    private static boolean isFormBody(RpcRequest request) {
        if (request.body() == null || request.body().length == 0) {
            return false;
        }
        String type = request.header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static Map<String, String> toMap(List<FormDecoder.Pair> pairs, String where) {
        checkCount(pairs.size());
        Map<String, String> map = new HashMap<>(pairs.size() * 2);
        for (FormDecoder.Pair pair : pairs) {
            if (map.put(pair.name(), pair.value()) != null) {
                throw GatewayErrors.invalid(Sanitizer.brief(pair.name()),
                        "The parameter appears more than once in the " + where + ".");
            }
        }
        return map;
    }

    private static void checkCount(int count) {
        if (count > MAX_PARAMETERS) {
            throw GatewayErrors.INVALID_PARAMETER.exception(
                    "The request carries more than " + MAX_PARAMETERS + " parameters.");
        }
    }

    /** A parameter's value, or null when absent. */
    public String get(String name) {
        return all.get(name);
    }

    /** Every parameter, query and body merged. */
    public Map<String, String> all() {
        return all;
    }

    /** The query string's parameters only. */
    public Map<String, String> query() {
        return query;
    }
}
