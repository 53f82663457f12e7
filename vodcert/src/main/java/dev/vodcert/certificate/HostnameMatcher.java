package dev.vodcert.certificate;

import java.net.IDN;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Does a certificate cover a domain? RFC 6125 rules: the presented names are the dNSName
 * subjectAltNames, and the subject CN only when there are none; comparison is case-insensitive
 * on A-labels (punycode); a wildcard is only a complete left-most label {@code *} and stands for
 * exactly one label, so {@code *.example.com} covers {@code a.example.com} but neither
 * {@code example.com} nor {@code a.b.example.com}; a wildcard over a single label ({@code *.com})
 * covers nothing. A wildcard accelerated domain ({@code *.example.com}, or its leading-dot form
 * {@code .example.com}) is covered only by the equal wildcard name.
 */
public final class HostnameMatcher {
    private static final int DNS_NAME = 2;

    private HostnameMatcher() {
    }

    /** The dNSName subjectAltNames as written in the certificate, in order. */
    public static List<String> dnsNames(X509Certificate cert) {
        Collection<List<?>> alternativeNames;
        try {
            alternativeNames = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (alternativeNames != null) {
            for (List<?> entry : alternativeNames) {
                if (Integer.valueOf(DNS_NAME).equals(entry.get(0)) && entry.get(1) instanceof String name) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    /** The names the match is made against: the dNSNames, or the subject CN when there are none. */
    public static List<String> presentedNames(X509Certificate cert) {
        List<String> dnsNames = dnsNames(cert);
        if (!dnsNames.isEmpty()) {
            return dnsNames;
        }
        String cn = DistinguishedNames.last(cert.getSubjectX500Principal(), BCStyle.CN);
        return cn.isEmpty() ? List.of() : List.of(cn);
    }

    /**
     * The certificate name, as written in the certificate, that covers the domain: an exactly
     * equal name is preferred to a wildcard one.
     *
     * @param asciiDomainName the accelerated domain in A-label, lower-case form
     */
    public static Optional<String> matchingName(X509Certificate cert, String asciiDomainName) {
        String domain = normalise(asciiDomainName);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        if (domain.startsWith(".")) {
            domain = "*" + domain;
        }
        List<String> names = presentedNames(cert);
        for (String name : names) {
            if (domain.equals(normalise(name))) {
                return Optional.of(name);
            }
        }
        if (domain.startsWith("*")) {
            return Optional.empty();
        }
        for (String name : names) {
            if (wildcardCovers(normalise(name), domain)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean wildcardCovers(String pattern, String domain) {
        if (!pattern.startsWith("*.")) {
            return false;
        }
        String suffix = pattern.substring(2);
        int dot = domain.indexOf('.');
        return suffix.indexOf('.') > 0 && !suffix.contains("*") && dot > 0
                && !domain.substring(0, dot).contains("*") && domain.substring(dot + 1).equals(suffix);
    }

    /** Lower-case A-label form without a trailing dot; "" when the name cannot be converted. */
    private static String normalise(String name) {
        String ascii = name.strip();
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (!ascii.chars().allMatch(c -> c < 0x80)) {
            try {
                ascii = IDN.toASCII(ascii, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return ascii.toLowerCase(Locale.ROOT);
    }
}
