package dev.vodcert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.vod.model.v20170321.AddVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.BatchStopVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.DeleteVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.SetVodDomainCertificateRequest;
import dev.vodcert.CertsSyncCommand;
import dev.vodcert.server.AdminConfig;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestServer;
import dev.vodcert.testing.V1Client;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/**
 * A vodcert whose operators' listener requires {@link #TOKEN}, driven through the official V1 SDK
 * (add a domain, set, replace or turn off its certificate, stop or delete it), and the
 * {@code certs sync} command run in this JVM against it, the token handed over in its environment.
 */
final class FeedFixture implements AutoCloseable {
    static final String TOKEN = "feed-test-admin-token-0123456789";
    static final String TOKEN_ENV = "VODCERT_ADMIN_TOKEN";
    private static final String SOURCES = "[{\"content\":\"127.0.0.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final TestServer server = new TestServer(Clock.systemUTC(),
            c -> c.withAdmin(new AdminConfig("127.0.0.1", 0, TOKEN)));
    final V1Client sdk = new V1Client(server.endpoint(), TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);

    /** A domain name no other test of the run uses, under {@code parent}. */
    static String unique(String prefix, String parent) {
        return prefix + NEXT.incrementAndGet() + "." + parent;
    }

    String addDomain(String name) {
        AddVodDomainRequest r = new AddVodDomainRequest();
        r.setDomainName(name);
        r.setSources(SOURCES);
        sdk.call(r);
        return name;
    }

    /** {@code SetVodDomainCertificate} with {@code SSLProtocol=on} and this certificate, uploaded. */
    void setCertificate(String domain, Issued cert) {
        SetVodDomainCertificateRequest r = new SetVodDomainCertificateRequest();
        r.setDomainName(domain);
        r.setSSLProtocol("on");
        r.setSSLPub(cert.chainPem());
        r.setSSLPri(cert.keyPemPkcs8());
        r.setCertName("feed " + NEXT.incrementAndGet());
        sdk.call(r);
    }

    void httpsOff(String domain) {
        SetVodDomainCertificateRequest r = new SetVodDomainCertificateRequest();
        r.setDomainName(domain);
        r.setSSLProtocol("off");
        sdk.call(r);
    }

    void stop(String domain) {
        BatchStopVodDomainRequest r = new BatchStopVodDomainRequest();
        r.setDomainNames(domain);
        sdk.call(r);
    }

    void delete(String domain) {
        DeleteVodDomainRequest r = new DeleteVodDomainRequest();
        r.setDomainName(domain);
        sdk.call(r);
    }

    URI adminUrl() {
        return URI.create("http://127.0.0.1:" + server.app().adminPort());
    }

    /** A GET of the feed with these headers (name, value, ...). */
    HttpResponse<String> getFeed(String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(adminUrl().resolve(FeedClient.PATH));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What one run of {@code certs sync} printed and returned. */
    record Run(int exit, String out, String err) {
    }

    /** {@code vodcert certs sync ARGS [--admin-url <this server>]} with the token in {@value #TOKEN_ENV}. */
    Run sync(String... args) {
        return syncWithToken(TOKEN, args);
    }

    Run syncWithToken(String token, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--admin-url")) {
            all.addAll(List.of("--admin-url", adminUrl().toString()));
        }
        Map<String, String> env = token == null ? Map.of() : Map.of(TOKEN_ENV, token);
        int exit = new CommandLine(new CertsSyncCommand(env::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** As {@link #sync} and expects exit 0. */
    Run syncOk(String... args) {
        Run run = sync(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    /** Stops the node; the test server deletes its data folder itself. */
    @Override
    public void close() {
        server.close();
    }
}
