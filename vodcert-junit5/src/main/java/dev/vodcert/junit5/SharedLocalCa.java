package dev.vodcert.junit5;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.issuance.LocalCa;
import dev.vodcert.issuance.LocalCaIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * One built-in CA for every vodcert a test JVM starts: making a CA (a key and a self-signed
 * certificate, written and read back) was a fifth of each start. It is made once, in memory (the
 * folder it is written to is deleted at once), and each vodcert gets an issuer of its own over it,
 * on its own emulated clock, issuing for 90 days as the service's built-in issuer does.
 */
final class SharedLocalCa {
    private static final Duration VALIDITY = Duration.ofDays(90);
    private static LocalCa ca;

    private SharedLocalCa() {
    }

    static LocalCaIssuer issuer(Clock clock) {
        return new LocalCaIssuer(ca(), clock, VALIDITY);
    }

    private static synchronized LocalCa ca() {
        if (ca == null) {
            Path folder = null;
            try {
                folder = Files.createTempDirectory("vodcert-junit5-ca-");
                ca = LocalCa.loadOrCreate(folder.resolve("ca"), new KeyCipher(KeyCipher.newMasterKey()),
                        Clock.systemUTC());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the test CA", e);
            } finally {
                TempFolders.delete(folder);
            }
        }
        return ca;
    }
}
