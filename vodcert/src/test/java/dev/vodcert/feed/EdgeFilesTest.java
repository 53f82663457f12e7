package dev.vodcert.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file names, the nginx map and the HAProxy crt-list the sync writes for a feed. */
class EdgeFilesTest {
    private static final Path DIR = Path.of("/etc/vodcert/certs");

    @Test
    void aWildcardDomainGetsAFileNameNoDomainCanHave() {
        assertThat(CertFileName.of("www.example.com")).isEqualTo("www.example.com.pem");
        assertThat(CertFileName.of("*.example.com")).isEqualTo("_wildcard.example.com.pem");
        assertThat(CertFileName.domainOf("_wildcard.example.com.pem")).contains("*.example.com");
        assertThat(CertFileName.domainOf("www.example.com.pem")).contains("www.example.com");
        assertThat(CertFileName.domainOf(EdgeFiles.NGINX_MAP)).isEmpty();
        assertThat(CertFileName.domainOf("site.key.pem.bak")).isEmpty();
        assertThat(CertFileName.domainOf("My.Example.com.pem")).isEmpty();
    }

    @Test
    void aNameThatIsNotACanonicalDomainNeverBecomesAPath() {
        for (String bad : List.of("../../etc/passwd", "a/b.example.com", ".example.com", "WWW.example.com",
                "example.com.", "a b.example.com", "")) {
            assertThatThrownBy(() -> CertFileName.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a canonical domain name");
        }
    }

    @Test
    void oneFilePerDomainHoldsTheChainThenTheKey() {
        Map<String, byte[]> files = EdgeFiles.of(feed("www.example.com"), DIR);
        assertThat(new String(files.get("www.example.com.pem"), StandardCharsets.US_ASCII))
                .isEqualTo("CHAIN www.example.com\nKEY www.example.com\n");
    }

    @Test
    void theNginxMapTriesExactNamesThenTheNearestWildcard() {
        String map = text(EdgeFiles.of(feed("*.example.com", "a.example.com", "*.b.example.com", "example.com"), DIR),
                EdgeFiles.NGINX_MAP);
        assertThat(map).contains("""
                map $ssl_server_name $vodcert_certificate {
                    default "";
                    a.example.com a.example.com;
                    example.com example.com;
                    ~*\\.b\\.example\\.com$ _wildcard.b.example.com;
                    ~*\\.example\\.com$ _wildcard.example.com;
                }
                """);
    }

    @Test
    void theCrtListNamesEachFileWithItsSniFilter() {
        String list = text(EdgeFiles.of(feed("*.example.com", "a.example.com"), DIR), EdgeFiles.HAPROXY_CRT_LIST);
        assertThat(list.lines().filter(l -> !l.startsWith("#")).toList()).containsExactly(
                "/etc/vodcert/certs/a.example.com.pem a.example.com",
                "/etc/vodcert/certs/_wildcard.example.com.pem *.example.com");
    }

    @Test
    void aFolderTheFilesCannotNameIsRefused() {
        assertThatThrownBy(() -> EdgeFiles.of(feed("a.example.com"), Path.of("/srv/my certs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("space");
    }

    private static Feed feed(String... domains) {
        return new Feed("v1", java.util.Arrays.stream(domains)
                .map(d -> new FeedCertificate(d, "CHAIN " + d, "KEY " + d + "\n", "1", "2030-01-01T00:00:00Z")).toList());
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.US_ASCII);
    }
}
