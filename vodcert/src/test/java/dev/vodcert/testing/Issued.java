package dev.vodcert.testing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A test certificate with its key, in every PEM form an upload might take.
 *
 * @param cert the certificate
 * @param keyPair its key pair
 * @param chain the certificate first, then its issuers up to the root (just the certificate when
 *     self-signed)
 * @param ca the issuing CA, or null when self-signed
 */
public record Issued(X509Certificate cert, KeyPair keyPair, List<X509Certificate> chain, TestCa ca) {

    public Issued {
        chain = List.copyOf(chain);
    }

    static Issued of(X509Certificate cert, KeyPair keyPair, TestCa ca) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        if (ca != null) {
            chain.addAll(ca.chain());
        }
        return new Issued(cert, keyPair, chain, ca);
    }

    /** The certificate alone. */
    public String certPem() {
        return TestPem.certificates(cert);
    }

    /** The certificate followed by its issuers, leaf first, as SSLPub should be. */
    public String chainPem() {
        return TestPem.certificates(chain);
    }

    /** {@code BEGIN PRIVATE KEY}. */
    public String keyPemPkcs8() {
        return TestPem.pkcs8(keyPair.getPrivate());
    }

    /** {@code BEGIN RSA PRIVATE KEY}; RSA keys only. */
    public String keyPemPkcs1() {
        return TestPem.pkcs1(keyPair.getPrivate());
    }

    /** {@code BEGIN EC PRIVATE KEY}; EC keys only. */
    public String keyPemSec1() {
        return TestPem.sec1(keyPair.getPrivate(), keyPair.getPublic());
    }

    /** {@code BEGIN EC PARAMETERS} then {@code BEGIN EC PRIVATE KEY}, as {@code openssl ecparam -genkey} writes. */
    public String keyPemSec1WithParameters() {
        return TestPem.ecParameters(keyPair.getPublic()) + keyPemSec1();
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY} under the given password. */
    public String keyPemEncryptedPkcs8(String password) {
        return TestPem.encryptedPkcs8(keyPair.getPrivate(), password.toCharArray());
    }

    /** {@code BEGIN RSA/EC PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED}. */
    public String keyPemEncryptedTraditional(String password) {
        return TestPem.encryptedTraditional(keyPair.getPrivate(), password.toCharArray());
    }

    @Override
    public String toString() {
        return "Issued[" + cert.getSubjectX500Principal().getName() + "]";
    }
}
