package dev.vodcert.server;

import dev.vodcert.store.AcmeChallengeStore;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP-01 listener the ACME CA validates against: {@code GET /.well-known/acme-challenge/{token}}
 * answers the token's key authorization as {@code text/plain} from the shared challenge store, so
 * any node behind the load balancer answers for an order another node runs. Anything else, an
 * unknown or expired token, or a token that is not base64url, is a plain 404.
 */
public final class ChallengeListener implements AutoCloseable {
    /** RFC 8555 §8.3: the token is base64url; Let's Encrypt's are 43 characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final Javalin app;

    /**
     * @param port the port to listen on; 0 picks a free one (see {@link #port()})
     * @throws IllegalStateException naming the address when it cannot be bound
     */
    public ChallengeListener(String host, int port, AcmeChallengeStore challenges, Clock clock) {
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            c.routes.get("/.well-known/acme-challenge/{token}", ctx -> answer(ctx, challenges, clock));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("cannot listen for ACME HTTP-01 on " + host + ":" + port
                    + (port < 1024 ? " (ports below 1024 need privileges; see --http01-port)" : ""), e);
        }
    }

    private static void answer(Context ctx, AcmeChallengeStore challenges, Clock clock) {
        String token = ctx.pathParam("token");
        Optional<String> keyAuthorization = TOKEN.matcher(token).matches()
                ? challenges.find(token, clock.millis()) : Optional.empty();
        ctx.contentType("text/plain");
        if (keyAuthorization.isPresent()) {
            ctx.result(keyAuthorization.get());
        } else {
            ctx.status(404).result("Not Found");
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
