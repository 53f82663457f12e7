package dev.vodcert.console;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may see the console and act in it. Without an admin token (the listener is then on loopback
 * only) every visitor gets a session at once; with one, a request needs {@code Authorization:
 * Bearer <token>} or a session made by the login form (cookie {@value #COOKIE}: HttpOnly,
 * SameSite=Strict, path {@code /console}). A form-posted action also needs the session's CSRF
 * token; a request with the header needs none (a browser never adds that header by itself). Every
 * answer carries a strict Content-Security-Policy and is not cached.
 */
final class Guard {
    static final String COOKIE = "vodcert_console";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String CALLER = "vodcert.console.caller";
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    /** The session of the request (null for a header-only caller) and whether a token guards the console. */
    record Caller(Sessions.Session session, boolean tokenRequired) {
        String csrf() {
            return session == null ? "" : session.csrf();
        }
    }

    private final String token;
    private final Sessions sessions = new Sessions();
    private final Clock clock;

    Guard(String token, Clock clock) {
        this.token = token == null || token.isEmpty() ? null : token;
        this.clock = clock;
    }

    /** Before every console request: the headers, then who calls; an unknown caller is sent to the login form. */
    void check(Context ctx) {
        ctx.header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
        if (ctx.path().startsWith(Console.PREFIX + "/static/") || ctx.path().equals(Console.PREFIX + "/login")) {
            return;
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(COOKIE), clock.millis());
        if (session.isEmpty() && token == null) {
            session = Optional.of(signIn(ctx));
        }
        if (session.isPresent() || bearer(ctx)) {
            ctx.attribute(CALLER, new Caller(session.orElse(null), token != null));
            return;
        }
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            ctx.redirect(Console.PREFIX + "/login", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        LOG.warn("console: {} {} from {} refused: not signed in", ctx.method(), ctx.path(), ctx.ip());
        throw new ConsoleRefusal(401, "Sign in with the admin token first.");
    }

    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    /** For an action: a header caller, or the form's {@code csrf} equal to the session's token. */
    void checkCsrf(Context ctx) {
        Caller caller = caller(ctx);
        if (caller.session() == null) {
            return;
        }
        if (!same(caller.session().csrf(), ctx.formParam("csrf"))) {
            LOG.warn("console: {} {} from {} refused: missing or wrong CSRF token", ctx.method(), ctx.path(), ctx.ip());
            throw new ConsoleRefusal(403, "This form is stale or was not sent by the console; open the page again.");
        }
    }

    /** The login form's answer: a session when {@code given} is the token. */
    boolean login(Context ctx, String given) {
        if (token != null && !same(token, given)) {
            LOG.warn("console: login from {} refused: wrong token", ctx.ip());
            return false;
        }
        signIn(ctx);
        LOG.info("console: operator signed in from {}", ctx.ip());
        return true;
    }

    void logout(Context ctx) {
        sessions.remove(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=" + Console.PREFIX + "; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    private Sessions.Session signIn(Context ctx) {
        Sessions.Session s = sessions.create(clock.millis());
        ctx.header("Set-Cookie", COOKIE + "=" + s.id() + "; Path=" + Console.PREFIX + "; Max-Age="
                + Sessions.LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict");
        return s;
    }

    private boolean bearer(Context ctx) {
        String given = ctx.header("Authorization");
        return token != null && given != null && same("Bearer " + token, given);
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
