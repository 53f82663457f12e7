package dev.vodcert.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.protocol.PercentEncoder;
import dev.vodcert.protocol.SignatureV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Calls of the VOD API (2017-03-21) as the V1 SDK makes them: HMAC-SHA1 signed with the machine's
 * time, parameters in a form body, JSON answers. The handle's helpers go through the API like any
 * client, so what they set up is what a user's code would see.
 */
final class SignedCalls {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Clock clock = Clock.systemUTC();

    SignedCalls(URI base) {
        this.base = base;
    }

    ApiAnswer call(Account account, String action, Map<String, String> params) {
        Map<String, String> p = new TreeMap<>(params);
        p.put("Action", action);
        p.put("Version", "2017-03-21");
        p.put("Format", "JSON");
        p.put("AccessKeyId", account.accessKeyId());
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Timestamp", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        p.put("Signature", SignatureV1.sign(account.accessKeySecret(), SignatureV1.stringToSign("POST", p, false)));
        StringBuilder form = new StringBuilder();
        p.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(PercentEncoder.encode(k)).append('=')
                .append(PercentEncoder.encode(v)));
        HttpRequest request = HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            return new ApiAnswer(r.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("calling " + action + " on " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + action, e);
        }
    }
}
