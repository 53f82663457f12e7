package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.store.AcmeChallengeStore;
import dev.vodcert.store.Database;
import dev.vodcert.testing.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP-01 listener: answers from the shared store, on every node, only while an answer lives. */
class ChallengeListenerTest {
    static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";
    static final String KEY_AUTHORIZATION = TOKEN + ".9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    final Database db = TestDatabases.h2();
    final AcmeChallengeStore challenges = new AcmeChallengeStore(db.jdbi());
    final ChallengeListener listener = new ChallengeListener("127.0.0.1", 0, challenges,
            Clock.fixed(NOW, ZoneOffset.UTC));
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        listener.close();
        db.close();
    }

    HttpResponse<String> get(ChallengeListener on, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void publish(long expiresAt) {
        challenges.put(TOKEN, KEY_AUTHORIZATION, "a.example.com", NOW.toEpochMilli(), expiresAt);
    }

    @Test
    void answersAPublishedTokenWithItsKeyAuthorizationAsPlainText() throws Exception {
        publish(NOW.plusSeconds(60).toEpochMilli());

        HttpResponse<String> answer = get(listener, "/.well-known/acme-challenge/" + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(KEY_AUTHORIZATION);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    }

    @Test
    void anotherNodeOnTheSameDatabaseAnswersToo() throws Exception {
        publish(NOW.plusSeconds(60).toEpochMilli());
        try (ChallengeListener otherNode = new ChallengeListener("127.0.0.1", 0,
                new AcmeChallengeStore(db.jdbi()), Clock.fixed(NOW, ZoneOffset.UTC))) {
            HttpResponse<String> answer = get(otherNode, "/.well-known/acme-challenge/" + TOKEN);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(KEY_AUTHORIZATION);
        }
    }

    @Test
    void unknownExpiredOrMalformedTokensAreNotFound() throws Exception {
        assertThat(get(listener, "/.well-known/acme-challenge/" + TOKEN).statusCode()).isEqualTo(404);
        publish(NOW.toEpochMilli()); // expires exactly now
        assertThat(get(listener, "/.well-known/acme-challenge/" + TOKEN).statusCode()).isEqualTo(404);
        assertThat(get(listener, "/.well-known/acme-challenge/a.b").statusCode()).isEqualTo(404);
        assertThat(get(listener, "/.well-known/acme-challenge/%27%20OR%201=1").statusCode()).isEqualTo(404);
        assertThat(get(listener, "/.well-known/acme-challenge/" + "a".repeat(300)).statusCode()).isEqualTo(404);
    }

    @Test
    void nothingElseIsServed() throws Exception {
        publish(NOW.plusSeconds(60).toEpochMilli());

        assertThat(get(listener, "/").statusCode()).isEqualTo(404);
        assertThat(get(listener, "/.well-known/acme-challenge/").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port()
                + "/.well-known/acme-challenge/" + TOKEN)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(404, 405);
        assertThat(post.body()).doesNotContain(KEY_AUTHORIZATION);
    }

    @Test
    void aPortInUseFailsAtStartNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> new ChallengeListener("127.0.0.1", taken.getLocalPort(), challenges,
                    Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot listen for ACME HTTP-01 on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
