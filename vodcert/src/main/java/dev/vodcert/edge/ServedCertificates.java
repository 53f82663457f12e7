package dev.vodcert.edge;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.store.ServedDomainRows;
import dev.vodcert.store.ServedDomainRows.Row;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read model of the data plane: for a TLS server name or an HTTP host, the domain that serves
 * it ({@link NameCandidates}: exact name first, then the nearest wildcard), and the certificate to
 * present: the domain's current certificate (upload, cas or free alike), only while the domain is
 * {@code online} and its HTTPS ({@code SSLProtocol}) is {@code on}. Also every served certificate at
 * once, for the feeds that write files for other edges, and a cheap {@link #version()} to tell
 * whether that set may have changed. Private keys are decrypted here, in memory only, when a
 * {@link ServedCertificate} is made. Reads the store on every call; callers keep their own caches.
 */
public final class ServedCertificates {
    private final ServedDomainRows rows;
    private final KeyCipher cipher;

    public ServedCertificates(ServedDomainRows rows, KeyCipher cipher) {
        this.rows = rows;
        this.cipher = cipher;
    }

    /** The stored domain that decides for {@code host} (whatever its state), if any. */
    public Optional<Row> domainFor(String host) {
        Optional<String> name = NameCandidates.canonical(host);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<String> candidates = NameCandidates.of(name.get());
        Map<String, Row> found = rows.byNames(candidates).stream()
                .collect(Collectors.toMap(Row::domainName, Function.identity()));
        return candidates.stream().map(found::get).filter(r -> r != null).findFirst();
    }

    /** The certificate a handshake naming {@code serverName} gets; empty when it must be refused. */
    public Optional<ServedCertificate> certificateFor(String serverName) {
        return domainFor(serverName).flatMap(this::certificateOf);
    }

    /** The certificate {@code row}'s domain presents, when it is served ({@link #isServed}). */
    public Optional<ServedCertificate> certificateOf(Row row) {
        return isServed(row) ? Optional.of(certificate(row)) : Optional.empty();
    }

    /** Every certificate served now, one per domain, ordered by domain name. */
    public List<ServedCertificate> all() {
        return rows.served().stream().filter(ServedCertificates::isServed).map(this::certificate)
                .sorted(Comparator.comparing(ServedCertificate::domainName)).toList();
    }

    /** A summary of {@link #all()} that moves when it may have changed (one aggregate query, no keys read). */
    public ServedDomainRows.Version version() {
        return rows.version();
    }

    /** Whether a domain row's certificate is presented: online, HTTPS on, a certificate set. */
    public static boolean isServed(Row row) {
        return "online".equals(row.domainStatus()) && "on".equals(row.sslProtocol()) && row.certId() != 0
                && row.certificatePem() != null;
    }

    private ServedCertificate certificate(Row row) {
        return new ServedCertificate(row.domainName(), row.accountId(), row.certId(), row.fingerprint(),
                row.certUpdatedAt(), row.certificatePem(), cipher.decrypt(row.privateKeyEnc()));
    }
}
