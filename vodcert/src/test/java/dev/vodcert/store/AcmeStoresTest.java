package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ACME tables: one account key per directory whoever stores first, challenge answers until they expire. */
class AcmeStoresTest {
    final Database db = TestDatabases.h2();
    final AcmeAccountStore accounts = new AcmeAccountStore(db.jdbi());
    final AcmeChallengeStore challenges = new AcmeChallengeStore(db.jdbi());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theFirstKeyStoredForADirectoryWinsAndOthersReadItBack() {
        assertThat(accounts.insert("acme://letsencrypt.org", "v1:first", 1)).isTrue();
        assertThat(accounts.insert("acme://letsencrypt.org", "v1:second", 2)).isFalse();
        assertThat(accounts.insert("acme://letsencrypt.org/staging", "v1:staging", 3)).isTrue();

        assertThat(accounts.find("acme://letsencrypt.org")).hasValueSatisfying(row -> {
            assertThat(row.keyPairEnc()).isEqualTo("v1:first");
            assertThat(row.accountUrl()).isNull();
        });
        accounts.setAccountUrl("acme://letsencrypt.org", "https://acme-v02.api.letsencrypt.org/acme/acct/1");
        assertThat(accounts.find("acme://letsencrypt.org").orElseThrow().accountUrl())
                .isEqualTo("https://acme-v02.api.letsencrypt.org/acme/acct/1");
        assertThat(accounts.find("acme://letsencrypt.org").orElseThrow().toString()).doesNotContain("v1:");
    }

    @Test
    void answersLiveUntilTheyExpireAndAreRemovedByTokenOrAge() {
        challenges.put("t1", "t1.k", "a.example.com", 0, 1_000);
        challenges.put("t2", "t2.k", "b.example.com", 0, 5_000);
        challenges.put("t2", "t2.k2", "b.example.com", 0, 6_000); // published again: replaced

        assertThat(challenges.find("t1", 999)).contains("t1.k");
        assertThat(challenges.find("t1", 1_000)).isEmpty();
        assertThat(challenges.find("t2", 1_000)).contains("t2.k2");

        assertThat(challenges.deleteExpired(1_000)).isEqualTo(1);
        assertThat(challenges.count()).isEqualTo(1);
        challenges.delete(List.of("t2", "unknown"));
        challenges.delete(List.of());
        assertThat(challenges.count()).isZero();
    }
}
