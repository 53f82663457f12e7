package dev.vodcert.console;

import dev.vodcert.certificate.PemParser;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What the console shows of a certificate, read from its public PEM chain (the leaf first): subject,
 * subject alternative names, issuer, serial number (hex), validity and SHA-256 fingerprint of the
 * leaf. The private key is never read.
 */
record CertificateView(String subject, List<String> alternativeNames, String issuer, String serial, long notBefore,
                       long notAfter, String sha256, int chainLength) {

    static CertificateView of(String pem) {
        List<X509Certificate> chain = PemParser.parseChain(pem);
        X509Certificate leaf = chain.get(0);
        return new CertificateView(leaf.getSubjectX500Principal().getName(), names(leaf),
                leaf.getIssuerX500Principal().getName(), serial(leaf), leaf.getNotBefore().getTime(),
                leaf.getNotAfter().getTime(), fingerprint(leaf), chain.size());
    }

    /** The serial number as upper-case hex, as {@code openssl x509 -serial} prints it. */
    static String serial(X509Certificate c) {
        String hex = c.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 1 ? "0" + hex : hex;
    }

    private static List<String> names(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2 || type == 7) {
                        out.add((type == 2 ? "DNS:" : "IP:") + san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            out.add("(unreadable subjectAltName)");
        }
        return out;
    }

    private static String fingerprint(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
