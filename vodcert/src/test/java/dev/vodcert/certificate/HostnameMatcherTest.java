package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.TestCertificates;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {
    private static final X509Certificate WILDCARD = TestCertificates.issue("*.example.com").cert();

    @ParameterizedTest(name = "*.example.com covers {0}: {1}")
    @CsvSource({
        "a.example.com, true",
        "www.example.com, true",
        "example.com, false",
        "a.b.example.com, false",
        "aexample.com, false",
        "a.example.org, false",
        "*.example.com, true",
        ".example.com, true",
        "*.b.example.com, false",
        "*.com, false",
    })
    void wildcardCertificate(String domain, boolean covered) {
        assertThat(HostnameMatcher.matchingName(WILDCARD, domain).isPresent()).isEqualTo(covered);
    }

    @Test
    void returnsTheNameAsWrittenPreferringAnExactOne() {
        X509Certificate cert = TestCertificates.issue("*.Example.com", "WWW.example.com").cert();
        assertThat(HostnameMatcher.matchingName(cert, "www.example.com")).contains("WWW.example.com");
        assertThat(HostnameMatcher.matchingName(cert, "api.example.com")).contains("*.Example.com");
    }

    @Test
    void aWildcardDomainNeedsTheEqualWildcardName() {
        X509Certificate exact = TestCertificates.issue("example.com", "a.example.com").cert();
        assertThat(HostnameMatcher.matchingName(exact, "*.example.com")).isEmpty();
        assertThat(HostnameMatcher.matchingName(exact, ".example.com")).isEmpty();
        assertThat(HostnameMatcher.matchingName(WILDCARD, ".example.com")).contains("*.example.com");
    }

    @Test
    void onlyACompleteLeftMostLabelIsAWildcard() {
        X509Certificate partial = TestCertificates.issue("f*.example.com", "a.*.example.com", "*.com").cert();
        assertThat(HostnameMatcher.matchingName(partial, "foo.example.com")).isEmpty();
        assertThat(HostnameMatcher.matchingName(partial, "a.b.example.com")).isEmpty();
        assertThat(HostnameMatcher.matchingName(partial, "example.com")).isEmpty();
    }

    @Test
    void comparesCaseInsensitivelyOnALabels() {
        X509Certificate idn = TestCertificates.issue("XN--BCHER-KVA.Example.", "*.xn--fiqs8s").cert();
        assertThat(HostnameMatcher.matchingName(idn, "xn--bcher-kva.example")).contains("XN--BCHER-KVA.Example.");
        assertThat(HostnameMatcher.matchingName(idn, "xn--fiqs8s")).isEmpty();
    }

    @Test
    void usesTheCommonNameOnlyWithoutDnsNames() {
        X509Certificate cnOnly = TestCertificates.certificate().cn("legacy.example.com").dns().issue().cert();
        assertThat(HostnameMatcher.dnsNames(cnOnly)).isEmpty();
        assertThat(HostnameMatcher.presentedNames(cnOnly)).containsExactly("legacy.example.com");
        assertThat(HostnameMatcher.matchingName(cnOnly, "legacy.example.com")).contains("legacy.example.com");

        X509Certificate both = TestCertificates.certificate().cn("cn.example.com").dns("san.example.com")
                .issue().cert();
        assertThat(HostnameMatcher.matchingName(both, "cn.example.com")).isEmpty();
        assertThat(HostnameMatcher.matchingName(both, "san.example.com")).contains("san.example.com");
    }

    @Test
    void matchesSanOnlyCertificates() {
        X509Certificate sanOnly = TestCertificates.certificate().cn(null).dns("a.example.com", "b.example.com")
                .issue().cert();
        assertThat(sanOnly.getSubjectX500Principal().getName()).isEmpty();
        assertThat(HostnameMatcher.dnsNames(sanOnly)).containsExactly("a.example.com", "b.example.com");
        assertThat(HostnameMatcher.matchingName(sanOnly, "b.example.com")).contains("b.example.com");
    }
}
