package dev.vodcert.store;

import static dev.vodcert.store.StoreContract.certificate;
import static dev.vodcert.store.StoreContract.domain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.DomainCertificate;
import dev.vodcert.domain.VodDomain;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The describe fields kept in memory on H2 ({@link DomainMirror}) always equal what the database
 * holds once a write has ended: after every kind of write, by the service or behind it, committed or
 * rolled back, and while the load runs beside writers and readers. The truth each answer is compared
 * with is the one-statement join of a store over a bare Jdbi, which keeps nothing.
 */
class DomainMirrorTest {
    @TempDir
    Path dir;
    private String url;
    private Database db;
    private DomainStore service;
    private DomainStore truth;
    private long account;

    @BeforeEach
    void open() {
        url = Database.h2Url(dir.resolve("mirror"));
        db = Database.open(url, null, null, 4);
        account = new AccessKeyStore(db).createAccount("a", 1L);
        service = new DomainStore(db);
        truth = new DomainStore(Jdbi.create(url));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Optional<DomainCertificate> described(String name) {
        return service.findCertificateInfo(account, name);
    }

    private void assertMatchesDatabase(String name) {
        assertThat(described(name)).as(name)
                .isEqualTo(truth.findWithCertificate(account, name).map(DomainStore.WithCertificate::describe));
    }

    private VodDomain stored(String name) {
        return truth.find(account, name).orElseThrow();
    }

    @Test
    void describeFollowsEveryWriteOnceLoaded() {
        service.insert(domain(account, "a.example.com"));
        service.insert(domain(account, "b.example.com"));
        assertThat(db.loadDomainMirror()).isEqualTo(2);
        assertThat(db.domainMirror().domains.isComplete()).isTrue();
        assertMatchesDatabase("a.example.com");
        assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("off");
        assertThat(service.findCertificateInfo(account + 1, "a.example.com")).as("another account's").isEmpty();
        assertThat(described("unknown.example.com")).isEmpty();

        service.setSslProtocol(stored("a.example.com").id(), "on", 5L);
        assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("on");
        service.attachNewCertificate(stored("a.example.com"), certificate(account, "pem1"), "a.example.com", 6L);
        assertThat(described("a.example.com").orElseThrow().certificate().certificatePem()).isEqualTo("pem1");
        assertMatchesDatabase("a.example.com");

        long certId = stored("a.example.com").certId();
        db.jdbi().useHandle(h -> h.execute("UPDATE vod_domain SET cert_id = ?, cert_domain_name = '*.example.com' "
                + "WHERE domain_name = 'b.example.com'", certId));
        assertThat(described("b.example.com").orElseThrow().certDomainName()).isEqualTo("*.example.com");
        db.jdbi().useHandle(h -> h.execute("UPDATE certificate SET cert_name = 'renamed' WHERE id = ?", certId));
        assertThat(described("b.example.com").orElseThrow().certificate().certName()).isEqualTo("renamed");
        assertThat(described("a.example.com").orElseThrow().certificate().certName()).isEqualTo("renamed");

        new FreeCertificateStore(db).request(stored("b.example.com").id(), 8L);
        assertThat(described("b.example.com").orElseThrow().freeStatus()).isEqualTo("checking");

        service.delete(stored("a.example.com"));
        assertThat(described("a.example.com")).isEmpty();
        service.insert(domain(account, "c.example.com"));
        assertThat(described("c.example.com")).isPresent();
        for (String name : List.of("a.example.com", "b.example.com", "c.example.com", "unknown.example.com")) {
            assertMatchesDatabase(name);
        }
    }

    /** Read while another thread's transaction holds a change: the old answer then, the new one at its end. */
    @Test
    void aReadDuringAnUncommittedWriteIsNotKeptPastItsCommit() throws Exception {
        service.insert(domain(account, "a.example.com"));
        db.loadDomainMirror();
        long id = stored("a.example.com").id();
        assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("off");
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> done = writer.submit(() -> db.jdbi().useTransaction(h -> {
                h.execute("UPDATE vod_domain SET ssl_protocol = 'on' WHERE id = ?", id);
                written.countDown();
                await(commit);
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                assertThat(described("a.example.com").orElseThrow().sslProtocol()).as("uncommitted").isEqualTo("off");
            }
            commit.countDown();
            done.get(10, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("on");
        assertMatchesDatabase("a.example.com");
    }

    @Test
    void aRolledBackWriteLeavesTheAnswer() {
        service.insert(domain(account, "a.example.com"));
        db.loadDomainMirror();
        long id = stored("a.example.com").id();
        described("a.example.com");
        try (Handle h = db.jdbi().open()) {
            h.begin();
            h.execute("UPDATE vod_domain SET ssl_protocol = 'on' WHERE id = ?", id);
            h.execute("DELETE FROM vod_domain WHERE id = ?", id);
            h.rollback();
        }
        assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("off");
        assertMatchesDatabase("a.example.com");
    }

    /**
     * Plain JDBC on the same file, as a test or a tool in the service's JVM might write: nobody reports
     * its end, so the row is read from the database from then on, and the change is seen at once.
     */
    @Test
    void aWriteNobodyReportsIsReadFromTheDatabase() throws Exception {
        service.insert(domain(account, "a.example.com"));
        db.loadDomainMirror();
        assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("off");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE vod_domain SET ssl_protocol = 'on'");
            assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("off");
            c.commit();
            assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("on");
            s.executeUpdate("INSERT INTO vod_domain (account_id, domain_name, cname, domain_status, scope, sources, "
                    + "ssl_protocol, gmt_created, gmt_modified) SELECT account_id, 'new.example.com', cname, "
                    + "domain_status, scope, sources, 'off', 1, 1 FROM vod_domain");
            c.commit();
        }
        assertThat(described("new.example.com")).isPresent();
        assertMatchesDatabase("a.example.com");
        assertMatchesDatabase("new.example.com");
    }

    /**
     * A second {@link Database} on the same file in the same JVM (an admin command run inside the
     * service's process, as tests do) has a mirror of its own: the service's still hears every write,
     * the other's included, and still does after the other closes.
     */
    @Test
    void aSecondDatabaseOnTheFileLeavesTheServicesMirrorTrue() {
        service.insert(domain(account, "a.example.com"));
        db.loadDomainMirror();
        assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("off");
        try (Database other = Database.open(url, null, null, 2)) {
            DomainStore admin = new DomainStore(other);
            admin.setSslProtocol(stored("a.example.com").id(), "on", 2L);
            assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("on");
            assertThat(admin.findCertificateInfo(account, "a.example.com").orElseThrow().sslProtocol()).isEqualTo("on");
        }
        service.setSslProtocol(stored("a.example.com").id(), "off", 3L);
        assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("off");
        try (Database other = Database.open(url, null, null, 2)) {
            new DomainStore(other).setSslProtocol(stored("a.example.com").id(), "on", 4L);
        }
        assertThat(described("a.example.com").orElseThrow().sslProtocol()).isEqualTo("on");
        assertMatchesDatabase("a.example.com");
    }

    /**
     * A lifecycle save that finds what the last check found (a recheck of a domain in
     * {@code cname_error}) writes no domain row: the mirror hears of no change to it.
     */
    @Test
    void aRecheckThatChangesNothingWritesNoDomainRow() {
        service.insert(domain(account, "a.example.com"));
        long id = stored("a.example.com").id();
        FreeCertificateStore free = new FreeCertificateStore(db);
        free.request(id, 1L);
        assertThat(free.takeLease(id, "node", 2L, 1_000L)).isTrue();
        dev.vodcert.issuance.FreeCertificate checking = free.find(id).orElseThrow();
        dev.vodcert.issuance.FreeCertificate failed = checking.withStatus(dev.vodcert.issuance.FreeCertStatus.CNAME_ERROR);
        assertThat(free.save(failed, "node", true, 3L)).isTrue();
        db.loadDomainMirror();
        assertThat(described("a.example.com").orElseThrow().freeStatus()).isEqualTo("cname_error");
        long changes = db.domainMirror().domains.changes();

        assertThat(free.save(failed, "node", true, 4L)).isTrue();
        assertThat(db.domainMirror().domains.changes()).as("no domain row written").isEqualTo(changes);
        assertThat(free.save(failed.withStatus(dev.vodcert.issuance.FreeCertStatus.CHECKING), "node", true, 5L)).isTrue();
        assertThat(db.domainMirror().domains.changes()).as("the status changed").isGreaterThan(changes);
        assertThat(described("a.example.com").orElseThrow().freeStatus()).isEqualTo("checking");
        assertMatchesDatabase("a.example.com");
    }

    /** Through an H2 server other processes can write too, and triggers would run there: no mirror. */
    @Test
    void anH2ServerGetsNoMirror() throws Exception {
        org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try (Database remote = Database.open("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:remote", null,
                null, 2)) {
            assertThat(remote.domainMirror()).isNull();
            DomainStore store = new DomainStore(remote);
            long other = new AccessKeyStore(remote).createAccount("a", 1L);
            store.insert(domain(other, "a.example.com"));
            assertThat(store.findCertificateInfo(other, "a.example.com")).isPresent();
        } finally {
            server.stop();
        }
    }

    /** Writers and readers run while the load fills the mirror; afterwards every answer equals the database. */
    @Test
    void writesDuringTheLoadLeaveNoStaleAnswer() throws Exception {
        int count = 3 * DomainMirror.LOAD_BATCH / 2;
        db.jdbi().useHandle(h -> {
            var batch = h.prepareBatch("INSERT INTO vod_domain (account_id, domain_name, cname, domain_status, scope, "
                    + "sources, ssl_protocol, gmt_created, gmt_modified) VALUES (?, ?, 'c', 'online', 'domestic', "
                    + "'[]', 'off', 1, 1)");
            for (int i = 0; i < count; i++) {
                batch.add(account, name(i));
            }
            batch.execute();
        });
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long seed = t;
                work.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    while (loading.get()) {
                        VodDomain d = stored(name(random.nextInt(count)));
                        if (random.nextBoolean()) {
                            service.setSslProtocol(d.id(), random.nextBoolean() ? "on" : "off", 2L);
                        } else {
                            service.attachNewCertificate(d, certificate(account, "pem" + random.nextInt()),
                                    d.domainName(), 3L);
                        }
                        described(d.domainName());
                    }
                }));
                work.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed + 10);
                    while (loading.get()) {
                        described(name(random.nextInt(count)));
                    }
                }));
            }
            assertThat(db.loadDomainMirror()).isEqualTo(count);
            Thread.sleep(200);
            loading.set(false);
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < count; i++) {
            assertMatchesDatabase(name(i));
        }
    }

    private static String name(int i) {
        return "d" + i + ".example.com";
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
