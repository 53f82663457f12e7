package dev.vodcert.testing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate authority for tests: its name, key pair and certificate, and the chain from it up
 * to its root ({@code chain().get(0) == cert()}; a root's chain is just itself). Get the shared
 * root with {@link TestCertificates#ca()}, others with {@link TestCertificates#newCa(String)} and
 * {@link TestCertificates#intermediate(TestCa, String)}.
 */
public record TestCa(String name, KeyPair keyPair, X509Certificate cert, List<X509Certificate> chain) {

    public TestCa {
        chain = List.copyOf(chain);
    }

    /** A leaf for these names signed by this CA (RSA 2048 shared key, valid from yesterday for 90 days). */
    public Issued issue(String... dnsNames) {
        return TestCertificates.certificate().dns(dnsNames).issuer(this).issue();
    }

    /** The CA's certificate (not its parents) as PEM. */
    public String certPem() {
        return TestPem.certificates(cert);
    }
}
