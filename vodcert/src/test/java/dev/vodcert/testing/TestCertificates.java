package dev.vodcert.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates and keys generated at test time with BouncyCastle. Quick use:
 * <pre>{@code
 * Issued site = TestCertificates.issue("example.com", "www.example.com");  // RSA 2048, by the test CA
 * site.chainPem();     // SSLPub: leaf + CA
 * site.keyPemPkcs8();  // SSLPri
 * }</pre>
 * For anything else use {@link #certificate()}, {@link #leaf}, {@link #newCa} and
 * {@link #intermediate}. Keys come from {@link TestKeys}: RSA pairs are generated once per size and
 * shared (RSA 4096 takes seconds); use {@link #freshRsa(int)} for a second, different key. The
 * shared CA, {@value #CA_NAME}, has its own EC P-256 key, distinct from every leaf key.
 * BouncyCastle is never registered as a provider; it signs or loads only what the JDK cannot
 * (secp256k1, a certificate with an empty subject and no SAN).
 */
public final class TestCertificates {
    public static final String CA_NAME = "CN=vodcert test CA,O=vodcert Test Org";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile TestCa sharedCa;

    private TestCertificates() {
    }

    /** A leaf for these names (CN = the first) with the shared RSA 2048 key, signed by {@link #ca()}. */
    public static Issued issue(String... dnsNames) {
        return certificate().dns(dnsNames).issue();
    }

    /** Starts a certificate description; see {@link CertificateBuilder}. */
    public static CertificateBuilder certificate() {
        return new CertificateBuilder();
    }

    /** The shared RSA key pair of this size; see {@link TestKeys#rsa(int)}. */
    public static KeyPair rsa(int bits) {
        return TestKeys.rsa(bits);
    }

    /** A new RSA key pair, different from {@link #rsa(int)}'s. */
    public static KeyPair freshRsa(int bits) {
        return TestKeys.freshRsa(bits);
    }

    /** A new EC key pair on a named curve ("secp256r1", "secp384r1", "secp521r1", "secp256k1", ...). */
    public static KeyPair ec(String curve) {
        return TestKeys.ec(curve);
    }

    /** A new key pair of another algorithm ("Ed25519", "DSA", ...). */
    public static KeyPair keyPair(String algorithm) {
        return TestKeys.of(algorithm);
    }

    /** The shared root CA, {@value #CA_NAME}. */
    public static TestCa ca() {
        TestCa ca = sharedCa;
        if (ca == null) {
            synchronized (TestCertificates.class) {
                if (sharedCa == null) {
                    sharedCa = newCa(CA_NAME);
                }
                ca = sharedCa;
            }
        }
        return ca;
    }

    /** A new self-signed root CA with a fresh EC P-256 key. */
    public static TestCa newCa(String name) {
        KeyPair key = ec("secp256r1");
        X509Certificate cert = build(key.getPublic(), new X500Name(name), null,
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(3650)), key,
                new X500Name(name), true);
        return new TestCa(name, key, cert, List.of(cert));
    }

    /** A new intermediate CA signed by {@code parent}; its chain continues with the parent's. */
    public static TestCa intermediate(TestCa parent, String name) {
        KeyPair key = ec("secp256r1");
        X509Certificate cert = build(key.getPublic(), new X500Name(name), null,
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(1825)), parent.keyPair(),
                new X500Name(parent.name()), true);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(parent.chain());
        return new TestCa(name, key, cert, chain);
    }

    /**
     * One end-entity certificate.
     *
     * @param cn the subject CN, or null for an empty subject (then the SAN extension is critical)
     * @param issuerKeyPair the signer, or null for a self-signed certificate
     * @param issuerName the issuer DN (e.g. {@link #CA_NAME}); ignored when self-signed
     */
    public static X509Certificate leaf(KeyPair keyPair, String cn, List<String> sans, Instant notBefore,
            Instant notAfter, KeyPair issuerKeyPair, String issuerName) {
        return leaf(keyPair, cn, sans, notBefore, notAfter, issuerKeyPair, issuerName, null, null);
    }

    /**
     * As {@link #leaf(KeyPair, String, List, Instant, Instant, KeyPair, String)}, signed with
     * {@code signatureAlgorithm} (e.g. {@code MD5withRSA}; null for SHA-256) and with an extra
     * critical extension of OID {@code criticalOid} holding an ASN.1 NULL (null for none).
     */
    public static X509Certificate leaf(KeyPair keyPair, String cn, List<String> sans, Instant notBefore,
            Instant notAfter, KeyPair issuerKeyPair, String issuerName, String signatureAlgorithm, String criticalOid) {
        X500Name subject = cn == null ? new X500Name(new org.bouncycastle.asn1.x500.RDN[0]) : new X500Name("CN=" + cn);
        boolean selfSigned = issuerKeyPair == null;
        KeyPair signer = selfSigned ? keyPair : issuerKeyPair;
        return build(keyPair.getPublic(), subject, sans, notBefore, notAfter, signer,
                selfSigned ? subject : new X500Name(issuerName), false,
                signatureAlgorithm != null ? signatureAlgorithm : signatureAlgorithm(signer), criticalOid);
    }

    private static X509Certificate build(PublicKey key, X500Name subject, List<String> sans, Instant notBefore,
            Instant notAfter, KeyPair signer, X500Name issuer, boolean isCa) {
        return build(key, subject, sans, notBefore, notAfter, signer, issuer, isCa, signatureAlgorithm(signer), null);
    }

    private static X509Certificate build(PublicKey key, X500Name subject, List<String> sans, Instant notBefore,
            Instant notAfter, KeyPair signer, X500Name issuer, boolean isCa, String signatureAlgorithm,
            String criticalOid) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore.truncatedTo(ChronoUnit.SECONDS)),
                    Date.from(notAfter.truncatedTo(ChronoUnit.SECONDS)), subject, key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(signer.getPublic()));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            if (sans != null && !sans.isEmpty()) {
                GeneralName[] names = sans.stream().map(n -> new GeneralName(GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, subject.getRDNs().length == 0,
                        new GeneralNames(names));
            }
            if (criticalOid != null) {
                builder.addExtension(new ASN1ObjectIdentifier(criticalOid), true, DERNull.INSTANCE);
            }
            JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(signatureAlgorithm);
            if (signer.getPrivate().getClass().getName().startsWith("org.bouncycastle")) {
                signerBuilder.setProvider(TestKeys.BC);
            }
            return convert(builder.build(signerBuilder.build(signer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a test certificate", e);
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
            // e.g. secp256k1, or an empty subject without SAN, which the JDK refuses to load
            return new JcaX509CertificateConverter().setProvider(TestKeys.BC).getCertificate(holder);
        }
    }

    private static String signatureAlgorithm(KeyPair signer) {
        return switch (signer.getPrivate().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> signer.getPrivate().getAlgorithm(); // Ed25519, Ed448
        };
    }
}
