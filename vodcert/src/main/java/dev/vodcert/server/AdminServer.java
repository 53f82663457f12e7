package dev.vodcert.server;

import dev.vodcert.issuance.FreeCertificateReport;
import dev.vodcert.store.FreeCertificateStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The operators' listener, apart from the API ({@link AdminConfig}: loopback by default, a bearer
 * token when configured): {@code GET /metrics} in the Prometheus text format, and
 * {@code GET /admin/free-certificates[?domain=D][&after=NAME]} listing each free certificate's
 * status, last check (observed CNAME, resolver, error), attempts and next attempt, as JSON pages of
 * {@value #PAGE} ordered by domain name.
 */
public final class AdminServer implements AutoCloseable {
    static final int PAGE = 500;

    private final Javalin app;

    /** @param more further routes (the emulation's), under the same token rule */
    AdminServer(AdminConfig config, PrometheusMeterRegistry registry, FreeCertificateStore store,
                Consumer<JavalinConfig> more) {
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            c.routes.before(ctx -> authorize(ctx, config.token()));
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(registry.scrape()));
            c.routes.get("/admin/free-certificates", ctx -> ctx.json(reports(store, ctx)));
            more.accept(c);
        });
        app.start(config.host(), config.port());
    }

    private static void authorize(Context ctx, String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        String given = ctx.header("Authorization");
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedResponse("This endpoint needs Authorization: Bearer <VODCERT_ADMIN_TOKEN>.");
        }
    }

    private static List<FreeCertificateReport> reports(FreeCertificateStore store, Context ctx) {
        String domain = ctx.queryParam("domain");
        String after = ctx.queryParam("after");
        return store.list(domain == null ? null : ascii(domain), after == null ? "" : after, PAGE).stream()
                .map(r -> FreeCertificateReport.of(r.domainName(), r.state(), r.certNotAfter())).toList();
    }

    private static String ascii(String name) {
        try {
            return IDN.toASCII(name.toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("domain is not a domain name");
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
