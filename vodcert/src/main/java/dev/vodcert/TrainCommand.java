package dev.vodcert;

import dev.vodcert.protocol.PercentEncoder;
import dev.vodcert.protocol.SignatureV1;
import dev.vodcert.server.AdminConfig;
import dev.vodcert.server.Config;
import dev.vodcert.server.Vodcert;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code train}: the training run of the start-up class archive (AppCDS). It starts the service on
 * a throwaway data folder (port 0, no admin listener), answers one signed
 * {@code DescribeVodDomainCertificateInfo} (a 404 {@code InvalidDomain.NotFound}: there are no
 * domains), stops and deletes the folder. Run under {@code -XX:ArchiveClassesAtExit=FILE}, the JVM
 * then writes every class that start loaded to FILE; the build does that after packaging
 * ({@code target/vodcert.jsa}, README "Memory and start-up"). Hidden: not for operators.
 */
@Command(name = "train", hidden = true, description = "One start and one signed request on a throwaway folder.")
final class TrainCommand implements Callable<Integer> {
    private static final String ACCESS_KEY_ID = "LTAItrainingclassarchive";

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("vodcert-train");
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(15));
        Config config = Config.defaults(data).withPort(0).withAccessKey(ACCESS_KEY_ID, secret)
                .withAdmin(new AdminConfig("127.0.0.1", -1, null));
        try (Vodcert app = Vodcert.start(config, Clock.systemUTC(), System.err)) {
            int status = describe(app.port(), secret);
            if (status != 404) {
                System.err.println("vodcert train: the signed request got HTTP " + status + ", not 404");
                return 1;
            }
        } finally {
            delete(data);
        }
        return 0;
    }

    /** One V1-signed GET, as the official SDKs send it; the HTTP status of the answer. */
    private static int describe(int port, String secret) throws IOException {
        Map<String, String> params = new TreeMap<>();
        params.put("AccessKeyId", ACCESS_KEY_ID);
        params.put("Action", "DescribeVodDomainCertificateInfo");
        params.put("DomainName", "train.example.com");
        params.put("Format", "JSON");
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("SignatureVersion", "1.0");
        params.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        params.put("Version", "2017-03-21");
        params.put("Signature", SignatureV1.sign(secret, SignatureV1.stringToSign("GET", params, false)));
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(PercentEncoder.encode(k))
                .append('=').append(PercentEncoder.encode(v)));
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/?" + query).toURL()
                .openConnection();
        try {
            int status = c.getResponseCode();
            try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status;
        } finally {
            c.disconnect();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
