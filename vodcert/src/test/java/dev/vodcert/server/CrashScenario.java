package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.ChildVodcert;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Crashes lose nothing, on any store: vodcert runs as a child JVM while several clients stream
 * writes at it ({@link CrashWrites}) and note every write that was acknowledged (HTTP 200). The
 * process is killed with SIGKILL in the middle of the stream, {@code -Dvodcert.crash.rounds} times
 * (default 3; the {@code crash-long} Maven profile runs 500), each time restarted on the same database with no
 * repair step. After each restart
 * every acknowledged domain is there, each domain serves the certificate of its last acknowledged
 * upload (or of the one in flight at the kill, never an older one), and at the end the database is
 * consistent: every certificate a domain points at exists, no certificate is left behind that no
 * domain uses. A subclass says where the database is ({@link #start()}, {@link #connect()}).
 */
abstract class CrashScenario {
    static final int ROUNDS = Integer.getInteger("vodcert.crash.rounds", 3);
    /**
     * Every how many rounds all acknowledged domains are looked up; in the other rounds, those
     * acknowledged in this round and the one before (a long run's domains grow with the rounds, and
     * looking up all of them after each kill would make it quadratic). Default 1: all, every round.
     * The last round always looks up all.
     */
    static final int FULL_CHECK_EVERY = Integer.getInteger("vodcert.crash.fullCheckEvery", 1);

    /** Starts (or restarts) the child vodcert on the scenario's database. */
    abstract ChildVodcert start();

    /** A connection to the database, for the consistency check once the child has stopped. */
    abstract Connection connect() throws Exception;

    @Test
    void killNineDuringConcurrentWritesLosesNoAcknowledgedWrite() throws Exception {
        CrashWrites writes = new CrashWrites();
        Random random = new Random(9);
        ChildVodcert child = start();
        try {
            SignedClient setup = client(child);
            for (String domain : writes.owned) {
                ok(setup.call("AddVodDomain", Map.of("DomainName", domain, "Sources", CrashWrites.SOURCES)));
                writes.ackedDomains.put(domain, 0);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger acknowledged = new AtomicInteger();
                List<Thread> streams = writes.streams(client(child), round, running, acknowledged);
                streams.forEach(Thread::start);
                int[] uploadsBefore = writes.uploadsSnapshot();
                long deadline = System.nanoTime() + (1_000 + random.nextInt(2_000)) * 1_000_000L;
                long latest = System.nanoTime() + 120_000_000_000L;
                while ((System.nanoTime() < deadline || acknowledged.get() < 10 || !writes.advanced(uploadsBefore))
                        && System.nanoTime() < latest) {
                    Thread.sleep(5);
                }
                child.kill9();
                running.set(false);
                for (Thread t : streams) {
                    t.join(60_000);
                }
                assertThat(acknowledged.get()).as("round %d acknowledged writes before the kill", round).isPositive();
                child = start();
                checkAfterRestart(client(child), writes, round);
            }
        } finally {
            child.stop();
        }
        assertConsistent();
    }

    private static void checkAfterRestart(SignedClient after, CrashWrites writes, int round) {
        assertThat(writes.uploadRefusals).as("uploads are valid").isEmpty();
        List<String> lost = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        boolean all = round % FULL_CHECK_EVERY == 0 || round == ROUNDS;
        for (Map.Entry<String, Integer> acked : writes.ackedDomains.entrySet()) {
            if (!all && acked.getValue() < round - 1) {
                continue;
            }
            Answer found = after.call("DescribeVodDomainDetail", Map.of("DomainName", acked.getKey()));
            String what = acked.getKey() + " (acknowledged in round " + acked.getValue() + ": " + found.status() + " "
                    + found.code() + ")";
            if (found.status() == 404 || "InvalidDomain.NotFound".equals(found.code())) {
                lost.add(what);
            } else if (found.status() != 200) {
                unanswered.add(what);
            }
        }
        assertThat(lost).as("round %d: acknowledged domains not found after the restart", round).isEmpty();
        assertThat(unanswered).as("round %d: acknowledged domains the restarted service failed to describe", round)
                .isEmpty();
        for (int u = 0; u < CrashWrites.UPLOADERS; u++) {
            if (writes.lastAcked.get(u) < 0) {
                continue;
            }
            String domain = writes.owned.get(u);
            JsonNode info = ok(after.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", domain)))
                    .json().path("CertInfos").path("CertInfo").get(0);
            String served = info.path("ServerCertificate").asText();
            assertThat(writes.allowedAfterKill(u)).as("round %d, domain %s: the last acknowledged upload (%d) or the"
                    + " one in flight", round, domain, writes.lastAcked.get(u))
                    .anySatisfy(pem -> assertThat(served).startsWith(pem));
            assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("on");
        }
        System.out.printf("crash round %d: %d domains and uploads %s acknowledged so far, %s there after"
                + " the restart%n", round, writes.ackedDomains.size(), writes.lastAcked,
                all ? "all" : "those of the last two rounds");
    }

    static SignedClient client(ChildVodcert child) {
        return new SignedClient(child.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    private static Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    /** Every referenced certificate exists, every certificate is referenced, every row has its account. */
    private void assertConsistent() throws Exception {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM vod_domain d LEFT JOIN certificate c ON c.id = d.cert_id "
                    + "WHERE d.cert_id IS NOT NULL AND c.id IS NULL")).as("domains pointing at no certificate").isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM certificate c WHERE NOT EXISTS (SELECT 1 FROM vod_domain d "
                    + "WHERE d.cert_id = c.id)")).as("certificates no domain uses").isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM vod_domain d LEFT JOIN account a ON a.id = d.account_id "
                    + "WHERE a.id IS NULL")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM vod_domain WHERE ssl_protocol = 'on' AND cert_id IS NULL")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM vod_domain")).isGreaterThan(CrashWrites.UPLOADERS);
        }
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
