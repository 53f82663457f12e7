package dev.vodcert.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches the {@link Feed} from a node's operators' listener with {@code Authorization: Bearer
 * <token>} (when a token is given) and {@code If-None-Match} (when a version is known). The feed
 * carries private keys, so a plain {@code http://} URL must name a loopback address: across a
 * network, use {@code https://} (a TLS proxy in front of the listener) or an SSH tunnel.
 */
public final class FeedClient {
    public static final String PATH = "/admin/edge/certificates";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI feed;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * @param adminUrl the listener's base URL, e.g. {@code http://127.0.0.1:9402}
     * @param token    the admin token, or null to send none
     */
    public FeedClient(URI adminUrl, String token) {
        if (adminUrl.getHost() == null || !("http".equals(adminUrl.getScheme()) || "https".equals(adminUrl.getScheme()))) {
            throw new IllegalArgumentException("--admin-url must be http://HOST:PORT or https://HOST:PORT; got " + adminUrl);
        }
        if ("http".equals(adminUrl.getScheme()) && !loopback(adminUrl.getHost())) {
            throw new IllegalArgumentException("--admin-url " + adminUrl + " is plain HTTP to a non-loopback host: the "
                    + "feed carries private keys; use https:// or reach the listener on 127.0.0.1 (an SSH tunnel)");
        }
        this.feed = adminUrl.resolve(PATH);
        this.token = token;
    }

    /** The feed, or empty when it is still {@code knownVersion} (HTTP 304). */
    public Optional<Feed> fetch(String knownVersion) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed).timeout(TIMEOUT).GET()
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (knownVersion != null) {
            request.header("If-None-Match", '"' + knownVersion + '"');
        }
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return switch (answer.statusCode()) {
            case 200 -> Optional.of(parse(answer.body()));
            case 304 -> Optional.empty();
            case 401, 403 -> throw new IOException(feed + " refused the token (HTTP " + answer.statusCode()
                    + "): set the admin token in the environment variable named by --token-env");
            default -> throw new IOException(feed + " answered HTTP " + answer.statusCode());
        };
    }

    /** The feed; a parse failure says where, never what (the text holds private keys). */
    private Feed parse(byte[] body) throws IOException {
        try {
            return JSON.readValue(body, Feed.class);
        } catch (JsonProcessingException e) {
            throw new IOException(feed + " answered something that is not the certificate feed (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--admin-url host " + host + " cannot be resolved");
        }
    }
}
