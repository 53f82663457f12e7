package dev.vodcert.issuance;

import dev.vodcert.certificate.KeyCipher;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * The built-in issuer (the default, {@code --issuer local-ca}): signs at once, without any network,
 * a certificate for the domain with a fresh EC P-256 key, valid {@value #VALIDITY_DAYS} days from
 * now (Let's Encrypt's lifetime, so {@code CertLife} reads {@code 3 months}), issued by the
 * {@link LocalCa} of the data folder. For emulator users, CI and demos: browsers do not trust it.
 */
public final class LocalCaIssuer implements Issuer {
    static final long VALIDITY_DAYS = 90;

    private final LocalCa ca;
    private final Clock clock;
    private final Duration validity;

    public LocalCaIssuer(LocalCa ca, Clock clock, Duration validity) {
        this.ca = ca;
        this.clock = clock;
        this.validity = validity;
    }

    /** The local CA of {@code dataDir/local-ca}, created on first use. */
    public static LocalCaIssuer inDataFolder(Path dataDir, KeyCipher cipher, Clock clock) {
        return new LocalCaIssuer(LocalCa.loadOrCreate(LocalCa.folder(dataDir), cipher, clock), clock,
                Duration.ofDays(VALIDITY_DAYS));
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    @Override
    public String name() {
        return "local-ca";
    }

    @Override
    public IssuedCertificate issue(String asciiDomainName) {
        KeyPair key = X509Signing.ecP256();
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, asciiDomainName).build();
        X509Certificate leaf = X509Signing.sign(subject, key.getPublic(),
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), ca.privateKey(), start,
                start.plus(validity), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, asciiDomainName)));
                    try {
                        builder.addExtension(Extension.authorityKeyIdentifier, false,
                                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
                    } catch (java.security.GeneralSecurityException e) {
                        throw new IllegalStateException("cannot identify the local CA's key", e);
                    }
                });
        return new IssuedCertificate(X509Signing.pem(leaf) + X509Signing.pem(ca.certificate()),
                X509Signing.pem(key.getPrivate()));
    }
}
