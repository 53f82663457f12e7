package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.ErrorCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SourcesTest {

    private static ApiException refused(String json) {
        try {
            Sources.parse(json);
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    private static String entry(String body) {
        return "[{" + body + "}]";
    }

    @Test
    void minimalEntryGetsDefaults() {
        List<Source> sources = Sources.parse("[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\"}]");
        assertThat(sources).containsExactly(new Source("ipaddr", "1.1.1.1", "20", 80, null, "online"));
        Source s = sources.get(0);
        assertThat(s.priority()).isEqualTo("20");
        assertThat(s.port()).isEqualTo(80);
        assertThat(s.weight()).isNull();
        assertThat(s.enabled()).isEqualTo("online");
    }

    @Test
    void documentedExample() {
        List<Source> sources = Sources.parse(
                "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]");
        assertThat(sources).containsExactly(Source.of("ipaddr", "1.1.1.1", 80));
    }

    @Test
    void severalEntriesKeepOrderAndNormalise() {
        List<Source> sources = Sources.parse("[ {\"type\":\"domain\",\"content\":\"Origin.Example.COM\",\"port\":443,"
                + "\"priority\":30},\n {\"type\":\"oss\",\"content\":\"bucket.oss-cn-hangzhou.aliyuncs.com\","
                + "\"port\":\"8080\",\"weight\":\"010\"}, {\"type\":\"ipaddr\",\"content\":\"2001:DB8:0:0:0:0:0:1\"} ]");
        assertThat(sources).containsExactly(
                new Source("domain", "origin.example.com", "30", 443, null, "online"),
                new Source("oss", "bucket.oss-cn-hangzhou.aliyuncs.com", "20", 8080, "10", "online"),
                new Source("ipaddr", "2001:db8::1", "20", 80, null, "online"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"priority\":\"20\"|20",
            "\"priority\":20|20",
            "\"priority\":\"30\"|30",
            "\"priority\":30|30",
            "\"priority\":null|20",
    })
    void priorityAsStringOrNumber(String field, String expected) {
        String json = entry("\"type\":\"ipaddr\",\"content\":\"10.0.0.1\"," + field);
        assertThat(Sources.parse(json).get(0).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"port\":1|1",
            "\"port\":65535|65535",
            "\"port\":\"443\"|443",
            "\"port\":null|80",
    })
    void portAsIntegerOrDigits(String field, int expected) {
        String json = entry("\"type\":\"ipaddr\",\"content\":\"10.0.0.1\"," + field);
        assertThat(Sources.parse(json).get(0).port()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"weight\":0|0",
            "\"weight\":100|100",
            "\"weight\":\"50\"|50",
            "\"weight\":\"007\"|7",
    })
    void weightAsStringOrInteger(String field, String expected) {
        String json = entry("\"type\":\"ipaddr\",\"content\":\"10.0.0.1\"," + field);
        assertThat(Sources.parse(json).get(0).weight()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "::1, ::1",
            "2001:db8::1, 2001:db8::1",
            "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "fe80:0:0:0:0:0:0:0, fe80::",
            "::ffff:192.0.2.1, ::ffff:192.0.2.1",
            "::192.0.2.1, ::c000:201",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "1:0:3:4:5:6:7:8, 1:0:3:4:5:6:7:8",
            "0:0:0:0:0:0:0:0, ::",
    })
    void ipv6ContentIsAcceptedAndCanonical(String content, String canonical) {
        String json = entry("\"type\":\"ipaddr\",\"content\":\"" + content + "\"");
        assertThat(Sources.parse(json).get(0).content()).isEqualTo(canonical);
    }

    static Stream<Arguments> refusals() {
        ErrorCode sources = VodErrors.INVALID_SOURCES_MALFORMED;
        ErrorCode type = VodErrors.INVALID_SOURCE_TYPE_MALFORMED;
        ErrorCode content = VodErrors.INVALID_SOURCE_CONTENT_MALFORMED;
        ErrorCode mismatch = VodErrors.INVALID_TYPE_CONTENT_MISMATCH;
        ErrorCode priority = VodErrors.INVALID_SOURCE_PRIORITY_MALFORMED;
        ErrorCode port = VodErrors.INVALID_SOURCE_PORT_MALFORMED;
        String ip = "\"type\":\"ipaddr\",\"content\":\"1.1.1.1\",";
        return Stream.of(
                Arguments.of(null, sources, "it is empty"),
                Arguments.of("", sources, "it is empty"),
                Arguments.of("not json", sources, "not valid JSON"),
                Arguments.of("[{\"type\":\"ipaddr\"", sources, "not valid JSON"),
                Arguments.of("[{\"type\":'ipaddr'}]", sources, "not valid JSON"),
                Arguments.of("{\"type\":\"ipaddr\",\"content\":\"1.1.1.1\"}", sources, "JSON array"),
                Arguments.of("\"[]\"", sources, "JSON array"),
                Arguments.of("[]", sources, "array is empty"),
                Arguments.of("[1]", sources, "entry 1 is not a JSON object"),
                Arguments.of("[\"x\"]", sources, "entry 1 is not a JSON object"),
                Arguments.of("[[]]", sources, "entry 1 is not a JSON object"),
                Arguments.of(entry(ip + "\"port\":80") + "[]", sources, "more text after the array"),
                Arguments.of(entry(ip + "\"Port\":80"), sources, "unknown key \"Port\""),
                Arguments.of(entry(ip + "\"enabled\":\"online\""), sources, "unknown key \"enabled\""),
                Arguments.of(entry(ip + "\"port\":80,\"port\":81"), sources, "key \"port\" twice"),
                Arguments.of("[{" + ip + "\"port\":80},{" + ip + "\"port\":80}]", sources,
                        "entry 2 repeats the type, content and port"),
                Arguments.of("[{" + ip + "\"port\":80},{\"type\":\"ipaddr\",\"content\":\"1.1.1.1\"}]", sources,
                        "entry 2 repeats"),
                Arguments.of(entry("\"content\":\"1.1.1.1\""), type, "type is missing"),
                Arguments.of(entry("\"content\":\"1.1.1.1\",\"type\":null"), type, "type is missing"),
                Arguments.of(entry("\"content\":\"1.1.1.1\",\"type\":\"IPADDR\""), type, "\"IPADDR\""),
                Arguments.of(entry("\"content\":\"1.1.1.1\",\"type\":\"cname\""), type, "ipaddr, domain, oss"),
                Arguments.of(entry("\"content\":\"1.1.1.1\",\"type\":1"), type, "must be a JSON string"),
                Arguments.of(entry("\"type\":\"ipaddr\""), content, "content is missing"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":\"\""), content, "missing or empty"),
                Arguments.of(entry("\"type\":\"domain\",\"content\":\"" + "a".repeat(256) + "\""), content,
                        "longer than 255"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":42"), content, "must be a JSON string"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":\"origin.example.com\""), mismatch,
                        "not a literal IPv4 or IPv6 address"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":\"256.0.0.1\""), mismatch, "does not match type ipaddr"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":\"010.0.0.1\""), mismatch, "does not match type ipaddr"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":\"[::1]\""), mismatch, "does not match type ipaddr"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":\"fe80::1%eth0\""), mismatch, "does not match"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":\"1::2::3\""), mismatch, "does not match"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":\"1:2:3:4:5:6:7:8:9\""), mismatch, "does not match"),
                Arguments.of(entry("\"type\":\"ipaddr\",\"content\":\"localhost\""), mismatch, "does not match"),
                Arguments.of(entry("\"type\":\"domain\",\"content\":\"1.1.1.1\""), mismatch, "is an IP address"),
                Arguments.of(entry("\"type\":\"oss\",\"content\":\"2001:db8::1\""), mismatch, "is an IP address"),
                Arguments.of(entry("\"type\":\"domain\",\"content\":\"bad_host.example.com\""), mismatch,
                        "not a valid host name"),
                Arguments.of(entry("\"type\":\"domain\",\"content\":\"*.example.com\""), mismatch, "wildcard"),
                Arguments.of(entry("\"type\":\"oss\",\"content\":\"localhost\""), mismatch, "at least two labels"),
                Arguments.of(entry(ip + "\"priority\":\"10\""), priority, "\"10\""),
                Arguments.of(entry(ip + "\"priority\":\"\""), priority, "must be \"20\""),
                Arguments.of(entry(ip + "\"priority\":20.0"), priority, "string or integer"),
                Arguments.of(entry(ip + "\"priority\":true"), priority, "string or integer"),
                Arguments.of(entry(ip + "\"priority\":[20]"), priority, "string or integer"),
                Arguments.of(entry(ip + "\"port\":0"), port, "from 1 to 65535"),
                Arguments.of(entry(ip + "\"port\":65536"), port, "from 1 to 65535"),
                Arguments.of(entry(ip + "\"port\":-1"), port, "from 1 to 65535"),
                Arguments.of(entry(ip + "\"port\":80.5"), port, "from 1 to 65535"),
                Arguments.of(entry(ip + "\"port\":\"http\""), port, "\"http\""),
                Arguments.of(entry(ip + "\"port\":\" 80\""), port, "from 1 to 65535"),
                Arguments.of(entry(ip + "\"port\":99999999999999999999"), port, "from 1 to 65535"),
                Arguments.of(entry(ip + "\"port\":{}"), port, "from 1 to 65535"),
                Arguments.of(entry(ip + "\"weight\":101"), sources, "weight \"101\""),
                Arguments.of(entry(ip + "\"weight\":-1"), sources, "from 0 to 100"),
                Arguments.of(entry(ip + "\"weight\":\"abc\""), sources, "from 0 to 100"),
                Arguments.of(entry(ip + "\"weight\":1.5"), sources, "weight must be"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWithCode(String json, ErrorCode code, String detail) {
        ApiException e = refused(json);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains(detail);
    }

    @Test
    void entryErrorsNameTheEntry() {
        String json = "[{\"type\":\"ipaddr\",\"content\":\"1.1.1.1\"},{\"type\":\"ipaddr\",\"content\":\"x\"}]";
        assertThat(refused(json).getMessage()).startsWith("Sources entry 2: ");
    }

    @Test
    void fieldRulesApplyInAFixedOrder() {
        ApiException e = refused(entry("\"port\":0,\"priority\":\"1\",\"content\":\"\",\"type\":\"x\""));
        assertThat(e.errorCode()).isEqualTo(VodErrors.INVALID_SOURCE_TYPE_MALFORMED);
    }

    @Test
    void twentyEntriesButNotTwentyOne() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 1; i <= 21; i++) {
            sb.append(i > 1 ? "," : "").append("{\"type\":\"ipaddr\",\"content\":\"10.0.0.").append(i).append("\"}");
            if (i == 20) {
                assertThat(Sources.parse(sb + "]")).hasSize(20);
            }
        }
        assertThat(refused(sb + "]").getMessage()).contains("more than 20 entries");
    }

    @Test
    void deepNestingIsRefusedCleanly() {
        String deep = "[".repeat(8_000) + "]".repeat(8_000);
        assertThatCode(() -> refused(deep)).doesNotThrowAnyException();
        assertThat(refused(deep).errorCode()).isEqualTo(VodErrors.INVALID_SOURCES_MALFORMED);
        String deeper = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(refused(deeper).errorCode()).isEqualTo(VodErrors.INVALID_SOURCES_MALFORMED);

        String deepValue = entry("\"type\":" + "[".repeat(5000) + "]".repeat(5000));
        assertThat(refused(deepValue).errorCode()).isEqualTo(VodErrors.INVALID_SOURCES_MALFORMED);
        assertThat(refused(deepValue).getMessage()).contains("nesting depth 8");

        String nested = "[" + "[".repeat(20) + "]".repeat(20) + "]";
        assertThat(refused(nested).errorCode()).isEqualTo(VodErrors.INVALID_SOURCES_MALFORMED);
    }

    @Test
    void hugeInputIsRefused() {
        String padding = " ".repeat(Sources.MAX_INPUT_BYTES);
        ApiException e = refused(entry("\"type\":\"ipaddr\",\"content\":\"1.1.1.1\"") + padding);
        assertThat(e.errorCode()).isEqualTo(VodErrors.INVALID_SOURCES_MALFORMED);
        assertThat(e.getMessage()).contains("longer than 16384 bytes");

        String multiByte = entry("\"type\":\"domain\",\"content\":\"例子.测试\"") + " ".repeat(16_300) + "例".repeat(40);
        assertThat(multiByte.length()).isLessThan(Sources.MAX_INPUT_BYTES);
        assertThat(refused(multiByte).getMessage()).contains("longer than 16384 bytes");

        String longString = entry("\"type\":\"domain\",\"content\":\"" + "a".repeat(10_000) + "\"");
        assertThat(refused(longString).errorCode()).isEqualTo(VodErrors.INVALID_SOURCES_MALFORMED);
    }

    @Test
    void echoedKeysAreSafe() {
        String key = "k\\u0000\\n" + "z".repeat(500);
        String message = refused(entry("\"" + key + "\":1")).getMessage();
        assertThat(message).doesNotContain("\u0000").doesNotContain("\n").contains("...");
        assertThat(message.length()).isLessThan(200);
    }

    @Test
    void internationalisedOriginIsStoredAsAscii() {
        assertThat(Sources.parse(entry("\"type\":\"domain\",\"content\":\"例子.测试\"")).get(0).content())
                .isEqualTo("xn--fsqu00a.xn--0zwm56d");
    }

    @Test
    void toJsonIsCanonicalAndRoundTrips() {
        List<Source> sources = Sources.parse("[{\"port\":\"443\",\"priority\":30,\"type\":\"domain\","
                + "\"content\":\"Origin.Example.com\",\"weight\":5},{\"type\":\"ipaddr\",\"content\":\"::1\"}]");
        String json = Sources.toJson(sources);
        assertThat(json).isEqualTo("[{\"content\":\"origin.example.com\",\"type\":\"domain\",\"priority\":\"30\","
                + "\"port\":443,\"weight\":\"5\"},{\"content\":\"::1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]");
        assertThat(Sources.parse(json)).isEqualTo(sources);
        assertThat(Sources.toJson(Sources.parse(json))).isEqualTo(json);
    }
}
