package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.TestClock;
import dev.vodcert.testing.RawHttp;
import dev.vodcert.testing.ReferenceSigner;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The timestamp window, to the second, on a test clock: a request dated exactly 15 minutes before or
 * after the server's time is accepted, one second more is {@code InvalidTimeStamp.Expired}, for
 * HMAC-SHA1 ({@code Timestamp}) and ACS3 ({@code x-acs-date}) alike. A nonce is remembered for as
 * long as its request could pass (and up to a minute longer: the guard forgets by the minute); once the
 * window has moved on, a replay is refused by the window.
 */
class TimestampWindowTest {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> UNKNOWN = Map.of("DomainName", "nothing.window-test.com");
    private final TestClock clock = TestClock.atNow();
    private final TestServer server = new TestServer(clock);
    private final SignedClient client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID,
            TestServer.ACCESS_KEY_SECRET);
    private int nonce;

    @AfterEach
    void stop() {
        server.close();
    }

    private Answer v1At(Instant timestamp, String nonceValue) {
        return client.call("POST", false, "DescribeVodDomainDetail", UNKNOWN, p -> {
            p.put("Timestamp", WIRE.format(timestamp));
            p.put("SignatureNonce", nonceValue);
        });
    }

    private Answer v3At(Instant date) {
        Map<String, String> h = new TreeMap<>();
        h.put("x-acs-action", "DescribeVodDomainDetail");
        h.put("x-acs-version", "2017-03-21");
        h.put("x-acs-date", WIRE.format(date));
        h.put("x-acs-signature-nonce", "v3-window-" + nonce++);
        h.put("x-acs-content-sha256", ReferenceSigner.sha256Hex(new byte[0]));
        String signature = ReferenceSigner.v3("POST", "/", UNKNOWN, List.copyOf(h.keySet()), h,
                h.get("x-acs-content-sha256"), TestServer.ACCESS_KEY_SECRET);
        List<String[]> headers = new ArrayList<>();
        h.forEach((k, v) -> headers.add(new String[] {k, v}));
        headers.add(new String[] {"Authorization", "ACS3-HMAC-SHA256 Credential=" + TestServer.ACCESS_KEY_ID
                + ",SignedHeaders=" + String.join(";", h.keySet()) + ",Signature=" + signature});
        return RawHttp.send(server.port(), "POST", "/?DomainName=nothing.window-test.com", headers, null).answer();
    }

    private static void assertServed(Answer a) {
        assertThat(a.code()).as(a.body()).isEqualTo("InvalidDomain.NotFound");
    }

    private static void assertExpired(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("InvalidTimeStamp.Expired");
        assertThat(a.json().path("Message").asText()).startsWith("Specified time stamp or date value is expired.")
                .contains("requests may differ by at most 15 minutes");
    }

    @Test
    void fifteenMinutesEitherWayToTheSecondForBothSignatures() {
        Instant now = clock.instant();
        Duration window = Duration.ofMinutes(15);
        assertServed(v1At(now.minus(window), "a"));
        assertServed(v1At(now.plus(window), "b"));
        assertExpired(v1At(now.minus(window).minusSeconds(1), "c"));
        assertExpired(v1At(now.plus(window).plusSeconds(1), "d"));
        assertServed(v3At(now.minus(window)));
        assertServed(v3At(now.plus(window)));
        assertExpired(v3At(now.minus(window).minusSeconds(1)));
        assertExpired(v3At(now.plus(window).plusSeconds(1)));
    }

    @Test
    void aNonceIsRefusedWhileItsRequestCouldPassAndTheWindowRefusesItAfterwards() {
        // On a whole minute, the nonce's minute of expiry ends latest after its request can pass.
        clock.set(clock.instant().truncatedTo(ChronoUnit.MINUTES));
        Instant sent = clock.instant();
        assertServed(v1At(sent, "replayed"));
        clock.advance(Duration.ofMinutes(14));
        Answer replay = v1At(sent, "replayed");
        assertThat(replay.code()).as(replay.body()).isEqualTo("SignatureNonceUsed");
        clock.advance(Duration.ofMinutes(2));
        assertExpired(v1At(sent, "replayed"));
        // The guard forgets nonces a whole minute of expiry at a time, so up to a minute late.
        clock.advance(Duration.ofMinutes(1));
        assertServed(v1At(clock.instant(), "replayed"));
    }

    @Test
    void noncesBelongToTheirAccessKey() {
        SignedClient other = new SignedClient(server.port(), server.otherKey().accessKeyId(),
                server.otherKey().accessKeySecret());
        assertServed(v1At(clock.instant(), "shared-nonce"));
        Answer theirs = other.call("POST", false, "DescribeVodDomainDetail", UNKNOWN, p -> {
            p.put("Timestamp", WIRE.format(clock.instant()));
            p.put("SignatureNonce", "shared-nonce");
        });
        assertServed(theirs);
    }
}
