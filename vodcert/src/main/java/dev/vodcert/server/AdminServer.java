package dev.vodcert.server;

import dev.vodcert.console.Console;
import dev.vodcert.feed.FeedClient;
import dev.vodcert.feed.FeedSource;
import dev.vodcert.issuance.FreeCertificateReport;
import dev.vodcert.store.FreeCertificateStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
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
 * {@value #PAGE} ordered by domain name; {@code GET /admin/edge/certificates}, the certificates this
 * node's domains serve, with their private keys, for the edges operators run ({@link FeedSource};
 * its version is the ETag, {@code If-None-Match} with it gets 304). The keys leave only through
 * this listener, behind its token, and no request or answer is logged. The operators'
 * {@link Console} is under {@code /console}.
 */
public final class AdminServer implements AutoCloseable {
    static final int PAGE = 500;

    private final Javalin app;

    /**
     * @param console the operators' console under {@code /console}, or null for none (it guards its own paths)
     * @param more    further routes (the emulation's), under the same token rule
     */
    AdminServer(AdminConfig config, PrometheusMeterRegistry registry, FreeCertificateStore store, FeedSource feed,
                Console console, Consumer<JavalinConfig> more) {
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            c.routes.before(ctx -> {
                if (console == null || !Console.serves(ctx.path())) {
                    authorize(ctx, config.token());
                }
            });
            if (console != null) {
                console.register(c.routes);
            }
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(registry.scrape()));
            c.routes.get("/admin/free-certificates", ctx -> ctx.json(reports(store, ctx)));
            c.routes.get(FeedClient.PATH, ctx -> edgeCertificates(feed, ctx));
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

    /** The feed, or 304 when the caller's {@code If-None-Match} is its version; never cached on the way. */
    private static void edgeCertificates(FeedSource feed, Context ctx) {
        String version = feed.version();
        String etag = '"' + version + '"';
        ctx.header("ETag", etag).header("Cache-Control", "no-store");
        String known = ctx.header("If-None-Match");
        if (known != null && List.of(known.split("\\s*,\\s*")).contains(etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.json(feed.feed(version));
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
