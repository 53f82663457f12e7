package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    private static String labels(int count, int length) {
        String label = "a".repeat(length);
        return String.join(".", java.util.Collections.nCopies(count, label));
    }

    /** A name of exactly {@code length} ASCII characters ending in {@code .com}. */
    private static String nameOfLength(int length) {
        StringBuilder sb = new StringBuilder();
        int body = length - ".com".length();
        while (sb.length() < body) {
            int room = body - sb.length();
            if (sb.length() > 0) {
                sb.append('.');
                room--;
            }
            sb.append("a".repeat(Math.max(1, Math.min(63, room))));
        }
        return sb + ".com";
    }

    private static ApiException refused(String raw) {
        try {
            DomainName.parse(raw);
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("accepted: " + raw);
    }

    @ParameterizedTest
    @CsvSource({
            "example.com, example.com",
            "www.example.com, www.example.com",
            "WWW.Example.COM, www.example.com",
            "a-b.c0.example.com, a-b.c0.example.com",
            "1.example.com, 1.example.com",
            "xn--bcher-kva.example, xn--bcher-kva.example",
            "XN--BCHER-KVA.example, xn--bcher-kva.example",
            "example.123a, example.123a",
    })
    void acceptsAndNormalises(String raw, String ascii) {
        DomainName d = DomainName.parse(raw);
        assertThat(d.ascii()).isEqualTo(ascii);
        assertThat(d.toString()).isEqualTo(ascii);
        assertThat(d.isWildcard()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "例子.测试, xn--fsqu00a.xn--0zwm56d, 例子.测试",
            "bücher.example, xn--bcher-kva.example, bücher.example",
            "BÜCHER.example, xn--bcher-kva.example, bücher.example",
            "xn--bcher-kva.example, xn--bcher-kva.example, bücher.example",
            "例子。测试, xn--fsqu00a.xn--0zwm56d, 例子.测试",
            "*.bücher.example, *.xn--bcher-kva.example, *.bücher.example",
    })
    void internationalisedNames(String raw, String ascii, String unicode) {
        DomainName d = DomainName.parse(raw);
        assertThat(d.ascii()).isEqualTo(ascii);
        assertThat(d.unicode()).isEqualTo(unicode);
        assertThat(DomainName.parse(d.unicode())).isEqualTo(d);
        assertThat(DomainName.parse(d.ascii())).isEqualTo(d);
    }

    @Test
    void lengthLimits() {
        assertThat(nameOfLength(253)).hasSize(253);
        assertThat(DomainName.parse(nameOfLength(253)).ascii()).hasSize(253);
        assertThat(refused(nameOfLength(254)).getMessage()).contains("longer than 253 characters");
        assertThat(refused("x".repeat(5000) + ".com").getMessage()).contains("longer than 253 characters");

        assertThat(DomainName.parse("a".repeat(63) + ".com").ascii()).startsWith("a".repeat(63));
        assertThat(refused("a".repeat(64) + ".com").getMessage()).contains("not 1 to 63 characters long");
        assertThat(DomainName.parse(labels(3, 63) + "." + "b".repeat(57) + ".com").ascii()).hasSize(253);
        assertThat(DomainName.parse("*." + nameOfLength(251)).ascii()).hasSize(253);
        assertThat(refused("*." + nameOfLength(252)).getMessage()).contains("longer than 253 characters");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|it is empty",
            "' example.com'|whitespace",
            "'example.com '|whitespace",
            "'exa mple.com'|whitespace",
            "'example.com\t'|control character",
            "'exa\u0000mple.com'|control character",
            "'exa\u007fmple.com'|control character",
            "'exa\u200bmple.com'|control character",
            "'exa\u00a0mple.com'|whitespace",
            "'example.com/path'|'/'",
            "'example\\.com'|'\\'",
            "'example.com:80'|':'",
            "'user@example.com'|'@'",
            "'exa%41mple.com'|'%'",
            "'my_host.example.com'|'_'",
            "'example.com.'|ends with a dot",
            "'example..com'|empty label",
            "'..example.com'|empty label",
            "'.'|empty label",
            "'*.'|empty label",
            "'example'|at least two labels",
            "'com'|at least two labels",
            "'*.com'|wildcard needs at least two labels",
            "'.com'|wildcard needs at least two labels",
            "'a*.example.com'|'*' is allowed only",
            "'a.*.example.com'|'*' is allowed only",
            "'*.*.example.com'|'*' is allowed only",
            "'*'|'*' is allowed only",
            "'*example.com'|'*' is allowed only",
            "'-example.com'|starts or ends with '-'",
            "'example-.com'|starts or ends with '-'",
            "'example.-com'|starts or ends with '-'",
            "'exa!mple.com'|other than letters, digits and '-'",
            "'exa\"mple.com'|other than letters, digits and '-'",
            "'1.2.3.4'|all digits",
            "'192.168.0.1'|all digits",
            "'example.123'|all digits",
            "'xn--zz.com'|not a valid punycode",
            "'exa\uFF0Fmple.com'|not a valid internationalised label",
            "'exa\u2603\u0085.com'|control character",
    })
    void refusesWithRule(String raw, String rule) {
        ApiException e = refused(raw);
        assertThat(e.errorCode()).isEqualTo(VodErrors.INVALID_DOMAIN_NAME_MALFORMED);
        assertThat(e.code()).isEqualTo("InvalidDomainName.Malformed");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).startsWith("Specified DomainName \"").contains(rule);
    }

    @Test
    void refusesNull() {
        assertThat(refused(null).getMessage()).contains("it is empty");
    }

    @Test
    void ipv6IsRefusedByItsColons() {
        assertThat(refused("::1").getMessage()).contains("':'");
    }

    @Test
    void echoIsTruncatedAndStripsControlCharacters() {
        String raw = "bad\u0001name" + "x".repeat(200) + "_.com";
        String message = refused(raw).getMessage();
        assertThat(message).doesNotContain("\u0001").contains("badname").contains("...")
                .doesNotContain("x".repeat(61));
        assertThat(message.length()).isLessThan(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.example.com", ".example.com", "*.EXAMPLE.com", ".Example.Com"})
    void wildcardForms(String raw) {
        DomainName d = DomainName.parse(raw);
        assertThat(d.ascii()).isEqualTo("*.example.com");
        assertThat(d.isWildcard()).isTrue();
        assertThat(d.rootDomain()).isEqualTo("example.com");
    }

    @ParameterizedTest
    @CsvSource({
            "example.com, example.com",
            "www.example.com, example.com",
            "a.b.example.com, example.com",
            "*.example.com, example.com",
            "*.a.example.com, example.com",
            "example.com.cn, example.com.cn",
            "www.example.com.cn, example.com.cn",
            "a.b.example.net.cn, example.net.cn",
            "www.example.co.uk, example.co.uk",
            "www.example.org.uk, example.org.uk",
            "www.example.com.hk, example.com.hk",
            "www.example.com.tw, example.com.tw",
            "www.example.co.jp, example.co.jp",
            "www.example.com.au, example.com.au",
            "www.example.com.br, example.com.br",
            "www.example.org.cn, example.org.cn",
            "www.example.gov.cn, example.gov.cn",
            "www.example.edu.cn, example.edu.cn",
            "com.cn, com.cn",
            "*.com.cn, com.cn",
            "*.example.com.cn, example.com.cn",
            "www.example.cn, example.cn",
            "www.example.uk, example.uk",
            "www.example.net.uk, net.uk",
            "www.bücher.example, xn--bcher-kva.example",
    })
    void rootDomain(String raw, String root) {
        assertThat(DomainName.parse(raw).rootDomain()).isEqualTo(root);
    }

    @Test
    void constructorAcceptsOnlyCanonicalPairs() {
        assertThat(new DomainName("xn--bcher-kva.example", "bücher.example"))
                .isEqualTo(DomainName.parse("bücher.example"));
        assertThatThrownBy(() -> new DomainName("Example.com", "Example.com"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("canonical"));
        assertThatThrownBy(() -> new DomainName(".example.com", ".example.com"))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new DomainName("example.com", "other.com"))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new DomainName("exa mple.com", "exa mple.com"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("whitespace"));
    }

    @ParameterizedTest
    @CsvSource({
            "1.2.3.4, true",
            "255.255.255.255, true",
            "::1, true",
            "2001:db8::1, true",
            "::ffff:1.2.3.4, true",
            "256.1.1.1, false",
            "01.2.3.4, false",
            "1.2.3, false",
            "example.com, false",
            "'', false",
            "[::1], false",
            "fe80::1%eth0, false",
    })
    void looksLikeIpAddress(String text, boolean expected) {
        assertThat(DomainName.looksLikeIpAddress(text)).isEqualTo(expected);
    }
}
