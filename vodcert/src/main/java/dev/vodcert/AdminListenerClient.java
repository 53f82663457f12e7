package dev.vodcert;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.issuance.FreeCertificateReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Reads free-certificate reports from a running service's operators' listener
 * ({@code GET /admin/free-certificates}, a page at a time), with {@code Authorization: Bearer
 * <token>} when a token is given: what {@code certs status --admin-url} shows, without stopping the
 * service or opening its database.
 */
final class AdminListenerClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A refusal or an unreachable listener, said for the terminal. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AdminListenerClient(URI base, String token) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.token = token == null || token.isEmpty() ? null : token;
    }

    /** The reports after {@code after} in name order, or just {@code only}'s when it is given. */
    List<FreeCertificateReport> page(String only, String after) throws Failure {
        String query = only != null ? "?domain=" + encode(only) : "?after=" + encode(after);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/free-certificates" + query))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("Cannot reach the operators' listener at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Interrupted");
        }
        if (answer.statusCode() == 401) {
            throw new Failure("The operators' listener at " + base + " refused: set VODCERT_ADMIN_TOKEN to its token.");
        }
        if (answer.statusCode() != 200) {
            throw new Failure("The operators' listener at " + base + " answered HTTP " + answer.statusCode() + ".");
        }
        try {
            return List.of(JSON.readValue(answer.body(), FreeCertificateReport[].class));
        } catch (IOException e) {
            throw new Failure("The answer of " + base + " is not a list of free certificates: " + e.getMessage());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
