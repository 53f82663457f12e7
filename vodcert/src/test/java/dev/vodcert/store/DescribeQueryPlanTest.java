package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query of every {@code DescribeVodDomainCertificateInfo} reads the domain through its name index
 * and the certificate by key, and no {@code free_certificate} page: at 1,000,000 domains each table
 * a lookup touches costs a random page miss (bench/README.md, "the describe query's page cache").
 */
class DescribeQueryPlanTest {
    @TempDir
    Path dir;

    @Test
    void theDescribeQueryReadsTheDomainByNameAndTheCertificateByKeyOnly() {
        try (Database db = Database.open(Database.h2Url(dir), null, null, 1)) {
            String plan = db.jdbi().withHandle(h -> h.createQuery("EXPLAIN " + DomainStore.FIND_WITH_CERTIFICATE
                    .replace("d.domain_name = ?", "d.domain_name = 'a.example.com'")
                    .replace("d.account_id = ?", "d.account_id = 1")).mapTo(String.class).one());
            assertThat(plan).doesNotContainIgnoringCase("FREE_CERTIFICATE")
                    .doesNotContainIgnoringCase("tableScan")
                    .containsPattern("/\\* PUBLIC\\.(VOD_DOMAIN_BY_ACCOUNT|CONSTRAINT_INDEX_\\w+): DOMAIN_NAME = 'a.example.com'")
                    .containsIgnoringCase("PRIMARY_KEY");
        }
    }

    /** A database that had free certificates before V8 gets their statuses copied onto its domains. */
    @Test
    void migratingToV8CopiesEachLifecycleStatusOntoItsDomain() {
        String url = Database.h2Url(dir.resolve("old"));
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .target("7").load().migrate();
        Jdbi.create(url).useHandle((Handle h) -> {
            h.execute("INSERT INTO account (id, name, created_at) VALUES (1, 'a', 1)");
            for (int i = 1; i <= 3; i++) {
                h.execute("INSERT INTO vod_domain (id, account_id, domain_name, cname, domain_status, scope, sources, "
                        + "ssl_protocol, gmt_created, gmt_modified) VALUES (" + i + ", 1, 'd" + i + ".example.com', "
                        + "'c', 'online', 'domestic', '[]', 'off', 1, 1)");
            }
            h.execute("INSERT INTO free_certificate (domain_id, status, attempts, checks, next_attempt_at, "
                    + "lease_expires_at, created_at, updated_at) VALUES (1, 'success', 0, 0, 5, 0, 1, 1), "
                    + "(2, 'cname_error', 0, 1, 5, 0, 1, 1)");
        });
        try (Database db = Database.open(url, null, null, 1)) {
            DomainStore domains = new DomainStore(db.jdbi());
            assertThat(domains.findWithCertificate(1, "d1.example.com").orElseThrow().freeStatus()).isEqualTo("success");
            assertThat(domains.findWithCertificate(1, "d2.example.com").orElseThrow().freeStatus())
                    .isEqualTo("cname_error");
            assertThat(domains.findWithCertificate(1, "d3.example.com").orElseThrow().freeStatus()).isNull();
        }
    }
}
