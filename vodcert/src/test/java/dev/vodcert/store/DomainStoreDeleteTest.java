package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.domain.VodDomain;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a domain removes its tags and the certificate it served, except a {@code cas}
 * certificate (it lives in the certificate store on its own) and one another domain still uses.
 */
class DomainStoreDeleteTest {
    private Database db;
    private Jdbi jdbi;
    private DomainStore domains;
    private CertificateStore certificates;
    private long account;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:delete-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null, 2);
        jdbi = db.jdbi();
        domains = new DomainStore(jdbi);
        certificates = new CertificateStore(jdbi);
        account = jdbi.withHandle(h -> h.createUpdate("INSERT INTO account (name, created_at) VALUES ('a', 0)")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anUploadedCertificateGoesWithItsDomain() {
        VodDomain d = domainWithCertificate("upload.example.com", certificate("upload"));
        tag(d, "env");
        domains.delete(d);
        assertThat(domains.find(account, d.domainName())).isEmpty();
        assertThat(certificates.find(account, d.certId())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM vod_domain_tag")).isZero();
    }

    @Test
    void aCasCertificateStays() {
        long cas = certificate("cas");
        VodDomain d = domainWithCertificate("cas.example.com", cas);
        domains.delete(d);
        assertThat(domains.find(account, d.domainName())).isEmpty();
        assertThat(certificates.find(account, cas)).isPresent();
    }

    @Test
    void aCertificateAnotherDomainUsesStaysUntilTheLastGoes() {
        long shared = certificate("upload");
        VodDomain a = domainWithCertificate("a.example.com", shared);
        VodDomain b = domainWithCertificate("b.example.com", shared);
        domains.delete(a);
        assertThat(certificates.find(account, shared)).isPresent();
        domains.delete(b);
        assertThat(certificates.find(account, shared)).isEmpty();
    }

    private long certificate(String type) {
        StoredCertificate c = new StoredCertificate(0, account, type, "n", "cn-hangzhou", "PEM", "KEY", "cn", "org",
                "ff", 0, 1, 0, 0);
        return jdbi.inTransaction(h -> CertificateStore.insert(h, c)).id();
    }

    private VodDomain domainWithCertificate(String name, long certId) {
        VodDomain d = new VodDomain(0, account, name, name + ".w.alikunlun.com", "online", "domestic",
                "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]", null, null, null,
                "on", null, null, null, 0, 0);
        assertThat(domains.insert(d)).isTrue();
        jdbi.useHandle(h -> h.createUpdate("UPDATE vod_domain SET cert_id = :cert WHERE domain_name = :name")
                .bind("cert", certId).bind("name", name).execute());
        return domains.find(account, name).orElseThrow();
    }

    private void tag(VodDomain d, String key) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO vod_domain_tag (domain_id, tag_key, tag_value) VALUES (:id, :k, '')")
                .bind("id", d.id()).bind("k", key).execute());
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
