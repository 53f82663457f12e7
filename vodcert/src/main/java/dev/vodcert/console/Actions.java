package dev.vodcert.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's actions, each in two steps: a GET shows what will happen and a form, the form's
 * POST (with the CSRF token) does it and is logged with the caller's address. Retry a free
 * certificate now ({@code /console/retry}); disable or enable an AccessKey ({@code /console/access-key}).
 */
final class Actions {
    private static final Logger LOG = LoggerFactory.getLogger(Actions.class);

    private final Console.Services s;
    private final Guard guard;

    Actions(Console.Services services, Guard guard) {
        this.s = services;
        this.guard = guard;
    }

    void register(RoutesConfig routes) {
        routes.get(Console.PREFIX + "/retry", ctx -> {
            String name = Console.ascii(ctx.queryParam("name"));
            Console.show(ctx, "Retry the free certificate", Layout.confirm("Retry the free certificate of " + name
                            + " now? A certificate waiting for the user starts over with a new check; one being checked "
                            + "is checked at the next pass.", Console.PREFIX + "/retry", Guard.caller(ctx),
                    Layout.hidden("name", name), "/console/domain?name=" + Console.query(name)));
        });
        routes.post(Console.PREFIX + "/retry", this::retry);
        routes.get(Console.PREFIX + "/access-key", ctx -> {
            String id = keyId(ctx.queryParam("id"));
            boolean enable = Boolean.parseBoolean(ctx.queryParam("enabled"));
            Console.show(ctx, (enable ? "Enable" : "Disable") + " an AccessKey", Layout.confirm((enable ? "Enable"
                            : "Disable") + " the AccessKey " + id + "? " + (enable ? "Requests signed with it are "
                            + "accepted again." : "Every request signed with it is refused from the next one on, on "
                            + "every node."), Console.PREFIX + "/access-key", Guard.caller(ctx),
                    Html.join(List.of(Layout.hidden("id", id), Layout.hidden("enabled", String.valueOf(enable)))),
                    "/console/access-keys"));
        });
        routes.post(Console.PREFIX + "/access-key", this::setEnabled);
    }

    private void retry(Context ctx) {
        guard.checkCsrf(ctx);
        String name = Console.ascii(ctx.formParam("name"));
        long id = s.domains().find(name).orElseThrow(() -> new ConsoleRefusal(404, "No domain " + name + "."))
                .domain().id();
        boolean done = s.retry().retryNow(id, name);
        LOG.info("console action from {}: retry the free certificate of {}: {}", ctx.ip(), name,
                done ? "done" : "nothing to retry");
        Console.show(ctx.status(done ? 200 : 409), "Retry the free certificate", Html.of("<p id=\"result\" class=\"{}\">"
                        + "{}</p><p>{}</p>", done ? "ok" : "alert", done ? "The free certificate of " + name
                        + " is retried at the next pass of the lifecycle." : "There is nothing to retry for " + name
                        + ": it has no free certificate, or one is being issued or is in effect.",
                Layout.domainLink(name)));
    }

    private void setEnabled(Context ctx) {
        guard.checkCsrf(ctx);
        String id = keyId(ctx.formParam("id"));
        boolean enable = Boolean.parseBoolean(ctx.formParam("enabled"));
        boolean done = s.accessKeys().setEnabled(id, enable);
        LOG.info("console action from {}: {} the AccessKey {}: {}", ctx.ip(), enable ? "enable" : "disable", id,
                done ? "done" : "no such key");
        Console.show(ctx.status(done ? 200 : 404), (enable ? "Enable" : "Disable") + " an AccessKey",
                Html.of("<p id=\"result\" class=\"{}\">{}</p><p><a href=\"/console/access-keys\">AccessKeys</a></p>",
                        done ? "ok" : "alert", done ? "The AccessKey " + id + " is " + (enable ? "enabled." : "disabled.")
                                : "There is no AccessKey " + id + "."));
    }

    private static String keyId(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            throw new ConsoleRefusal(400, "Give an AccessKeyId.");
        }
        return id;
    }
}
