package dev.vodcert.store;

import dev.vodcert.testing.TempFolders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.domain.VodDomain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The certificate store's SQL (migration V3, {@link CasCertificateStore},
 * {@link DomainStore#attachStoredCertificate}) on both databases vodcert runs on: H2 and
 * PostgreSQL (embedded, started for this class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasCertificateStoreTest {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private EmbeddedPostgres postgres;
    private Database h2;
    private Database pg;

    @BeforeAll
    void open() throws Exception {
        h2 = Database.open(Database.h2Url(TempFolders.create("vodcert-store")), null, null, 4);
        postgres = EmbeddedPostgres.start();
        pg = Database.open(postgres.getJdbcUrl("postgres", "postgres"), null, null, 4);
    }

    @AfterAll
    void close() throws Exception {
        h2.close();
        pg.close();
        postgres.close();
    }

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private Fixture fixture(String database) {
        return new Fixture(database.equals("h2") ? h2 : pg);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNameIsKeptOnceAndASecondCertificateUnderItIsRefused(String database) {
        Fixture f = fixture(database);
        long first = f.store.add(f.row("shared", "pem-1", 1000)).orElseThrow();
        VodDomain a = f.domain();
        assertThat(f.domains.attachStoredCertificate(a, first, "*.x", 1)).isTrue();

        assertThat(f.store.add(f.row("shared", "pem-2", 2000))).isEmpty();
        assertThat(f.store.find(f.account, first).orElseThrow().certificatePem()).isEqualTo("pem-1");
        assertThat(f.domains.find(f.account, a.domainName()).orElseThrow().certDomainName()).isEqualTo("*.x");
        assertThat(f.store.find(f.account + 1_000_000, first)).isEmpty();
        assertThat(f.store.add(f.row("shared-2", "pem-3", 3000))).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCertificateInUseIsNotDeleted(String database) {
        Fixture f = fixture(database);
        long id = f.store.add(f.row("used", "pem", 1000)).orElseThrow();
        VodDomain a = f.domain();
        f.domains.attachStoredCertificate(a, id, "x", 1);
        CasCertificateStore.Deletion refused = f.store.delete(f.account, id);
        assertThat(refused.found()).isTrue();
        assertThat(refused.deleted()).isFalse();
        assertThat(refused.usedBy()).containsExactly(a.domainName());
        assertThat(f.store.find(f.account, id)).isPresent();

        long other = f.store.add(f.row("free", "pem", 1000)).orElseThrow();
        assertThat(f.store.delete(f.account, other).deleted()).isTrue();
        assertThat(f.store.delete(f.account, other).found()).isFalse();
        assertThat(f.domains.attachStoredCertificate(f.domain(), other, "x", 1)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pagesFilterByNotAfterAndKeywordTakenLiterally(String database) {
        Fixture f = fixture(database);
        long a = f.store.add(f.row("100%_done", "pem", 1000)).orElseThrow();
        long b = f.store.add(f.row("100x-done", "pem", 2000)).orElseThrow();
        long c = f.store.add(f.row("other", "pem", 3000)).orElseThrow();
        var all = new CasCertificateStore.Filter(null, null, null);
        assertThat(ids(f.store.page(f.account, all, 0, 2))).containsExactly(c, b);
        assertThat(ids(f.store.page(f.account, all, 2, 2))).containsExactly(a);
        assertThat(f.store.count(f.account, all)).isEqualTo(3);
        assertThat(ids(f.store.page(f.account, new CasCertificateStore.Filter(null, null, "%_"), 0, 10)))
                .containsExactly(a);
        assertThat(ids(f.store.page(f.account, new CasCertificateStore.Filter(1000L, 2000L, null), 0, 10)))
                .containsExactly(b);
        assertThat(f.store.count(f.account, new CasCertificateStore.Filter(null, null, "100"))).isEqualTo(2);
    }

    private static List<Long> ids(List<StoredCertificate> rows) {
        return rows.stream().map(StoredCertificate::id).toList();
    }

    /** A fresh account on one database, with its stores. */
    private static final class Fixture {
        final CasCertificateStore store;
        final DomainStore domains;
        final long account;

        Fixture(Database db) {
            store = new CasCertificateStore(db.jdbi());
            domains = new DomainStore(db.jdbi());
            account = new AccessKeyStore(db.jdbi()).createAccount("store-" + NEXT.incrementAndGet(), 0);
        }

        StoredCertificate row(String name, String pem, long notAfter) {
            return new StoredCertificate(0, account, "cas", name, "cn-hangzhou", pem, "enc", "cn", "org", "fp", 0,
                    notAfter, 5, 5);
        }

        VodDomain domain() {
            String name = "d" + NEXT.incrementAndGet() + ".example.com";
            domains.insert(new VodDomain(0, account, name, name + ".w.alikunlun.com", "online", "domestic", "[]", null,
                    null, null, "off", null, null, null, 0, 0));
            return domains.find(account, name).orElseThrow();
        }
    }
}
