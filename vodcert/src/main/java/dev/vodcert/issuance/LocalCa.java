package dev.vodcert.issuance;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.certificate.PemParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The built-in certificate authority of {@link LocalCaIssuer}: an EC P-256 key and a self-signed
 * certificate named {@value #SUBJECT}, valid {@value #VALIDITY_YEARS} years, generated on first use
 * into {@code <data>/local-ca/}: {@value #CERT_FILE} (the certificate, PEM) and {@value #KEY_FILE}
 * (the private key encrypted with the master key by {@link KeyCipher}), the folder and both files
 * readable by the owner only. Each node of a cluster has its own local CA; it is meant for the
 * emulator and demos, not for browsers.
 */
public record LocalCa(X509Certificate certificate, PrivateKey privateKey) {
    static final String SUBJECT = "O=vodcert,CN=vodcert Local CA R1";
    static final int VALIDITY_YEARS = 10;
    static final String CERT_FILE = "ca.pem";
    static final String KEY_FILE = "ca-key.enc";

    /** The key re-encrypted under a new master key by a rotation that has not been promoted yet. */
    static final String ROTATED_KEY_FILE = "ca-key.enc.new";

    /** Where a node keeps its local CA. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("local-ca");
    }

    public static LocalCa loadOrCreate(Path folder, KeyCipher cipher, Clock clock) {
        try {
            Path cert = folder.resolve(CERT_FILE);
            Path key = folder.resolve(KEY_FILE);
            settleRotation(folder, cipher);
            if (!Files.exists(cert)) {
                create(folder, cipher, clock);
            }
            X509Certificate ca = PemParser.parseChain(Files.readString(cert, StandardCharsets.US_ASCII)).get(0);
            PrivateKey caKey = PemParser.parsePrivateKey(cipher.decrypt(Files.readString(key, StandardCharsets.US_ASCII)
                    .strip()));
            return new LocalCa(ca, caKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local CA in " + folder, e);
        }
    }

    private static void create(Path folder, KeyCipher cipher, Clock clock) throws IOException {
        Files.createDirectories(folder);
        ownerOnly(folder, "rwx------");
        KeyPair pair = X509Signing.ecP256();
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        X500Name name = new X500Name(SUBJECT);
        X509Certificate certificate = X509Signing.sign(name, pair.getPublic(), name, pair.getPrivate(), start,
                start.plus(Duration.ofDays(365L * VALIDITY_YEARS)), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
        write(folder.resolve(KEY_FILE), cipher.encrypt(X509Signing.pem(pair.getPrivate())) + "\n");
        write(folder.resolve(CERT_FILE), X509Signing.pem(certificate));
    }

    /**
     * A master-key rotation's first step: the CA key re-encrypted under {@code fresh}, written beside
     * the current one ({@value #ROTATED_KEY_FILE}). Nothing happens when this node has no local CA.
     */
    public static void writeRotated(Path folder, KeyCipher old, KeyCipher fresh) throws IOException {
        Path key = folder.resolve(KEY_FILE);
        if (Files.exists(key)) {
            String plain = old.decrypt(Files.readString(key, StandardCharsets.US_ASCII).strip());
            write(folder.resolve(ROTATED_KEY_FILE), fresh.encrypt(plain) + "\n");
        }
    }

    /** A rotation's last step, once the database committed: the re-encrypted key takes the current one's place. */
    public static void promoteRotated(Path folder) throws IOException {
        Path rotated = folder.resolve(ROTATED_KEY_FILE);
        if (Files.exists(rotated)) {
            Files.move(rotated, folder.resolve(KEY_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * After a rotation a crash cut short: the re-encrypted key is kept when the master key in use
     * opens it (the rotation went through), dropped otherwise.
     */
    private static void settleRotation(Path folder, KeyCipher cipher) throws IOException {
        Path rotated = folder.resolve(ROTATED_KEY_FILE);
        if (!Files.exists(rotated)) {
            return;
        }
        if (cipher.opens(Files.readString(rotated, StandardCharsets.US_ASCII).strip())) {
            promoteRotated(folder);
        } else {
            Files.delete(rotated);
        }
    }

    /** Writes through an owner-only temporary file moved into place, so a file is never seen half-written. */
    private static void write(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            ownerOnly(temp, "rw-------");
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    @Override
    public String toString() {
        return "LocalCa[" + certificate.getSubjectX500Principal().getName() + ", key hidden]";
    }
}
