package dev.vodcert.console;

import dev.vodcert.account.AccessKeys;
import dev.vodcert.domain.DomainConfig;
import dev.vodcert.domain.DomainConfigs;
import dev.vodcert.issuance.FreeCertificateReport;
import dev.vodcert.issuance.FreeCertificatesService;
import dev.vodcert.store.AccessKeyStore;
import dev.vodcert.store.CertificateCounts;
import dev.vodcert.store.DomainBrowse;
import dev.vodcert.store.FreeCertificateStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's route table on the operators' listener: every page and action under
 * {@value #PREFIX}, the stylesheet, the login form. {@link #register} adds them to the listener;
 * {@link #serves} tells the listener which paths the console guards itself ({@link Guard}).
 */
public final class Console {
    public static final String PREFIX = "/console";
    private static final Map<String, String> STATIC = Map.of("console.css", "text/css; charset=utf-8");

    /** What the console reads and changes. */
    public record Services(CertificateCounts counts, DomainBrowse domains, FreeCertificateStore freeCertificates,
                           FreeCertificatesService retry, AccessKeys accessKeys, AccessKeyStore accessKeyStore,
                           DomainConfigs configs, Clock clock) {
    }

    private final Services s;
    private final Guard guard;
    private final Actions actions;

    /** @param token the admin token ({@code VODCERT_ADMIN_TOKEN}), or null when the listener is loopback-only */
    public Console(Services services, String token) {
        this.s = services;
        this.guard = new Guard(token, services.clock());
        this.actions = new Actions(services, guard);
    }

    public static boolean serves(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    public void register(RoutesConfig routes) {
        routes.before(ctx -> {
            if (serves(ctx.path())) {
                guard.check(ctx);
            }
        });
        routes.exception(ConsoleRefusal.class, (e, ctx) -> show(ctx.status(e.status()), "Refused",
                Html.of("<p class=\"alert\" id=\"refusal\">{}</p>", e.getMessage())));
        routes.get(PREFIX + "/static/{file}", this::staticFile);
        routes.get(PREFIX + "/login", ctx -> show(ctx, "Sign in", loginForm("")));
        routes.post(PREFIX + "/login", ctx -> {
            if (guard.login(ctx, ctx.formParam("token"))) {
                ctx.redirect(PREFIX, HttpStatus.SEE_OTHER);
            } else {
                show(ctx.status(401), "Sign in", loginForm("That is not the admin token."));
            }
        });
        routes.post(PREFIX + "/logout", ctx -> {
            guard.checkCsrf(ctx);
            guard.logout(ctx);
            ctx.redirect(PREFIX + "/login", HttpStatus.SEE_OTHER);
        });
        routes.get(PREFIX, ctx -> show(ctx, "Overview", OverviewPage.render(s.counts().counts(s.clock().millis()))));
        routes.get(PREFIX + "/timeline", this::timeline);
        routes.get(PREFIX + "/domains", this::domains);
        routes.get(PREFIX + "/domain", this::domain);
        routes.get(PREFIX + "/access-keys", ctx -> show(ctx, "AccessKeys",
                AccessKeysPage.render(s.accessKeyStore().list())));
        actions.register(routes);
    }

    private void timeline(Context ctx) {
        LocalDate today = TimelinePage.day(s.clock().millis());
        long start = TimelinePage.startOf(today);
        show(ctx, "Expiry timeline", TimelinePage.render(today, s.counts().expiriesPerDay(start, TimelinePage.DAYS),
                s.counts().renewalsPerDay(start, TimelinePage.CALENDAR_WEEKS * 7)));
    }

    private void domains(Context ctx) {
        String text = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip().toLowerCase(Locale.ROOT);
        if (text.length() > 253) {
            throw new ConsoleRefusal(400, "A domain name has at most 253 characters.");
        }
        DomainBrowse.Match match = "prefix".equals(ctx.queryParam("match")) ? DomainBrowse.Match.PREFIX
                : "exact".equals(ctx.queryParam("match")) ? DomainBrowse.Match.EXACT : DomainBrowse.Match.CONTAINS;
        String after = ctx.queryParam("after") == null ? "" : ctx.queryParam("after");
        show(ctx, "Domains", DomainListPage.render(text.isEmpty() ? null : text, match, after,
                s.domains().page(text.isEmpty() ? null : text, match, after, DomainListPage.PAGE + 1),
                text.isEmpty() ? s.domains().count() : null));
    }

    private void domain(Context ctx) {
        String name = ascii(ctx.queryParam("name"));
        DomainBrowse.Detail d = s.domains().find(name)
                .orElseThrow(() -> new ConsoleRefusal(404, "No domain " + name + "."));
        FreeCertificateReport free = s.freeCertificates().list(name, "", 1).stream()
                .map(r -> FreeCertificateReport.of(r.domainName(), r.state(), r.certNotAfter())).findFirst()
                .orElse(null);
        List<DomainConfig> configs = s.configs().describe(d.domain().accountId(), name, List.of(), null);
        show(ctx, d.domain().domainName(), DomainPage.render(d, free, configs));
    }

    private void staticFile(Context ctx) {
        String type = STATIC.get(ctx.pathParam("file"));
        if (type == null) {
            throw new ConsoleRefusal(404, "No such file.");
        }
        try (InputStream in = Console.class.getResourceAsStream("/console/" + ctx.pathParam("file"))) {
            ctx.contentType(type).header("Cache-Control", "max-age=3600").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Html loginForm(String problem) {
        return Html.of("{}<form method=\"post\" action=\"/console/login\" id=\"login\"><label>Admin token "
                + "(VODCERT_ADMIN_TOKEN) <input type=\"password\" name=\"token\" id=\"token\" autocomplete=\"off\" "
                + "required></label> <button type=\"submit\" id=\"sign-in\">Sign in</button></form>",
                problem.isEmpty() ? Html.EMPTY : Html.of("<p class=\"alert\" id=\"refusal\">{}</p>", problem));
    }

    /** A domain name as stored: lower case, ASCII (an IDN in its xn-- form). */
    static String ascii(String name) {
        if (name == null || name.isBlank() || name.length() > 253) {
            throw new ConsoleRefusal(400, "Give a domain name.");
        }
        try {
            return IDN.toASCII(name.strip().toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new ConsoleRefusal(400, "Not a domain name.");
        }
    }

    /** URL-encodes one query value. */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void show(Context ctx, String title, Html body) {
        Guard.Caller caller = Guard.caller(ctx);
        ctx.contentType("text/html; charset=utf-8").result(Layout.page(title, caller, body).markup());
    }
}
