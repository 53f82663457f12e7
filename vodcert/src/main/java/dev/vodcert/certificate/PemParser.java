package dev.vodcert.certificate;

import dev.vodcert.api.VodErrors;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Reads the PEM a caller uploads: {@code SSLPub}, a certificate chain of up to
 * {@value #MAX_CERTIFICATES} CERTIFICATE blocks in at most {@value #MAX_PUB_BYTES} bytes, and
 * {@code SSLPri}, one unencrypted RSA or EC private key (PKCS#1, PKCS#8 or SEC1, optionally after
 * an EC PARAMETERS block) in at most {@value #MAX_PRI_BYTES} bytes. CRLF, indentation, surrounding
 * whitespace and text between blocks are accepted. Anything else is refused with
 * {@code InvalidSSLPub} or {@code InvalidSSLPri} and a message saying what is wrong.
 *
 * <p>Parsing checks form only; whether the pair is usable is {@link CertificateValidator}'s job.
 */
public final class PemParser {
    /** Largest accepted SSLPub, in bytes. */
    public static final int MAX_PUB_BYTES = 64 * 1024;
    /** Most certificates accepted in SSLPub. */
    public static final int MAX_CERTIFICATES = 10;
    /** Largest accepted SSLPri, in bytes. */
    public static final int MAX_PRI_BYTES = 16 * 1024;

    private PemParser() {
    }

    /** Parses both halves of an upload: the chain first, then the key. */
    public static CertificateBundle parse(String sslPub, String sslPri) {
        List<X509Certificate> chain = parseChain(sslPub);
        return new CertificateBundle(chain, parsePrivateKey(sslPri));
    }

    /** Parses SSLPub into its certificates, in the order given. */
    public static List<X509Certificate> parseChain(String sslPub) {
        List<PemObject> blocks = PemBlocks.read(sslPub, "SSLPub", MAX_PUB_BYTES, MAX_CERTIFICATES, "certificates",
                VodErrors.INVALID_SSL_PUB);
        if (blocks.isEmpty()) {
            throw VodErrors.INVALID_SSL_PUB.exception(
                    "SSLPub is not a PEM certificate: no '-----BEGIN CERTIFICATE-----' block found");
        }
        List<X509Certificate> chain = new ArrayList<>(blocks.size());
        for (PemObject block : blocks) {
            chain.add(certificate(block, chain.size() + 1));
        }
        return List.copyOf(chain);
    }

    /** Parses SSLPri into an RSA or EC private key (see {@link PrivateKeyReader}). */
    public static PrivateKey parsePrivateKey(String sslPri) {
        return PrivateKeyReader.read(sslPri, MAX_PRI_BYTES);
    }

    private static X509Certificate certificate(PemObject block, int position) {
        String type = block.getType();
        if (type.endsWith("PRIVATE KEY")) {
            throw VodErrors.INVALID_SSL_PUB.exception("SSLPub holds a private key (" + PemBlocks.displayType(block)
                    + " block); SSLPub takes certificates only, the private key goes in SSLPri");
        }
        if (!type.equals("CERTIFICATE") && !type.equals("X509 CERTIFICATE")) {
            throw VodErrors.INVALID_SSL_PUB.exception("SSLPub holds a PEM block of type "
                    + PemBlocks.displayType(block) + "; only CERTIFICATE blocks are accepted");
        }
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(block.getContent());
        } catch (IOException | RuntimeException e) {
            throw VodErrors.INVALID_SSL_PUB.exception("certificate " + position
                    + " of SSLPub is not an X.509 certificate: its content does not decode");
        }
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException | RuntimeException e) {
            String reason = KeyAlgorithms.unsupported(holder.getSubjectPublicKeyInfo().getAlgorithm())
                    .map(why -> ": " + why).orElse("");
            throw VodErrors.INVALID_SSL_PUB.exception("certificate " + position + " of SSLPub could not be loaded as an"
                    + " X.509 certificate" + reason);
        }
        if (!DistinguishedNames.readable(certificate.getSubjectX500Principal())
                || !DistinguishedNames.readable(certificate.getIssuerX500Principal())) {
            throw VodErrors.INVALID_SSL_PUB.exception("certificate " + position + " of SSLPub has a subject or issuer"
                    + " name that is not valid text (a UTF8String that is not UTF-8)");
        }
        return certificate;
    }
}
