package dev.vodcert.issuance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The CA certificates trusted for the ACME server's HTTPS when the operator runs a private ACME CA
 * (or Pebble): a PEM file with one or more certificates, or a PKCS#12/JKS key store. Only these are
 * trusted then, not the JDK's defaults. Problems are reported at start, naming the file.
 */
final class AcmeTrust {
    private AcmeTrust() {
    }

    static SSLContext sslContext(Path file, String password) {
        try {
            KeyStore store = looksLikePem(file) ? fromPem(file) : KeyStore.getInstance(file.toFile(),
                    password == null ? null : password.toCharArray());
            if (store.size() == 0) {
                throw new IllegalArgumentException("--acme-trust-store " + file + " holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("--acme-trust-store " + file + " cannot be read as PEM certificates or"
                    + " a PKCS#12/JKS key store (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static boolean looksLikePem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE");
        }
    }

    private static KeyStore fromPem(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        return store;
    }
}
