package dev.vodcert.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestCertificates;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class CertificateFactsTest {

    @Test
    void readsTheLeaf() throws Exception {
        Instant notBefore = Instant.parse("2026-01-02T03:04:05Z");
        Issued site = TestCertificates.certificate().dns("example.com", "www.example.com")
                .validity(notBefore, Instant.parse("2026-04-02T03:04:05Z")).issue();
        CertificateFacts facts = CertificateFacts.of(site.cert());
        assertThat(facts.commonName()).isEqualTo("example.com");
        assertThat(facts.issuerOrg()).isEqualTo("vodcert Test Org");
        assertThat(facts.notBefore()).isEqualTo(notBefore);
        assertThat(facts.notAfter()).isEqualTo(Instant.parse("2026-04-02T03:04:05Z"));
        assertThat(facts.dnsNames()).containsExactly("example.com", "www.example.com");
        assertThat(facts.serialNumber()).isEqualTo(site.cert().getSerialNumber().toString(16)).matches("[0-9a-f]+");
        assertThat(facts.certLife()).isEqualTo("3 months");
        assertThat(facts.fingerprint()).isEqualTo(independentSha1(site.cert())).hasSize(40).matches("[0-9a-f]+");
    }

    @Test
    void fallsBackToTheIssuerCommonName() {
        Issued pebbleLike = TestCertificates.newCa("CN=Pebble Intermediate CA 645fc5").issue("example.com");
        assertThat(CertificateFacts.of(pebbleLike.cert()).issuerOrg()).isEqualTo("Pebble Intermediate CA 645fc5");
    }

    @Test
    void leavesTheCommonNameEmptyForSanOnlyCertificates() {
        Issued sanOnly = TestCertificates.certificate().cn(null).dns("example.com").issue();
        CertificateFacts facts = CertificateFacts.of(sanOnly.cert());
        assertThat(facts.commonName()).isEmpty();
        assertThat(facts.dnsNames()).containsExactly("example.com");
    }

    @Test
    void formatsTimesForTheWire() {
        assertThat(CertificateFacts.formatTime(Instant.parse("2018-06-03T13:03:39.987Z")))
                .isEqualTo("2018-06-03T13:03:39Z");
        assertThat(CertificateFacts.formatTime(Instant.parse("2030-12-31T23:59:59Z")))
                .isEqualTo("2030-12-31T23:59:59Z");
    }

    private static String independentSha1(X509Certificate cert) throws Exception {
        SHA1Digest sha1 = new SHA1Digest();
        byte[] der = cert.getEncoded();
        sha1.update(der, 0, der.length);
        byte[] out = new byte[sha1.getDigestSize()];
        sha1.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    @Test
    void formatTimeWritesWhatTheWirePatternWrites() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(6);
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(min + Math.floorMod(random.nextLong(), max - min + 1),
                    random.nextInt(1_000_000_000));
            assertThat(CertificateFacts.formatTime(t)).isEqualTo(pattern.format(t));
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:34:56Z",
            "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant t = Instant.parse(edge);
            assertThat(CertificateFacts.formatTime(t)).isEqualTo(pattern.format(t));
        }
        assertThat(CertificateFacts.formatTime(Instant.parse("2018-06-03T13:03:39.999Z"))).isEqualTo("2018-06-03T13:03:39Z");
    }
}
