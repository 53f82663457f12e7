package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.issuance.FreeCertStatus;
import dev.vodcert.issuance.FreeCertificate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repositories' behaviour, the same on every database vodcert supports: each subclass opens a
 * fresh, migrated database of its kind. Run by {@link H2StoreTest} and {@link PostgresStoreTest}.
 */
abstract class StoreContract {
    Database db;
    String url;

    /** A JDBC URL of a new, empty database. */
    abstract String newUrl();

    abstract String user();

    abstract String password();

    abstract boolean expectShared();

    Database open() {
        return Database.open(url, user(), password(), 4);
    }

    @BeforeEach
    void openDatabase() {
        url = newUrl();
        db = open();
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void migrationsCreateEveryTableAndReportTheKindOfDatabase() {
        for (String table : List.of("account", "access_key", "certificate", "vod_domain", "signature_nonce")) {
            long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                    .mapTo(Long.class).one());
            assertThat(rows).as(table).isZero();
        }
        assertThat(db.isShared()).isEqualTo(expectShared());
        assertThat(db.isReachable()).isTrue();
    }

    @Test
    void aPoolOfOneConnectionMigratesAndServes() {
        try (Database single = Database.open(newUrl(), user(), password(), 1)) {
            AccessKeyStore keys = new AccessKeyStore(single.jdbi());
            long account = keys.accountIdFor("solo", 1L);
            assertThat(keys.accountIdFor("solo", 2L)).isEqualTo(account);
            assertThat(single.isReachable()).isTrue();
        }
    }

    @Test
    void reopeningMigratesNothingAndKeepsRows() {
        new AccessKeyStore(db.jdbi()).createAccount("kept", 1L);
        db.close();
        db = open();
        assertThat(new AccessKeyStore(db.jdbi()).accountByName("kept")).isPresent();
    }

    @Test
    void accountsAreUniqueByNameAndMadeOnce() {
        AccessKeyStore keys = new AccessKeyStore(db.jdbi());
        long first = keys.accountIdFor("team", 10L);
        assertThat(keys.accountIdFor("team", 20L)).isEqualTo(first);
        assertThat(keys.accountIdFor("other", 30L)).isGreaterThan(first);
        assertThatThrownBy(() -> keys.createAccount("team", 40L)).matches(UniqueViolation::isCause);
    }

    @Test
    void accessKeysRoundTripWithTheirEnabledFlag() {
        AccessKeyStore keys = new AccessKeyStore(db.jdbi());
        long account = keys.createAccount("a", 1L);
        assertThat(keys.any()).isEmpty();
        keys.addKey(new AccessKeyStore.Row("LTAIkey1", account, "v1:secret1", true, 5L));
        assertThat(keys.addKeyIfAbsent(new AccessKeyStore.Row("LTAIkey1", account, "v1:other", true, 6L))).isFalse();
        assertThat(keys.addKeyIfAbsent(new AccessKeyStore.Row("LTAIkey2", account, "v1:secret2", true, 7L))).isTrue();
        assertThat(keys.find("LTAIkey1")).contains(new AccessKeyStore.Row("LTAIkey1", account, "v1:secret1", true, 5L));
        assertThat(keys.any()).map(AccessKeyStore.Row::accessKeyId).contains("LTAIkey1");
        assertThat(keys.setEnabled("LTAIkey1", false)).isTrue();
        assertThat(keys.find("LTAIkey1")).map(AccessKeyStore.Row::enabled).contains(false);
        assertThat(keys.setEnabled("nosuch", false)).isFalse();
        assertThat(keys.list()).extracting(AccessKeyStore.Row::accessKeyId).containsExactly("LTAIkey1", "LTAIkey2");
        assertThat(keys.delete("LTAIkey1")).isTrue();
        assertThat(keys.delete("LTAIkey1")).isFalse();
        assertThat(keys.count()).isEqualTo(1);
    }

    @Test
    void domainNamesAreUniqueAcrossAccountsAndReadsAreScoped() {
        AccessKeyStore keys = new AccessKeyStore(db.jdbi());
        long a = keys.createAccount("a", 1L);
        long b = keys.createAccount("b", 1L);
        DomainStore domains = new DomainStore(db.jdbi());
        assertThat(domains.insert(domain(a, "video.example.com"))).isTrue();
        assertThat(domains.insert(domain(b, "video.example.com"))).isFalse();
        assertThat(domains.find(a, "video.example.com")).map(VodDomain::cname)
                .contains("video.example.com.w.alikunlun.com");
        assertThat(domains.find(b, "video.example.com")).isEmpty();
        assertThat(domains.countByAccount(a)).isEqualTo(1);
        assertThat(domains.countByAccount(b)).isZero();
    }

