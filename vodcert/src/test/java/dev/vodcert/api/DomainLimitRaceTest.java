package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.EmbeddedPostgresServer;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The per-account domain limit (20 by default) holds when adds race: with 12 domains, 30 parallel
 * {@code AddVodDomain} calls of distinct names from several clients leave exactly 20, on one H2
 * node and spread over two nodes on one PostgreSQL database. Every refused call is
 * {@code DomainNumberLimitExceeded} (HTTP 400).
 */
class DomainLimitRaceTest {
    private static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";
    private static final int LIMIT = 20;
    private static final int BEFORE = 12;
    private static final int RACERS = 30;

    @Test
    void parallelAddsFromSeveralClientsStopAtTheLimitOnH2() throws Exception {
        try (TestServer server = new TestServer()) {
            race("h2", List.of(server), 3);
        }
    }

    @Test
    void parallelAddsOnTwoPostgresNodesStopAtTheLimit() throws Exception {
        String url = EmbeddedPostgresServer.shared().newDatabase();
        try (TestServer a = TestServer.onPostgres(url); TestServer b = TestServer.onPostgres(url)) {
            race("pg", List.of(a, b), 2);
        }
    }

    /** {@code clientsPerNode} clients on each node; the adds are dealt out to all of them in turn. */
    private static void race(String tag, List<TestServer> nodes, int clientsPerNode) throws Exception {
        List<SignedClient> clients = new ArrayList<>();
        for (TestServer node : nodes) {
            for (int i = 0; i < clientsPerNode; i++) {
                clients.add(new SignedClient(node.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET));
            }
        }
        for (int i = 0; i < BEFORE; i++) {
            assertThat(add(clients.get(0), tag + "-before" + i).status()).isEqualTo(200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < RACERS; i++) {
                SignedClient client = clients.get(i % clients.size());
                String label = tag + "-race" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return add(client, label);
                }));
            }
            go.countDown();
            int added = 0;
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                if (a.status() == 200) {
                    added++;
                } else {
                    assertThat(a.status()).as(a.body()).isEqualTo(400);
                    assertThat(a.code()).as(a.body()).isEqualTo("DomainNumberLimitExceeded");
                }
            }
            assertThat(added).isEqualTo(LIMIT - BEFORE);
        } finally {
            pool.shutdownNow();
        }
        Answer list = clients.get(clients.size() - 1).call("DescribeVodUserDomains", Map.of("PageSize", "50"));
        assertThat(list.json().path("TotalCount").asInt()).as(list.body()).isEqualTo(LIMIT);
    }

    private static Answer add(SignedClient client, String label) {
        return client.call("AddVodDomain", Map.of("DomainName", label + ".limit-race.com", "Sources", SOURCES));
    }
}
