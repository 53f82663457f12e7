package dev.vodcert.emulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The emulation's operators' endpoints on the admin listener, for users outside Java (under the
 * listener's token rule). Each POST takes a JSON object, acts, runs a free-certificate pass and
 * answers the emulation's state as {@code GET /admin/emulation} does:
 * <ul>
 * <li>{@code POST /admin/emulation/dns}: {@code {"domain":D,"cname":T}} (D is a CNAME to T),
 *     {@code {"domain":D,"answer":"servfail"|"nxdomain"|"none"}} ({@code none} removes D's entry),
 *     or {@code {"everythingPoints":true|false}} (every name without an entry points at its Cname);
 * <li>{@code POST /admin/emulation/clock/advance}: {@code {"by":"P61D"}}, an ISO-8601 duration, forward only;
 * <li>{@code POST /admin/emulation/issuer}: {@code {"fail":true|false}} for every domain, or with
 *     {@code "domain":D} for one.
 * </ul>
 * Bad input is 400 with the reason; a part that is not emulated is 409.
 */
public final class EmulationRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmulationRoutes() {
    }

    /** The routes of {@code emulation}; none when it is null. */
    public static Consumer<JavalinConfig> of(Emulation emulation) {
        if (emulation == null) {
            return c -> { };
        }
        return c -> {
            c.routes.get("/admin/emulation", ctx -> ctx.json(state(emulation)));
            c.routes.post("/admin/emulation/dns", ctx -> act(ctx, emulation, body -> dns(emulation, body)));
            c.routes.post("/admin/emulation/clock/advance", ctx -> act(ctx, emulation, body -> advance(emulation, body)));
            c.routes.post("/admin/emulation/issuer", ctx -> act(ctx, emulation, body -> issuer(emulation, body)));
        };
    }

    private static void act(Context ctx, Emulation emulation, Consumer<JsonNode> action) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("the body must be a JSON object");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestResponse("the body must be a JSON object");
        }
        try {
            action.accept(body);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        emulation.runLifecycleNow();
        ctx.json(state(emulation));
    }

    private static void dns(Emulation emulation, JsonNode body) {
        EmulatedDns dns = emulation.dns().orElseThrow(() -> new ConflictResponse(
                "DNS is not emulated: start vodcert with serve --dns emulated"));
        if (body.has("everythingPoints")) {
            dns.everythingPoints(bool(body, "everythingPoints"));
            return;
        }
        String domain = text(body, "domain");
        if (body.has("cname")) {
            dns.setCname(domain, text(body, "cname"));
            return;
        }
        switch (text(body, "answer").toLowerCase(Locale.ROOT)) {
            case "servfail" -> dns.setServfail(domain);
            case "nxdomain" -> dns.setNxdomain(domain);
            case "none" -> dns.clear(domain);
            default -> throw new IllegalArgumentException("answer must be servfail, nxdomain or none");
        }
    }

    private static void advance(Emulation emulation, JsonNode body) {
        EmulatorClock clock = emulation.clock().orElseThrow(() -> new ConflictResponse(
                "The clock is not emulated: start vodcert with serve --clock emulated"));
        Duration by;
        try {
            by = Duration.parse(text(body, "by"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("by must be an ISO-8601 duration such as P61D or PT1H");
        }
        clock.advance(by);
    }

    private static void issuer(Emulation emulation, JsonNode body) {
        FailingIssuer issuer = emulation.issuer().orElseThrow(() -> new ConflictResponse(
                "No issuer is configured"));
        boolean fail = bool(body, "fail");
        if (body.has("domain")) {
            issuer.fail(text(body, "domain"), fail);
        } else {
            issuer.failAll(fail);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return v.asBoolean();
    }

    /** What is emulated and how it stands. */
    static Map<String, Object> state(Emulation emulation) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dns", emulation.dns().isPresent());
        out.put("clock", emulation.clock().isPresent());
        out.put("now", emulation.serviceClock().instant().toString());
        emulation.clock().ifPresent(c -> out.put("offset", c.offset().toString()));
        emulation.dns().ifPresent(d -> {
            out.put("everythingPoints", d.everythingPoints());
            Map<String, String> answers = new TreeMap<>();
            d.answers().forEach((name, a) -> answers.put(name, a.text()));
            out.put("answers", answers);
        });
        return out;
    }
}