    /** An account with one domain, {@code cdn.example.com}, as read back from a store over the bare Jdbi. */
    private record OneDomain(long account, DomainStore domains, VodDomain read) {
    }

    private OneDomain oneDomain() {
        long account = new AccessKeyStore(db.jdbi()).createAccount("a", 1L);
        DomainStore domains = new DomainStore(db.jdbi());
        domains.insert(domain(account, "cdn.example.com"));
        return new OneDomain(account, domains, domains.find(account, "cdn.example.com").orElseThrow());
    }

    @Test
    void certificatesAttachInOneTransactionAndReplacedUploadsGo() {
        OneDomain one = oneDomain();
        long account = one.account();
        DomainStore domains = one.domains();
        VodDomain d = one.read();
        String bigPem = "-----BEGIN CERTIFICATE-----\n" + "A".repeat(60_000) + "\n-----END CERTIFICATE-----\n";
        StoredCertificate first = domains.attachNewCertificate(d, certificate(account, bigPem), "cdn.example.com", 50L).orElseThrow();
        DomainStore.WithCertificate read = domains.findWithCertificate(account, "cdn.example.com").orElseThrow();
        assertThat(read.certificate()).isEqualTo(first);
        assertThat(read.certificate().certificatePem()).isEqualTo(bigPem);
        assertThat(read.domain().sslProtocol()).isEqualTo("on");
        assertThat(read.domain().gmtModified()).isEqualTo(50L);

        VodDomain withFirst = read.domain();
        StoredCertificate second = domains.attachNewCertificate(withFirst, certificate(account, "pem2"), "cdn.example.com",
                60L).orElseThrow();
        assertThat(second.id()).isGreaterThan(first.id());
        CertificateStore certificates = new CertificateStore(db.jdbi());
        assertThat(certificates.find(account, first.id())).isEmpty();
        assertThat(certificates.find(account, second.id())).contains(second);
        domains.setSslProtocol(withFirst.id(), "off", 70L);
        assertThat(domains.find(account, "cdn.example.com")).map(VodDomain::sslProtocol).contains("off");
    }

    /**
     * Two replacements of one domain's certificate from the same earlier read (two requests at once):
     * each deletes the upload the domain pointed at when it ran, so no certificate is left unused.
     */
    @Test
    void aReplacementFromAStaleReadDeletesTheUploadItReallyReplaces() {
        OneDomain one = oneDomain();
        long account = one.account();
        DomainStore domains = one.domains();
        VodDomain read = one.read();

        StoredCertificate first = domains.attachNewCertificate(read, certificate(account, "pem1"), "cdn.example.com", 50L).orElseThrow();
        StoredCertificate second = domains.attachNewCertificate(read, certificate(account, "pem2"), "cdn.example.com", 60L).orElseThrow();
        CertificateStore certificates = new CertificateStore(db.jdbi());
        assertThat(certificates.find(account, first.id())).isEmpty();
        assertThat(certificates.find(account, second.id())).contains(second);

        StoredCertificate third = domains.attachNewCertificate(read, certificate(account, "pem3"), "cdn.example.com", 70L).orElseThrow();
        assertThat(certificates.find(account, second.id())).isEmpty();
        assertThat(domains.find(account, "cdn.example.com").orElseThrow().certId()).isEqualTo(third.id());
    }

