package dev.vodcert.issuance;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.domain.DomainName;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.Scope;
import dev.vodcert.domain.Sources;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.store.AccessKeyStore;
import dev.vodcert.store.CertificateOrderStore;
import dev.vodcert.store.Database;
import dev.vodcert.store.DomainStore;
import dev.vodcert.store.FreeCertificateStore;
import dev.vodcert.testing.TempFolders;
import dev.vodcert.testing.TestClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lifecycle's parts over a private in-memory H2 database (gone when the pool closes), for tests that need more than one
 * node, a crash, or an issuer that misbehaves: real stores, real local CA, a {@link TestClock}.
 */
final class LifecycleFixture implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";

    final TestClock clock;
    final Database database;
    final DomainStore domains;
    final DomainService domainService;
    final FreeCertificateStore store;
    final CertificateOrderStore orders;
    final CertificateIntake intake;
    final LocalCa ca;
    final long accountId;
    private final Path caDir = TempFolders.create("lifecycle-ca");

    LifecycleFixture(TestClock clock) {
        this(clock, Database.open("jdbc:h2:mem:lifecycle" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", null, null, 4));
    }

    /** Over a given (migrated, empty) database, such as PostgreSQL. */
    LifecycleFixture(TestClock clock, Database database) {
        this.clock = clock;
        this.database = database;
        this.domains = new DomainStore(database.jdbi());
        this.domainService = new DomainService(domains, clock, "w.alikunlun.com", 100_000);
        this.store = new FreeCertificateStore(database.jdbi());
        this.orders = new CertificateOrderStore(database.jdbi());
        byte[] key = new byte[KeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        KeyCipher cipher = new KeyCipher(key);
        this.intake = new CertificateIntake(cipher, clock, "cn-hangzhou");
        this.ca = LocalCa.loadOrCreate(caDir, cipher, clock);
        this.accountId = new AccessKeyStore(database.jdbi()).createAccount("lifecycle", clock.millis());
    }

    VodDomain addDomain(String name) {
        domainService.add(accountId, DomainName.parse(name), Sources.parse(SOURCES), Scope.parse(null), null, null);
        return domain(name);
    }

    VodDomain domain(String name) {
        return domains.find(accountId, DomainName.parse(name).ascii()).orElseThrow();
    }

    FreeCertificate row(VodDomain d) {
        return store.find(d.id()).orElseThrow();
    }

    LocalCaIssuer localCa() {
        return new LocalCaIssuer(ca, clock, Duration.ofDays(90));
    }

    /** A node of the cluster: its own lease owner name, sharing the database. */
    Lifecycle node(String owner, CnameCheck check, Issuer issuer, RateLimits limits) {
        return new Lifecycle(store, check, new RateLimiter(orders, limits), new IssueStep(issuer, intake, store, clock),
                clock, owner);
    }

    FreeCertificatesService service() {
        return new FreeCertificatesService(store, clock);
    }


    @Override
    public void close() {
        database.close();
        TempFolders.delete(caDir);
    }
}
