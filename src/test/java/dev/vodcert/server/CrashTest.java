package dev.vodcert.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.store.Database;
import dev.vodcert.testing.ChildVodcert;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes lose nothing: vodcert runs as a child JVM while several clients stream writes at it
 * (new domains; certificate uploads, each client replacing the certificate of its own domain in
 * turn) and note every write that was acknowledged (HTTP 200). The process is killed with SIGKILL
 * in the middle of the stream, {@value #ROUNDS} times, each time restarted on the same data folder
 * with no repair step. After each restart every acknowledged domain is there, each domain serves
 * the certificate of its last acknowledged upload (or of the one in flight at the kill, never an
 * older one), and the database is consistent: every certificate a domain points at exists, no
 * certificate is left behind that no domain uses. H2 now; PostgreSQL when "Scale out" lands.
 */
class CrashTest {
    static final int ROUNDS = 3;
    private static final int ADDERS = 3;
    private static final int UPLOADERS = 2;
    private static final int CERTS_PER_UPLOADER = 40;
    private static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";

    @TempDir
    Path data;

    @Test
    void killNineDuringConcurrentWritesLosesNoAcknowledgedWrite() throws Exception {
        Map<String, Integer> ackedDomains = new ConcurrentHashMap<>();
        List<String> uploadRefusals = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> owned = new ArrayList<>();
        List<List<Issued>> certs = new ArrayList<>();
        AtomicIntegerArray lastAcked = new AtomicIntegerArray(UPLOADERS);
        for (int u = 0; u < UPLOADERS; u++) {
            lastAcked.set(u, -1);
        }
        AtomicIntegerArray nextUpload = new AtomicIntegerArray(UPLOADERS);
        for (int u = 0; u < UPLOADERS; u++) {
            String domain = "owned-" + u + ".crash-test.com";
            owned.add(domain);
            List<Issued> mine = new ArrayList<>();
            for (int i = 0; i < CERTS_PER_UPLOADER; i++) {
                mine.add(TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns(domain).issue());
            }
            certs.add(mine);
        }
        Random random = new Random(9);
        AtomicInteger names = new AtomicInteger();
        ChildVodcert child = ChildVodcert.start(data, "256m", "--domain-limit", "100000");
        try {
            SignedClient setup = client(child);
            for (String domain : owned) {
                ok(setup.call("AddVodDomain", Map.of("DomainName", domain, "Sources", SOURCES)));
                ackedDomains.put(domain, 0);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                int thisRound = round;
                SignedClient client = client(child);
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger acknowledged = new AtomicInteger();
                List<Thread> streams = new ArrayList<>();
                for (int a = 0; a < ADDERS; a++) {
                    streams.add(new Thread(() -> {
                        while (running.get()) {
                            String name = "d" + names.incrementAndGet() + ".crash-test.com";
                            try {
                                Answer answer = client.call("AddVodDomain", Map.of("DomainName", name, "Sources", SOURCES));
                                if (answer.status() == 200) {
                                    ackedDomains.put(name, thisRound);
                                    acknowledged.incrementAndGet();
                                }
                            } catch (RuntimeException connectionGone) {
                                return;
                            }
                        }
                    }));
                }
                for (int u = 0; u < UPLOADERS; u++) {
                    int uploader = u;
                    streams.add(new Thread(() -> {
                        while (running.get() && nextUpload.get(uploader) < CERTS_PER_UPLOADER) {
                            int index = nextUpload.get(uploader);
                            Issued cert = certs.get(uploader).get(index);
                            Map<String, String> p = new LinkedHashMap<>();
                            p.put("DomainName", owned.get(uploader));
                            p.put("SSLProtocol", "on");
                            p.put("SSLPub", cert.chainPem());
                            p.put("SSLPri", cert.keyPemPkcs8());
                            try {
                                Answer answer = client.call("POST", true, "SetVodDomainCertificate", p, x -> { });
                                nextUpload.set(uploader, index + 1);
                                if (answer.status() == 200) {
                                    lastAcked.set(uploader, index);
                                    acknowledged.incrementAndGet();
                                } else {
                                    uploadRefusals.add(answer.body());
                                }
                            } catch (RuntimeException connectionGone) {
                                return;
                            }
                        }
                    }));
                }
                streams.forEach(Thread::start);
                int[] uploadsBefore = snapshot(lastAcked);
                long deadline = System.nanoTime() + (1_000 + random.nextInt(2_000)) * 1_000_000L;
                long latest = System.nanoTime() + 120_000_000_000L;
                while ((System.nanoTime() < deadline || acknowledged.get() < 10 || !advanced(uploadsBefore, lastAcked,
                        nextUpload)) && System.nanoTime() < latest) {
                    Thread.sleep(5);
                }
                child.kill9();
                running.set(false);
                for (Thread t : streams) {
                    t.join(60_000);
                }
                assertThat(acknowledged.get()).as("round %d acknowledged writes before the kill", round).isPositive();

                child = ChildVodcert.start(data, "256m", "--domain-limit", "100000");
                SignedClient after = client(child);
                assertThat(uploadRefusals).as("uploads are valid").isEmpty();
                List<String> missing = new ArrayList<>();
                for (Map.Entry<String, Integer> acked : ackedDomains.entrySet()) {
                    Answer found = after.call("DescribeVodDomainDetail", Map.of("DomainName", acked.getKey()));
                    if (found.status() != 200) {
                        missing.add(acked.getKey() + " (acknowledged in round " + acked.getValue() + ": " + found.code() + ")");
                    }
                }
                assertThat(missing).as("round %d: acknowledged domains missing after the restart", thisRound).isEmpty();
                for (int u = 0; u < UPLOADERS; u++) {
                    if (lastAcked.get(u) < 0) {
                        continue;
                    }
                    JsonNode info = ok(after.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", owned.get(u))))
                            .json().path("CertInfos").path("CertInfo").get(0);
                    String served = info.path("ServerCertificate").asText();
                    int acked = lastAcked.get(u);
                    List<String> allowed = new ArrayList<>();
                    allowed.add(certs.get(u).get(acked).certPem());
                    if (acked + 1 < CERTS_PER_UPLOADER) {
                        allowed.add(certs.get(u).get(acked + 1).certPem());
                    }
                    assertThat(allowed).as("round %d, domain %s: the last acknowledged upload (%d) or the one in"
                            + " flight", round, owned.get(u), acked).anySatisfy(pem -> assertThat(served).startsWith(pem));
                    assertThat(info.path("ServerCertificateStatus").asText()).isEqualTo("on");
                }
                System.out.printf("crash round %d: %d domains and uploads %s acknowledged so far, all there after"
                        + " the restart%n", round, ackedDomains.size(), lastAcked);
            }
        } finally {
            child.stop();
        }
        assertConsistent(data);
    }

    /** Whether every uploader has had an upload acknowledged since {@code before} (or has none left). */
    private static boolean advanced(int[] before, AtomicIntegerArray lastAcked, AtomicIntegerArray nextUpload) {
        for (int u = 0; u < before.length; u++) {
            if (lastAcked.get(u) == before[u] && nextUpload.get(u) < CERTS_PER_UPLOADER) {
                return false;
            }
        }
        return true;
    }

    private static int[] snapshot(AtomicIntegerArray values) {
        int[] copy = new int[values.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values.get(i);
        }
        return copy;
    }

    private static SignedClient client(ChildVodcert child) {
        return new SignedClient(child.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    private static Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    /** Every referenced certificate exists, every certificate is referenced, every row has its account. */
    private static void assertConsistent(Path data) throws Exception {
        try (Connection db = DriverManager.getConnection(Database.h2Url(data)); Statement s = db.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM vod_domain d LEFT JOIN certificate c ON c.id = d.cert_id "
                    + "WHERE d.cert_id IS NOT NULL AND c.id IS NULL")).as("domains pointing at no certificate").isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM certificate c WHERE NOT EXISTS (SELECT 1 FROM vod_domain d "
                    + "WHERE d.cert_id = c.id)")).as("certificates no domain uses").isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM vod_domain d LEFT JOIN account a ON a.id = d.account_id "
                    + "WHERE a.id IS NULL")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM vod_domain WHERE ssl_protocol = 'on' AND cert_id IS NULL")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM vod_domain")).isGreaterThan(UPLOADERS);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
