package dev.vodcert.bench;

import dev.vodcert.account.AccessKeys;
import dev.vodcert.account.FirstKey;
import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.domain.Source;
import dev.vodcert.domain.Sources;
import dev.vodcert.server.Config;
import dev.vodcert.server.Vodcert;
import dev.vodcert.store.AccessKeyStore;
import dev.vodcert.store.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * Fills a fresh data folder before the service starts: the real schema (the service's own Flyway
 * migrations), the first AccessKey (encrypted with the folder's master key, as the service does), one
 * uploaded wildcard certificate checked by the service's own intake, and N domains of one account
 * inserted in JDBC batches. Every second domain serves the certificate with HTTPS on, so that answers
 * come in both shapes (with and without a certificate). The certificate is stored as a free one and
 * each domain serving it has its free-certificate lifecycle row ({@link FreeCertificateRowsSeed}), as
 * a service that issued it would hold them; domains without a certificate have none (a lifecycle row
 * on a domain serving an uploaded certificate is a state the service never makes: uploading ends the
 * lifecycle). The file is compacted at the end ({@code SHUTDOWN COMPACT}), as H2 compacts
 * a long-running service's file over time: without it the 1M-domain file keeps the bulk insert's
 * half-empty pages.
 */
final class Seeder {
    static final String ZONE = "bench.example.com";
    private static final int BATCH = 10_000;
    private static final int COMMIT = 100_000;

    private Seeder() {
    }

    /** The i-th stored domain's name. */
    static String domainName(int i) {
        return "d" + i + "." + ZONE;
    }

    /** A name that is never stored. */
    static String unknownName(int i) {
        return "u" + Integer.toUnsignedString(i) + "." + ZONE;
    }

    static void seed(Path dataDir, int domains, String accessKeyId, String secret, PrintStream log) throws Exception {
        seed(Config.defaults(dataDir).withAccessKey(accessKeyId, secret), domains, log);
    }

    /**
     * Seeds the database the configuration names (by default the H2 file in its data folder; a
     * PostgreSQL one with its JDBC URL), secrets encrypted under its master key (by default the
     * data folder's).
     */
    static void seed(Config config, int domains, PrintStream log) throws Exception {
        Path dataDir = config.dataDir();
        String accessKeyId = config.secrets().accessKeyId();
        String secret = config.secrets().accessKeySecret();
        long t0 = System.nanoTime();
        try (Database db = Vodcert.openDatabase(config)) {
            KeyCipher cipher = new KeyCipher(KeyCipher.loadOrCreateMasterKey(dataDir, config.secrets().masterKey()));
            AccessKeys keys = new AccessKeys(new AccessKeyStore(db.jdbi()), cipher, Clock.systemUTC());
            FirstKey.ensure(keys, accessKeyId, secret, dataDir, log);
            long account = keys.account(FirstKey.DEFAULT_ACCOUNT);
            BenchCertificate pem = BenchCertificate.issue();
            StoredCertificate cert = new CertificateIntake(cipher, Clock.systemUTC(), config.api().certRegion())
                    .accept(account, domainName(0), "upload", "bench-wildcard", pem.chainPem(), pem.privateKeyPem())
                    .certificate();
            db.jdbi().useHandle(h -> insert(h.getConnection(), account, cert, domains));
            db.jdbi().useHandle(h -> FreeCertificateRowsSeed.insert(h.getConnection(), System.currentTimeMillis()));
        }
        if (!config.database().isEmbedded()) {
            log.printf("seeded %,d domains in %.1f s into %s%n", domains, (System.nanoTime() - t0) / 1e9,
                    config.database().jdbcUrl());
            return;
        }
        long before = fileBytes(dataDir);
        try (Connection c = DriverManager.getConnection(Database.h2Url(dataDir));
             Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        log.printf("seeded %,d domains in %.1f s; H2 file %,d MiB before compacting, %,d MiB after%n", domains,
                (System.nanoTime() - t0) / 1e9, before >> 20, fileBytes(dataDir) >> 20);
    }

    private static void insert(Connection c, long account, StoredCertificate cert, int domains) throws SQLException {
        c.setAutoCommit(false);
        long certId = insertCertificate(c, cert);
        String sources = Sources.toJson(List.of(Source.of(Source.TYPE_IPADDR, "192.0.2.10", 80)));
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vod_domain (account_id, domain_name, cname, "
                + "domain_status, scope, sources, ssl_protocol, cert_id, cert_domain_name, gmt_created, gmt_modified) "
                + "VALUES (?, ?, ?, 'online', 'domestic', ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < domains; i++) {
                String name = domainName(i);
                boolean https = i % 2 == 1;
                ps.setLong(1, account);
                ps.setString(2, name);
                ps.setString(3, name + ".w.alikunlun.com");
                ps.setString(4, sources);
                ps.setString(5, https ? "on" : "off");
                if (https) {
                    ps.setLong(6, certId);
                    ps.setString(7, "*." + ZONE);
                } else {
                    ps.setNull(6, java.sql.Types.BIGINT);
                    ps.setNull(7, java.sql.Types.VARCHAR);
                }
                ps.setLong(8, now);
                ps.setLong(9, now);
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
                if ((i + 1) % COMMIT == 0) {
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
    }

    private static long fileBytes(Path dataDir) throws IOException {
        Path file = dataDir.resolve("vodcert.mv.db");
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static long insertCertificate(Connection c, StoredCertificate s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO certificate (account_id, cert_type, cert_name, "
                + "cert_region, certificate_pem, private_key_enc, common_name, issuer_org, fingerprint, not_before, "
                + "not_after, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, s.accountId());
            ps.setString(2, "free"); // issued by the free-certificate lifecycle: its rows (FreeCertificateRowsSeed) name it
            ps.setString(3, s.certName());
            ps.setString(4, s.certRegion());
            ps.setString(5, s.certificatePem());
            ps.setString(6, s.privateKeyEnc());
            ps.setString(7, s.commonName());
            ps.setString(8, s.issuerOrg());
            ps.setString(9, s.fingerprint());
            ps.setLong(10, s.notBefore());
            ps.setLong(11, s.notAfter());
            ps.setLong(12, s.createdAt());
            ps.setLong(13, s.updatedAt());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
