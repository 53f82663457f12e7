package dev.vodcert.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.protocol.PercentEncoder;
import dev.vodcert.protocol.SignatureV1;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A hand-written HMAC-SHA1 client, as pop-core or a curl script would call: GET or POST, parameters
 * in the query or in a form body, every common parameter settable or removable, so that tests can
 * send exactly the request they mean. Independent of the server's code but for the RFC 3986 encoder
 * and the V1 string to sign, both checked against the published vectors.
 */
public final class SignedClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final URI base;
    private final HttpClient http;
    private final String accessKeyId;
    private final String secret;
    private final java.time.Clock clock;

    public SignedClient(int port, String accessKeyId, String secret) {
        this(URI.create("http://127.0.0.1:" + port + "/"), HTTP, accessKeyId, secret, java.time.Clock.systemUTC());
    }

    /** A client whose {@code Timestamp} comes from {@code clock} (for a server running on a test clock). */
    public SignedClient(int port, String accessKeyId, String secret, java.time.Clock clock) {
        this(URI.create("http://127.0.0.1:" + port + "/"), HTTP, accessKeyId, secret, clock);
    }

    /** A client of the service at {@code base} (say {@code https://127.0.0.1:PORT/}) through {@code http}. */
    public SignedClient(URI base, HttpClient http, String accessKeyId, String secret) {
        this(base, http, accessKeyId, secret, java.time.Clock.systemUTC());
    }

    public SignedClient(URI base, HttpClient http, String accessKeyId, String secret, java.time.Clock clock) {
        this.base = base;
        this.http = http;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.clock = clock;
        if (secret.length() >= 12) {
            Transcript.secret(secret);
        }
    }

    /** An answer: status, Content-Type, body text, and the body as JSON when it is JSON. */
    public record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String code() {
            return json().path("Code").asText(null);
        }
    }

    /** The common parameters of a signed call, before signing; tests may change them. */
    public Map<String, String> common(String action) {
        Map<String, String> p = new TreeMap<>();
        p.put("Action", action);
        p.put("Version", "2017-03-21");
        p.put("Format", "JSON");
        p.put("AccessKeyId", accessKeyId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Timestamp", TS.format(clock.instant()));
        return p;
    }

    public Answer call(String action, Map<String, String> params) {
        return call("POST", false, action, params, p -> { });
    }

    /**
     * @param inBody  put every parameter in a form body instead of the query
     * @param tweak   changes the parameters before they are signed
     */
    public Answer call(String method, boolean inBody, String action, Map<String, String> params,
                       Consumer<Map<String, String>> tweak) {
        Map<String, String> p = common(action);
        p.putAll(params);
        tweak.accept(p);
        p.put("Signature", SignatureV1.sign(secret, SignatureV1.stringToSign(method, p, false)));
        return send(method, inBody, p);
    }

    /** Sends parameters as they are (already signed or deliberately not). */
    public Answer send(String method, boolean inBody, Map<String, String> p) {
        String encoded = encode(p);
        return raw(method, inBody ? "" : encoded, inBody ? encoded : null, Map.of());
    }

    /** A freshly signed POST of this action with its parameters in the query, not yet sent (for {@link Load}). */
    public HttpRequest request(String action, Map<String, String> params) {
        Map<String, String> p = common(action);
        p.putAll(params);
        p.put("Signature", SignatureV1.sign(secret, SignatureV1.stringToSign("POST", p, false)));
        return HttpRequest.newBuilder(base.resolve("/?" + encode(p)))
                .timeout(java.time.Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /**
     * Sends once more when the first try got not a single byte back: the JDK client then picked a
     * pooled connection the server had already closed (after an error answer it ends the connection),
     * so the request never reached a live one. Any other failure is thrown as it was.
     */
    private HttpResponse<String> sendOnLiveConnection(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    public Answer raw(String method, String rawQuery, String formBody, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base
                + (rawQuery.isEmpty() ? "" : "?" + rawQuery)));
        headers.forEach(b::header);
        if (formBody != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.method(method, HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = sendOnLiveConnection(b.build());
            Transcript.response(r.body());
            return new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse(null), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, String> p) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(p).entrySet()) {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(PercentEncoder.encode(e.getKey())).append('=').append(PercentEncoder.encode(e.getValue()));
        }
        return q.toString();
    }
}
