package dev.vodcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.store.Database;
import dev.vodcert.testing.BadRequest;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.RawHttp;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import dev.vodcert.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table: every row of {@value #TABLE} is a malformed or hostile request, sent over
 * HTTP to a real server; each must get its row's {@code status} and {@code Code} (and the
 * {@code message} text where the row gives one), in the error envelope, never a 5xx or a stack trace,
 * and leave every table of the database exactly as it was. New actions add rows, not code (see
 * {@link BadRequest} for the row format and {@link #expand} for the templates).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTableTest {
    static final String TABLE = "/hardening/bad-requests.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([a-zA-Z0-9]+)(?::([^:}]*))?(?::([^}]*))?}}");
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");

    private TestServer server;
    private Connection db;
    private final Map<String, String> fixtures = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        SignedClient mine = new SignedClient(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
        SignedClient theirs = new SignedClient(server.port(), server.otherKey().accessKeyId(),
                server.otherKey().accessKeySecret());
        String domain = "fixture.bad-input-test.com";
        String other = "other-account.bad-input-test.com";
        Issued cert = TestCertificates.issue(domain);
        Issued otherCert = TestCertificates.certificate().key(TestCertificates.ec("secp256r1"))
                .dns("elsewhere.example.org").issue();
        Issued expired = TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns(domain)
                .validity(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35))).issue();
        for (var call : List.of(Map.of("DomainName", domain), Map.of("DomainName", other))) {
            SignedClient client = call.get("DomainName").equals(domain) ? mine : theirs;
            assertThat(client.call("AddVodDomain", Map.of("DomainName", call.get("DomainName"), "Sources",
                    ApiTestBase.SOURCES)).status()).isEqualTo(200);
        }
        Map<String, String> upload = new LinkedHashMap<>();
        upload.put("DomainName", domain);
        upload.put("SSLProtocol", "on");
        upload.put("SSLPub", cert.chainPem());
        upload.put("SSLPri", cert.keyPemPkcs8());
        assertThat(mine.call("SetVodDomainCertificate", upload).status()).isEqualTo(200);
        fixtures.put("domain", domain);
        fixtures.put("otherDomain", other);
        fixtures.put("cert", cert.chainPem());
        fixtures.put("key", cert.keyPemPkcs8());
        fixtures.put("keyPkcs1", cert.keyPemPkcs1());
        fixtures.put("otherCert", otherCert.chainPem());
        fixtures.put("otherCertKey", otherCert.keyPemPkcs8());
        fixtures.put("expiredCert", expired.certPem());
        fixtures.put("expiredKey", expired.keyPemPkcs8());
        fixtures.put("mismatchedKey", otherCert.keyPemPkcs8());
        fixtures.put("encryptedKey", cert.keyPemEncryptedPkcs8("a passphrase"));
        fixtures.put("otherKeyId", server.otherKey().accessKeyId());
        db = DriverManager.getConnection(Database.h2Url(server.dataDir()));
    }

    @AfterAll
    void stop() throws SQLException {
        db.close();
        server.close();
    }

    Stream<Arguments> rows() throws IOException {
        return table().stream().map(row -> Arguments.of(row.path("id").asText(), row));
    }

    static List<JsonNode> table() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                BadInputTableTest.class.getResourceAsStream(TABLE), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
        }
        return rows;
    }

    @Test
    void theTableHasAtLeast150RowsWithDistinctIdsAndExpectations() throws IOException {
        List<JsonNode> rows = table();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        assertThat(new HashSet<>(rows.stream().map(r -> r.path("id").asText()).toList())).hasSize(rows.size());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.path("status").asInt()).as(r.toString()).isBetween(400, 499);
            assertThat(r.path("code").asText()).as(r.toString()).isNotBlank();
            assertThat(r.path("what").asText()).as(r.toString()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithItsCodeAndNothingStoredChanges(String id, JsonNode row) throws Exception {
        String before = dump();
        BadRequest request = new BadRequest(row, text -> expand(text, id));
        if (row.path("replay").asBoolean()) {
            RawHttp.Reply first = request.send(server.port(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
            assertThat(first.status()).as("the original of a replay: " + first.body()).isLessThan(500);
        }
        RawHttp.Reply reply = request.send(server.port(), keyId(row), secret(row));
        String what = row.path("what").asText() + " -> " + reply.status() + " " + reply.body();
        assertThat(reply.status()).as(what).isEqualTo(row.path("status").asInt());
        String contentType = reply.headers().getOrDefault("content-type", "");
        String code;
        if (contentType.startsWith("text/xml")) {
            Matcher m = XML_CODE.matcher(reply.body());
            code = m.find() ? m.group(1) : null;
            assertThat(row.path("xml").asBoolean()).as("XML only when asked for: " + what).isTrue();
        } else {
            assertThat(contentType).as(what).isEqualTo("application/json;charset=utf-8");
            if (!row.path("method").asText().equals("HEAD")) {
                JsonNode body = JSON.readTree(reply.body());
                code = body.path("Code").asText();
                assertThat(body.path("RequestId").asText()).as(what).matches("[0-9A-F-]{36}");
                assertThat(body.path("Message").asText()).as(what).isNotBlank();
            } else {
                code = row.path("code").asText();
            }
        }
        assertThat(code).as(what).isEqualTo(row.path("code").asText());
        if (row.hasNonNull("message")) {
            assertThat(reply.body()).as(what).contains(expand(row.path("message").asText(), id));
        }
        assertThat(reply.body()).as("no stack trace: " + what).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(reply.body().length()).as("answers stay small: " + what).isLessThan(8192);
        assertThat(dump()).as("stored data unchanged by " + id).isEqualTo(before);
    }

    private String keyId(JsonNode row) {
        return row.path("asOther").asBoolean() ? server.otherKey().accessKeyId() : TestServer.ACCESS_KEY_ID;
    }

    private String secret(JsonNode row) {
        return row.path("asOther").asBoolean() ? server.otherKey().accessKeySecret() : TestServer.ACCESS_KEY_SECRET;
    }

    /**
     * Templates: {@code {{domain}}} (the caller's domain, HTTPS on), {@code {{otherDomain}}} (another
     * account's), {@code {{fresh}}} (a valid name no one has), {@code {{cert}} {{key}} {{keyPkcs1}}}
     * (its certificate and key), {@code {{otherCert}} {{otherCertKey}}} (a pair for another name),
     * {@code {{expiredCert}} {{expiredKey}} {{mismatchedKey}} {{encryptedKey}}},
     * {@code {{repeat:N:text}}}, {@code {{nest:N}}} / {@code {{nestKey:N}}} (PEM of N nested
     * SEQUENCEs), {@code {{pemBlocks:N}}} (the certificate N times), {@code {{deepJson:N}}},
     * {@code {{deepObject:N}}}, {@code {{ts:MINUTES}}} (a timestamp that far from now).
     */
    String expand(String text, String id) {
        Matcher m = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(template(m.group(1), m.group(2), m.group(3), id)));
        }
        m.appendTail(out);
        assertThat(out.toString()).as("every template of row " + id + " is known").doesNotContain("{{");
        return out.toString();
    }

    private String template(String name, String a, String b, String id) {
        return switch (name) {
            case "fresh" -> "r-" + id.replaceAll("[^a-z0-9-]", "-") + ".bad-input-test.com";
            case "repeat" -> (b == null ? "" : b).repeat(Integer.parseInt(a));
            case "nest" -> pem("CERTIFICATE", Asn1.nested(Integer.parseInt(a)));
            case "nestKey" -> pem("PRIVATE KEY", Asn1.nested(Integer.parseInt(a)));
            case "pemBlocks" -> fixtures.get("cert").split("(?<=-----END CERTIFICATE-----\n)")[0]
                    .repeat(Integer.parseInt(a));
            case "deepJson" -> "[".repeat(Integer.parseInt(a)) + "]".repeat(Integer.parseInt(a));
            case "deepObject" -> "{\"a\":".repeat(Integer.parseInt(a)) + "1" + "}".repeat(Integer.parseInt(a));
            case "ts" -> java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(Instant.now().plus(Duration.ofMinutes(Long.parseLong(a))));
            default -> {
                String value = fixtures.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("unknown template " + name);
                }
                yield value;
            }
        };
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** Every row of every table, in a stable order: the stored data, to compare before and after. */
    private String dump() throws SQLException {
        StringBuilder out = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM "
                + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).contains("ACCOUNT", "ACCESS_KEY", "CERTIFICATE", "VOD_DOMAIN");
        for (String table : tables) {
            out.append("== ").append(table).append('\n');
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table
                    + "\" ORDER BY 1")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        out.append(rs.getString(i)).append('|');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** DER of nested SEQUENCEs, the shape of an ASN.1 bomb. */
    static final class Asn1 {
        static byte[] nested(int depth) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < depth; i++) {
                out.write(0x30);
                out.write(0x80);
            }
            out.writeBytes(new byte[2 * depth]);
            return out.toByteArray();
        }
    }
}
