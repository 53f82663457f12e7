package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.server.ApiConfig;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestServer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ownership rule is configuration: off by default (emulator users add any domain), and when an
 * operator turns it on, roots the account already has domains under need no new verification.
 */
class OwnershipRuleTest extends ApiTestBase {
    private final AtomicBoolean required = new AtomicBoolean(false);

    @Override
    @BeforeAll
    void startServer() {
        server = new TestServer(Clock.systemUTC(), c -> c.withOwnership(
                new ApiConfig.Ownership(required.get(), null, ApiConfig.Ownership.DEFAULT.timeout(), 80)));
        connect();
    }

    @Override
    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void offByDefaultThenOnForNewRootsOnly() {
        assertThat(ApiConfig.Ownership.DEFAULT.required()).isFalse();
        ok(client.call("AddVodDomain", Map.of("DomainName", "a.legacy-root.com", "Sources", SOURCES)));

        required.set(true);
        server.restart();
        connect();

        ok(client.call("AddVodDomain", Map.of("DomainName", "b.legacy-root.com", "Sources", SOURCES)));
        ok(client.call("AddVodDomain", Map.of("DomainName", ".legacy-root.com", "Sources", SOURCES)));
        assertError(client.call("AddVodDomain", Map.of("DomainName", "a.fresh-root.com", "Sources", SOURCES)), 400,
                "DomainOwnerVerifyFail");
        assertError(other.call("AddVodDomain", Map.of("DomainName", "c.legacy-root.com", "Sources", SOURCES)), 400,
                "DomainOwnerVerifyFail");
        assertError(client.call("AddVodDomain", Map.of("DomainName", "www.not-legacy-root.com", "Sources", SOURCES)),
                400, "DomainOwnerVerifyFail");
    }

    private void connect() {
        client = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        other = new SignedClient(server.port(), server.otherKey().accessKeyId(), server.otherKey().accessKeySecret());
    }
}
