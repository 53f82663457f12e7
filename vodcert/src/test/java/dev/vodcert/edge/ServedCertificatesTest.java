package dev.vodcert.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.store.Database;
import dev.vodcert.store.ServedDomainRows;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model picks the current certificate of the most specific stored name, only while the
 * domain is online with HTTPS on, decrypts its key, and its version moves with every change of
 * what is served.
 */
class ServedCertificatesTest {
    private Database db;
    private Jdbi jdbi;
    private KeyCipher cipher;
    private ServedCertificates served;
    private long alice;
    private long bob;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:served-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null, 2);
        jdbi = db.jdbi();
        cipher = new KeyCipher(KeyCipher.newMasterKey());
        served = new ServedCertificates(new ServedDomainRows(jdbi), cipher);
        alice = account("alice");
        bob = account("bob");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void exactNamesPresentTheirOwnAccountsCertificate() {
        long a = certificate(alice, "upload", "CHAIN-A", "KEY-A");
        long b = certificate(bob, "cas", "CHAIN-B", "KEY-B");
        domain(alice, "a.example.com", "online", "on", a);
        domain(bob, "b.example.org", "online", "on", b);

        ServedCertificate forA = served.certificateFor("A.Example.COM.").orElseThrow();
        assertThat(forA.domainName()).isEqualTo("a.example.com");
        assertThat(forA.accountId()).isEqualTo(alice);
        assertThat(forA.chainPem()).isEqualTo("CHAIN-A");
        assertThat(forA.keyPem()).isEqualTo("KEY-A");
        assertThat(forA.toString()).doesNotContain("KEY-A");
        assertThat(served.certificateFor("b.example.org").orElseThrow().keyPem()).isEqualTo("KEY-B");
        assertThat(served.certificateFor("c.example.com")).isEmpty();
    }

    @Test
    void aWildcardCoversSubdomainsAtAnyDepthButNotTheApex() {
        long w = certificate(alice, "free", "CHAIN-W", "KEY-W");
        domain(alice, "*.example.com", "online", "on", w);

        assertThat(served.certificateFor("a.example.com").orElseThrow().domainName()).isEqualTo("*.example.com");
        assertThat(served.certificateFor("x.a.example.com").orElseThrow().domainName()).isEqualTo("*.example.com");
        assertThat(served.certificateFor("example.com")).isEmpty();
        assertThat(served.certificateFor("example.org")).isEmpty();
    }

    @Test
    void theMostSpecificStoredNameDecidesAloneEvenWhenItIsNotServed() {
        domain(alice, "*.example.com", "online", "on", certificate(alice, "upload", "CHAIN-W", "KEY-W"));
        domain(bob, "b.example.com", "offline", "on", certificate(bob, "upload", "CHAIN-B", "KEY-B"));
        domain(bob, "*.c.example.com", "online", "on", certificate(bob, "upload", "CHAIN-C", "KEY-C"));

        assertThat(served.certificateFor("b.example.com")).isEmpty();
        assertThat(served.domainFor("b.example.com").orElseThrow().accountId()).isEqualTo(bob);
        assertThat(served.certificateFor("x.c.example.com").orElseThrow().chainPem()).isEqualTo("CHAIN-C");
        assertThat(served.certificateFor("x.b.example.com").orElseThrow().chainPem()).isEqualTo("CHAIN-W");
    }

    @Test
    void offlineHttpsOffOrNoCertificateIsRefused() {
        domain(alice, "off.example.com", "online", "off", certificate(alice, "upload", "C1", "K1"));
        domain(alice, "down.example.com", "offline", "on", certificate(alice, "upload", "C2", "K2"));
        domain(alice, "none.example.com", "online", "on", null);

        assertThat(served.certificateFor("off.example.com")).isEmpty();
        assertThat(served.certificateFor("down.example.com")).isEmpty();
        assertThat(served.certificateFor("none.example.com")).isEmpty();
        assertThat(served.certificateFor("bad name")).isEmpty();
        assertThat(served.certificateFor(null)).isEmpty();
        assertThat(served.all()).isEmpty();
    }

    @Test
    void allListsWhatIsServedAndTheVersionMovesWithEveryChange() {
        long a = certificate(alice, "upload", "CHAIN-A", "KEY-A");
        domain(alice, "a.example.com", "online", "on", a);
        domain(bob, "b.example.com", "online", "off", certificate(bob, "upload", "CHAIN-B", "KEY-B"));
        assertThat(served.all()).extracting(ServedCertificate::domainName).containsExactly("a.example.com");

        ServedDomainRows.Version v1 = served.version();
        assertThat(served.version()).isEqualTo(v1);
        update("UPDATE vod_domain SET ssl_protocol = 'on', gmt_modified = 2 WHERE domain_name = 'b.example.com'");
        ServedDomainRows.Version v2 = served.version();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(served.all()).extracting(ServedCertificate::keyPem).containsExactly("KEY-A", "KEY-B");

        update("UPDATE vod_domain SET domain_status = 'offline', gmt_modified = 3 WHERE domain_name = 'a.example.com'");
        ServedDomainRows.Version v3 = served.version();
        assertThat(v3).isNotEqualTo(v2);
        update("DELETE FROM vod_domain WHERE domain_name = 'b.example.com'");
        assertThat(served.version()).isNotEqualTo(v3);
        assertThat(served.all()).isEmpty();
    }

    private long account(String name) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO account (name, created_at) VALUES (:n, 0)")
                .bind("n", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private long certificate(long account, String type, String chain, String key) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO certificate (account_id, cert_type, cert_name, "
                        + "cert_region, certificate_pem, private_key_enc, common_name, issuer_org, fingerprint, "
                        + "not_before, not_after, created_at, updated_at) VALUES (:a, :t, 'n', 'cn-hangzhou', :pem, "
                        + ":key, 'cn', 'org', :fp, 0, 1, 0, 0)")
                .bind("a", account).bind("t", type).bind("pem", chain).bind("key", cipher.encrypt(key))
                .bind("fp", "fp-" + chain).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private void domain(long account, String name, String status, String ssl, Long cert) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO vod_domain (account_id, domain_name, cname, domain_status, "
                        + "scope, sources, ssl_protocol, cert_id, gmt_created, gmt_modified) VALUES (:a, :n, :c, :s, "
                        + "'domestic', '[]', :ssl, :cert, 0, 1)")
                .bind("a", account).bind("n", name).bind("c", name + ".cname").bind("s", status).bind("ssl", ssl)
                .bind("cert", cert).execute());
    }

    private void update(String sql) {
        jdbi.useHandle(h -> h.execute(sql));
    }
}
