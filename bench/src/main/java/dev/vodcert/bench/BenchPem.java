package dev.vodcert.bench;

/** One benchmark certificate per JVM, for the micro benchmarks (generating RSA keys is slow). */
public final class BenchPem {
    private static final BenchCertificate CERTIFICATE = BenchCertificate.issue();

    private BenchPem() {
    }

    public static String chain() {
        return CERTIFICATE.chainPem();
    }

    public static String privateKey() {
        return CERTIFICATE.privateKeyPem();
    }
}
