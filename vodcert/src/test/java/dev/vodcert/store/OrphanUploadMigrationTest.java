package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V11 removes the uploads an earlier version left without a domain (a certificate set racing the
 * domain's deletion), and nothing else: uploads a domain uses, stored ({@code cas}) certificates
 * and free certificates stay.
 */
class OrphanUploadMigrationTest {
    @TempDir
    Path dir;

    @Test
    void migratingToV11DeletesOnlyUploadsNoDomainUses() {
        String url = Database.h2Url(dir.resolve("old"));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("8").load().migrate();
        Jdbi.create(url).useHandle((Handle h) -> {
            h.execute("INSERT INTO account (id, name, created_at) VALUES (1, 'a', 1)");
            for (int id = 1; id <= 4; id++) {
                String type = id <= 2 ? "upload" : id == 3 ? "cas" : "free";
                h.execute("INSERT INTO certificate (id, account_id, cert_type, cert_name, cert_region, certificate_pem, "
                        + "private_key_enc, common_name, issuer_org, fingerprint, not_before, not_after, created_at, "
                        + "updated_at" + (id == 3 ? ", cas_name" : "") + ") VALUES (" + id + ", 1, '" + type
                        + "', 'n', 'cn-hangzhou', 'pem', 'key', 'cn', 'org', 'fp', 1, 2, 1, 1"
                        + (id == 3 ? ", 'stored'" : "") + ")");
            }
            h.execute("INSERT INTO vod_domain (id, account_id, domain_name, cname, domain_status, scope, sources, "
                    + "ssl_protocol, cert_id, gmt_created, gmt_modified) VALUES (1, 1, 'd.example.com', 'c', "
                    + "'online', 'domestic', '[]', 'on', 2, 1, 1)");
        });

        try (Database db = Database.open(url, null, null, 1)) {
            List<Long> left = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM certificate ORDER BY id")
                    .mapTo(Long.class).list());
            assertThat(left).containsExactly(2L, 3L, 4L);
        }
    }
}
