package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle's periodic statements over the whole {@code free_certificate} table go through an
 * index, not a scan of every row (bench/README.md measures them at 1,000,000 domains).
 */
class FreeCertificateScanPlanTest {
    private Database db;

    @BeforeEach
    void open(@TempDir Path dir) {
        db = Database.open(Database.h2Url(dir), null, null, 1);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String plan(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery("EXPLAIN " + sql).mapTo(String.class).one());
    }

    @Test
    void theDueScanReadsTheNextAttemptIndex() {
        assertThat(plan("SELECT domain_id FROM free_certificate WHERE next_attempt_at <= 1000 "
                + "AND lease_expires_at < 1000 ORDER BY next_attempt_at, domain_id LIMIT 50"))
                .containsIgnoringCase("FREE_CERTIFICATE_DUE");
    }

    @Test
    void theHeartbeatAndTheReleaseOfAllLeasesReadTheLeaseIndex() {
        assertThat(plan("UPDATE free_certificate SET lease_expires_at = 5 WHERE lease_owner = 'node-a'"))
                .containsIgnoringCase("FREE_CERTIFICATE_BY_LEASE");
        assertThat(plan("UPDATE free_certificate SET lease_owner = NULL, lease_expires_at = 0 "
                + "WHERE lease_owner = 'node-a'")).containsIgnoringCase("FREE_CERTIFICATE_BY_LEASE");
    }
}
