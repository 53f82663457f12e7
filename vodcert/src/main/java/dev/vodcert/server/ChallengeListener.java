package dev.vodcert.server;

import dev.vodcert.http.Http01Answers;
import dev.vodcert.store.AcmeChallengeStore;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/**
 * The HTTP-01 listener the ACME CA validates against: {@code GET /.well-known/acme-challenge/{token}}
 * answers the token's key authorization as {@code text/plain} from the shared challenge store, so
 * any node behind the load balancer answers for an order another node runs. Anything else, an
 * unknown or expired token, or a token that is not base64url, is a plain 404.
 */
public final class ChallengeListener implements AutoCloseable {
    private final Javalin app;

    /**
     * @param port the port to listen on; 0 picks a free one (see {@link #port()})
     * @throws IllegalStateException naming the address when it cannot be bound
     */
    public ChallengeListener(String host, int port, AcmeChallengeStore challenges, Clock clock) {
        Http01Answers answers = new Http01Answers(challenges, clock);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            c.routes.get(Http01Answers.PREFIX + "{token}", ctx -> answer(ctx, answers));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("cannot listen for ACME HTTP-01 on " + host + ":" + port
                    + (port < 1024 ? " (ports below 1024 need privileges; see --http01-port)" : ""), e);
        }
    }

    private static void answer(Context ctx, Http01Answers answers) {
        Optional<String> keyAuthorization = answers.keyAuthorization(ctx.pathParam("token"));
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