    /**
     * The describe query reads the lifecycle status from the domain row ({@code vod_domain.free_status},
     * V8): every write of the lifecycle keeps that copy equal to {@code free_certificate.status}.
     */
    @Test
    void theDomainRowCarriesTheFreeCertificateStatusThroughTheLifecycle() {
        long account = new AccessKeyStore(db.jdbi()).createAccount("a", 1L);
        DomainStore domains = new DomainStore(db.jdbi());
        domains.insert(domain(account, "free.example.com"));
        long id = domains.find(account, "free.example.com").orElseThrow().id();
        FreeCertificateStore free = new FreeCertificateStore(db.jdbi());
        assertThat(freeStatus(domains, account)).isNull();

        free.request(id, 10L);
        assertThat(freeStatus(domains, account)).isEqualTo("checking").isEqualTo(storedStatus(free, id));
        assertThat(free.takeLease(id, "node-a", 20L, 1_000L)).isTrue();
        FreeCertificate checked = free.find(id).orElseThrow();
        assertThat(free.save(new FreeCertificate(id, FreeCertStatus.CNAME_ERROR, "cname_error", 0, 1, 500L, null,
                "elsewhere.example.net", "127.0.0.1", "wrong CNAME", 20L, null, null, null, 0, checked.createdAt(),
                20L), "node-a", false, 20L)).isTrue();
        assertThat(freeStatus(domains, account)).isEqualTo("cname_error").isEqualTo(storedStatus(free, id));
        assertThat(domains.find(account, "free.example.com").orElseThrow().cnameStatus()).isEqualTo("cname_error");

        free.request(id, 30L);
        assertThat(freeStatus(domains, account)).isEqualTo("checking").isEqualTo(storedStatus(free, id));
        assertThat(free.recordIssued(id, certificate(account, "pem"), "free.example.com", true, 900L, 40L)).isTrue();
        assertThat(freeStatus(domains, account)).isEqualTo("success").isEqualTo(storedStatus(free, id));
        assertThat(domains.find(account, "free.example.com").orElseThrow().cnameStatus())
                .as("a save without a CNAME status keeps the domain's").isEqualTo("cname_error");

        assertThat(free.stop(id)).isTrue();
        assertThat(freeStatus(domains, account)).isNull();
        assertThat(free.find(id)).isEmpty();
    }

    private static String freeStatus(DomainStore domains, long account) {
        return domains.findWithCertificate(account, "free.example.com").orElseThrow().freeStatus();
    }

    private static String storedStatus(FreeCertificateStore free, long domainId) {
        return free.find(domainId).orElseThrow().status().wire();
    }

    @Test
    void theServicesLookupsSeeEveryWriteOfTheService() {
        AccessKeyStore keys = new AccessKeyStore(db);
        long account = keys.createAccount("a", 1L);
        DomainStore domains = new DomainStore(db);
        assertThat(domains.findWithCertificate(account, "cdn.example.com")).isEmpty();
        assertThat(keys.find("LTAIkey1")).isEmpty();

        domains.insert(domain(account, "cdn.example.com"));
        keys.addKey(new AccessKeyStore.Row("LTAIkey1", account, "enc", true, 1L));
        VodDomain d = domains.findWithCertificate(account, "cdn.example.com").orElseThrow().domain();
        assertThat(d.sslProtocol()).isEqualTo("off");
        assertThat(keys.find("LTAIkey1")).map(AccessKeyStore.Row::enabled).contains(true);

        StoredCertificate attached = domains.attachNewCertificate(d, certificate(account, "pem1"), "cdn.example.com", 50L).orElseThrow();
        keys.setEnabled("LTAIkey1", false);
        DomainStore.WithCertificate read = domains.findWithCertificate(account, "cdn.example.com").orElseThrow();
        assertThat(read.certificate()).isEqualTo(attached);
        assertThat(read.domain().sslProtocol()).isEqualTo("on");
        assertThat(keys.find("LTAIkey1")).map(AccessKeyStore.Row::enabled).contains(false);

        domains.setSslProtocol(d.id(), "off", 70L);
        keys.delete("LTAIkey1");
        assertThat(domains.findWithCertificate(account, "cdn.example.com")).map(w -> w.domain().sslProtocol())
                .contains("off");
        assertThat(keys.find("LTAIkey1")).isEmpty();
    }

    /** A change the service did not make: another node, or an admin command, on the same database. */
    private void setStatusBehind(String status) {
        Jdbi behind = user() == null ? Jdbi.create(url) : Jdbi.create(url, user(), password());
        behind.useHandle(h -> h.createUpdate("UPDATE vod_domain SET domain_status = :s").bind("s", status).execute());
    }

    private static Optional<String> statusOf(DomainStore domains, long account) {
        return domains.findWithCertificate(account, "cdn.example.com").map(w -> w.domain().domainStatus());
    }

    @Test
    void lookupsAreRememberedOnlyWhereNoOtherProcessCanWrite() {
        long account = new AccessKeyStore(db).createAccount("a", 1L);
        DomainStore domains = new DomainStore(db);
        domains.insert(domain(account, "cdn.example.com"));
        assertThat(statusOf(domains, account)).contains("online");

        // a change the service did not make: another node, or an admin command, on a shared database
        setStatusBehind("offline");
        String expected = expectShared() ? "offline" : "online";
        assertThat(statusOf(domains, account)).contains(expected);

        // any handle of the service closing (as every write of the service does) ends what was remembered
        db.jdbi().useHandle(h -> h.execute("SELECT 1"));
        assertThat(statusOf(domains, account)).contains("offline");
    }

