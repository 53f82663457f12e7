package dev.vodcert.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.issuance.AcmeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's real Pebble (ACME CA) and pebble-challtestsrv (its DNS), both on 127.0.0.1 and free ports,
 * for tests. Pebble's VA resolves each domain through challtestsrv (every name answers 127.0.0.1)
 * and fetches {@code http://<domain>:<httpPort>/.well-known/acme-challenge/...}, so {@code httpPort}
 * must be where vodcert's challenge listener answers. Pebble runs with {@code PEBBLE_VA_NOSLEEP=1};
 * its nonce rejection stays at Pebble's default (5 %) unless {@link Builder#nonceRejectPercent} says
 * otherwise; certificates live Pebble's default 5 years unless {@link Builder#certificateValidity}
 * shortens them. {@link #stopAcme()} / {@link #startAcme()} take the CA down and up on the same port.
 *
 * <pre>{@code
 * try (PebbleServer pebble = PebbleServer.builder(listener.port()).start()) {
 *     AcmeSettings settings = pebble.acmeSettings();   // acme://pebble/127.0.0.1:<port>, trusting its HTTPS CA
 * }
 * }</pre>
 */
public final class PebbleServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final PebbleTls tls;
    private final Builder options;
    private final int acmePort;
    private final int dnsPort;
    private final int dnsManagementPort;
    private final TestProcess dns;
    private TestProcess pebble;
    private boolean paused;

    /** Pebble validating HTTP-01 on {@code httpPort} of 127.0.0.1. */
    public static Builder builder(int httpPort) {
        return new Builder(httpPort);
    }

    /** Options; each left unset keeps Pebble's default. */
    public static final class Builder {
        private final int httpPort;
        private Duration validity;
        private Integer nonceRejectPercent;

        private Builder(int httpPort) {
            this.httpPort = httpPort;
        }

        /** Pebble's {@code certificateValidityPeriod}: issued certificates live this long (whole seconds). */
        public Builder certificateValidity(Duration validity) {
            this.validity = validity;
            return this;
        }

        /** {@code PEBBLE_WFE_NONCEREJECT}: the percentage of good nonces Pebble refuses as bad. */
        public Builder nonceRejectPercent(int percent) {
            this.nonceRejectPercent = percent;
            return this;
        }

        public PebbleServer start() {
            return new PebbleServer(this);
        }
    }

    private PebbleServer(Builder options) {
        String pebbleBinary = TestProcess.require("pebble");
        String dnsBinary = TestProcess.require("pebble-challtestsrv");
        this.options = options;
        this.dir = TempFolders.create("vodcert-pebble");
        this.tls = PebbleTls.writeTo(dir);
        this.acmePort = freePort();
        this.dnsPort = freePort();
        this.dnsManagementPort = freePort();
        this.dns = TestProcess.start("pebble-challtestsrv", List.of(dnsBinary, "-defaultIPv4", "127.0.0.1",
                "-defaultIPv6", "", "-dns01", "127.0.0.1:" + dnsPort, "-http01", "", "-https01", "",
                "-tlsalpn01", "", "-management", "127.0.0.1:" + dnsManagementPort), Map.of(), dir,
                "Starting management server", dnsManagementPort);
        try {
            writeConfig(pebbleBinary);
            startAcme();
        } catch (RuntimeException e) {
            dns.close();
            throw e;
        }
    }

    private void writeConfig(String pebbleBinary) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("listenAddress", "127.0.0.1:" + acmePort);
        config.put("managementListenAddress", "127.0.0.1:" + freePort());
        config.put("certificate", tls.certPem.toString());
        config.put("privateKey", tls.keyPem.toString());
        config.put("httpPort", options.httpPort);
        config.put("tlsPort", freePort());
        config.put("ocspResponderURL", "");
        config.put("externalAccountBindingRequired", false);
        if (options.validity != null) {
            config.put("certificateValidityPeriod", options.validity.toSeconds());
        }
        try {
            JSON.writeValue(dir.resolve("pebble-config.json").toFile(), Map.of("pebble", config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Pebble (again) on its port; a restarted Pebble has forgotten every account and order. */
    public void startAcme() {
        if (pebble != null) {
            throw new IllegalStateException("Pebble is already running");
        }
        Map<String, String> env = new HashMap<>();
        env.put("PEBBLE_VA_NOSLEEP", "1");
        if (options.nonceRejectPercent != null) {
            env.put("PEBBLE_WFE_NONCEREJECT", Integer.toString(options.nonceRejectPercent));
        }
        pebble = TestProcess.start("pebble", List.of(TestProcess.require("pebble"), "-config",
                dir.resolve("pebble-config.json").toString(), "-dnsserver", "127.0.0.1:" + dnsPort), env, dir,
                "Listening on", acmePort);
    }

    /**
     * Freezes Pebble (SIGSTOP): its port still accepts connections but nothing answers, so an ACME
     * order in progress waits there until {@link #resumeAcme()}. Lets a test act while a domain is
     * {@code applying}.
     */
    public void pauseAcme() {
        running().signal("STOP");
        paused = true;
    }

    /** Lets a frozen Pebble go on (SIGCONT); the requests that waited are answered. */
    public void resumeAcme() {
        running().signal("CONT");
        paused = false;
    }

    private TestProcess running() {
        if (pebble == null) {
            throw new IllegalStateException("Pebble is stopped");
        }
        return pebble;
    }

    /** The port Pebble validates HTTP-01 on (where vodcert's challenge listener must answer). */
    public int httpPort() {
        return options.httpPort;
    }

    /** Stops Pebble; its port then refuses connections, as a CA that is down. */
    public void stopAcme() {
        if (pebble != null) {
            if (paused) {
                resumeAcme();
            }
            pebble.close();
            pebble = null;
        }
    }

    /** acme4j's URI for this Pebble: {@code acme://pebble/127.0.0.1:<port>}. */
    public URI directory() {
        return URI.create("acme://pebble/127.0.0.1:" + acmePort);
    }

    /** The plain directory URL, {@code https://127.0.0.1:<port>/dir}. */
    public URI httpsDirectory() {
        return URI.create("https://127.0.0.1:" + acmePort + "/dir");
    }

    /** The CA that signed Pebble's HTTPS certificate, as PEM: what the ACME client must trust. */
    public Path caPem() {
        return tls.caPem;
    }

    /** Settings for vodcert's ACME issuer: {@link #directory()}, trusting {@link #caPem()}, short timeouts. */
    public AcmeSettings acmeSettings() {
        return AcmeSettings.of(directory()).withTrustStore(caPem(), null)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(1));
    }

    /** The DNS server Pebble resolves with, {@code 127.0.0.1:<port>} (UDP and TCP). */
    public String dnsServer() {
        return "127.0.0.1:" + dnsPort;
    }

    /** Makes the DNS answer SERVFAIL for {@code host} (all record types). */
    public void setServfail(String host) {
        manage("set-servfail", Map.of("host", fqdn(host)));
    }

    public void clearServfail(String host) {
        manage("clear-servfail", Map.of("host", fqdn(host)));
    }

    /** Answers A queries for {@code host} with these addresses instead of the default 127.0.0.1. */
    public void addA(String host, String... addresses) {
        manage("add-a", Map.of("host", fqdn(host), "addresses", List.of(addresses)));
    }

    public void setCname(String host, String target) {
        manage("set-cname", Map.of("host", fqdn(host), "target", fqdn(target)));
    }

    public void clearCname(String host) {
        manage("clear-cname", Map.of("host", fqdn(host)));
    }

    /** What Pebble printed so far (for failure messages). */
    public String pebbleOutput() {
        return pebble == null ? "(Pebble is stopped)" : pebble.output();
    }

    private void manage(String path, Map<String, Object> body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + dnsManagementPort + "/" + path))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("challtestsrv " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String fqdn(String host) {
        return host.endsWith(".") ? host : host + ".";
    }

    /** A port free on 127.0.0.1 right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stopAcme();
        dns.close();
        TempFolders.delete(dir);
    }
}
