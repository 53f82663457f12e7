package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.toolbox.JSON;

/**
 * The mapping of acme4j's exceptions, with the exception objects acme4j itself builds from a CA's
 * answer (Pebble sets no rate limits, so a 429 cannot come from it).
 */
class AcmeFailuresTest {
    static final URI DIRECTORY = URI.create("acme://letsencrypt.org");

    static Problem problem(String json) throws Exception {
        return new Problem(JSON.parse(json), new URL("https://ca.example/acme/order/1"));
    }

    @Test
    void aRateLimitKeepsTheCasRetryAfterAndDetail() throws Exception {
        Instant retryAfter = Instant.parse("2026-01-02T03:04:05Z");
        AcmeRateLimitedException limited = new AcmeRateLimitedException(problem("{\"type\":"
                + "\"urn:ietf:params:acme:error:rateLimited\",\"detail\":\"too many certificates (50) already issued"
                + " for \\\"example.com\\\" in the last 168h0m0s\"}"), retryAfter, List.of());

        IssuanceFailure failure = AcmeFailures.of(limited, "a.example.com", "creating the order", DIRECTORY);

        assertThat(failure.rateLimited()).isTrue();
        assertThat(failure.retryAfter()).contains(retryAfter);
        assertThat(failure.getMessage()).isEqualTo("the ACME CA refused because of a rate limit: too many certificates"
                + " (50) already issued for \"example.com\" in the last 168h0m0s; retry after 2026-01-02T03:04:05Z"
                + " (a.example.com, while creating the order)");
    }

    @Test
    void aRateLimitWithoutRetryAfterIsStillARateLimit() throws Exception {
        AcmeRateLimitedException limited = new AcmeRateLimitedException(problem("{\"type\":"
                + "\"urn:ietf:params:acme:error:rateLimited\",\"detail\":\"slow down\"}"), null, List.of());

        IssuanceFailure failure = AcmeFailures.of(limited, "a.example.com", "creating the order", DIRECTORY);

        assertThat(failure.rateLimited()).isTrue();
        assertThat(failure.retryAfter()).isEmpty();
    }

    @Test
    void aRefusalCarriesTheProblemDetailAndItsSubProblems() throws Exception {
        AcmeServerException refused = new AcmeServerException(problem("{\"type\":"
                + "\"urn:ietf:params:acme:error:rejectedIdentifier\",\"detail\":\"Error creating new order\","
                + "\"subproblems\":[{\"type\":\"urn:ietf:params:acme:error:rejectedIdentifier\",\"detail\":"
                + "\"policy forbids issuing for name\",\"identifier\":{\"type\":\"dns\",\"value\":\"bad.example\"}}]}"));

        IssuanceFailure failure = AcmeFailures.of(refused, "bad.example", "creating the order", DIRECTORY);

        assertThat(failure.rateLimited()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("the ACME CA refused: Error creating new order [bad.example: policy"
                + " forbids issuing for name] (bad.example, while creating the order)");
    }

    @Test
    void aProblemWithoutDetailFallsBackToItsTitleThenType() throws Exception {
        assertThat(AcmeFailures.describe(problem("{\"type\":\"urn:x\",\"title\":\"Server busy\"}")))
                .isEqualTo("Server busy");
        assertThat(AcmeFailures.describe(problem("{\"type\":\"urn:ietf:params:acme:error:serverInternal\"}")))
                .isEqualTo("urn:ietf:params:acme:error:serverInternal");
    }

    @Test
    void networkFailuresSayTheCaCouldNotBeReachedAndWhy() {
        assertThat(network(new ConnectException())).isEqualTo("the ACME server acme://letsencrypt.org could not be"
                + " reached: connection refused or unreachable (a.example.com, while registering the ACME account)");
        assertThat(network(new HttpTimeoutException("request timed out"))).contains("no answer within the network timeout");
        assertThat(network(new SSLHandshakeException("PKIX path building failed: unable to find valid certification"
                + " path"))).contains("its HTTPS certificate is not trusted (for a private CA, set --acme-trust-store)");
        assertThat(network(new IOException("stream reset"))).contains("could not be reached: IOException (stream reset)");
    }

    @Test
    void anyOtherAcmeExceptionKeepsItsMessage() {
        IssuanceFailure failure = AcmeFailures.of(new AcmeException("Order is not ready"), "a.example.com",
                "finalizing the order", DIRECTORY);

        assertThat(failure.getMessage()).isEqualTo("the ACME exchange failed: Order is not ready (a.example.com,"
                + " while finalizing the order)");
    }

    private static String network(IOException cause) {
        return AcmeFailures.of(new AcmeNetworkException(cause), "a.example.com", "registering the ACME account",
                DIRECTORY).getMessage();
    }
}