    @Test
    void aWriteInPlainJdbcEndsWhatWasRememberedToo() {
        AccessKeyStore keys = new AccessKeyStore(db);
        long account = keys.accountIdFor("a", 1L);
        DomainStore domains = new DomainStore(db);
        domains.insert(domain(account, "cdn.example.com"));
        assertThat(statusOf(domains, account)).contains("online");
        setStatusBehind("offline");

        // writes without a Jdbi handle (as the start makes them): each one moves the count when it returns
        keys.addKey(new AccessKeyStore.Row("LTAIplain1", account, "enc", true, 1L));
        assertThat(statusOf(domains, account)).contains("offline");
        setStatusBehind("online");
        assertThat(keys.accountIdFor("b", 2L)).isNotEqualTo(account);
        assertThat(statusOf(domains, account)).contains("online");
        // a failed write (the id exists) changed nothing, and counts all the same
        setStatusBehind("offline");
        assertThat(keys.addKeyIfAbsent(new AccessKeyStore.Row("LTAIplain1", account, "other", true, 2L))).isFalse();
        assertThat(keys.find("LTAIplain1")).map(AccessKeyStore.Row::secretEnc).contains("enc");
        assertThat(statusOf(domains, account)).contains("offline");
    }

    @Test
    void theStartsPlainStatementsReadAndWriteAsTheJdbiOnesDid() {
        AccessKeyStore keys = new AccessKeyStore(db);
        assertThat(keys.count()).isZero();
        assertThat(keys.any()).isEmpty();
        assertThat(EncryptedColumns.anyValue(db)).isEmpty();
        long account = keys.accountIdFor("default", 1L);
        assertThat(keys.accountIdFor("default", 2L)).isEqualTo(account);
        // an account another node made: inserting it again is a unique violation (accountIdFor then reads it)
        long other = new AccessKeyStore(db.jdbi()).createAccount("raced", 3L);
        assertThatThrownBy(() -> keys.createAccount("raced", 4L)).matches(UniqueViolation::isCause);
        assertThat(keys.accountIdFor("raced", 4L)).isEqualTo(other);

        assertThat(keys.addKeyIfAbsent(new AccessKeyStore.Row("LTAIfirst", account, "enc1", true, 5L))).isTrue();
        assertThat(keys.addKeyIfAbsent(new AccessKeyStore.Row("LTAIfirst", other, "enc2", true, 6L))).isFalse();
        assertThat(keys.count()).isEqualTo(1);
        assertThat(keys.any()).contains(new AccessKeyStore.Row("LTAIfirst", account, "enc1", true, 5L));
        assertThat(EncryptedColumns.anyValue(db)).contains("enc1");
    }

    @Test
    void aSchemaFromANewerVodcertIsRefusedAndLeftAsItWas() {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                + "\"success\") VALUES (99, '99', 'from a newer vodcert', 'SQL', 'V99__newer.sql', 0, 'test', 1, TRUE)"));
        List<String> before = schemaHistory();
        db.close();
        db = null;
        assertThatThrownBy(this::open).isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("schema at " + url)
                .hasMessageContaining("version 99, newer than this vodcert knows ("
                        + dev.vodcert.testing.Migrations.latestVersion() + ")")
                .hasMessageContaining("the database was not changed");
        assertThat(schemaHistory()).isEqualTo(before).contains("1", String.valueOf(dev.vodcert.testing.Migrations.latestVersion()), "99");
    }

    /** The schema history read with a plain connection (no pool, no Flyway). */
    private List<String> schemaHistory() {
        Jdbi plain = user() == null ? Jdbi.create(url) : Jdbi.create(url, user(), password());
        return plain.withHandle((Handle h) -> h.createQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")
                .mapTo(String.class).list());
    }

    static VodDomain domain(long account, String name) {
        return new VodDomain(0, account, name, name + ".w.alikunlun.com", "online", "domestic",
                "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]", null, name, null,
                "off", null, null, null, 1L, 1L);
    }

    static StoredCertificate certificate(long account, String pem) {
        return new StoredCertificate(0, account, "upload", "name", "cn-hangzhou", pem, "v1:key", "cn", "org",
                "ab".repeat(32), 1L, 2L, 3L, 4L);
    }
}
