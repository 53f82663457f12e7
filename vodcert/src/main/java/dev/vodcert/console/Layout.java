package dev.vodcert.console;

import dev.vodcert.certificate.CertificateFacts;
import java.time.Instant;

/** The frame of every console page (title, navigation, the stylesheet, sign out) and small formatting helpers. */
final class Layout {
    private Layout() {
    }

    static Html page(String title, Guard.Caller caller, Html body) {
        Html signOut = caller != null && caller.tokenRequired() && caller.session() != null
                ? Html.of("<form method=\"post\" action=\"/console/logout\" class=\"signout\">"
                        + "<input type=\"hidden\" name=\"csrf\" value=\"{}\"><button type=\"submit\">Sign out</button>"
                        + "</form>", caller.csrf())
                : Html.EMPTY;
        return Html.of("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} · vodcert</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"/console/static/console.css\"></head><body><header>"
                + "<span class=\"brand\">vodcert</span><nav><a href=\"/console\">Overview</a>"
                + "<a href=\"/console/timeline\">Expiry timeline</a><a href=\"/console/domains\">Domains</a>"
                + "<a href=\"/console/access-keys\">AccessKeys</a></nav>{}</header><main><h1>{}</h1>{}</main>"
                + "</body></html>", title, signOut, title, body);
    }

    /** A confirm step: what will happen, and a form that does it (with the CSRF token) or goes back. */
    static Html confirm(String question, String action, Guard.Caller caller, Html fields, String back) {
        return Html.of("<p class=\"confirm\" id=\"question\">{}</p><form method=\"post\" action=\"{}\" id=\"confirm\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"{}\">{}<button type=\"submit\" id=\"confirm-button\">"
                + "Confirm</button> <a href=\"{}\">Cancel</a></form>", question, action, caller.csrf(), fields, back);
    }

    static Html hidden(String name, String value) {
        return Html.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, value);
    }

    /** A definition list row. */
    static Html fact(String term, Object value, String id) {
        return Html.of("<tr><th>{}</th><td id=\"{}\">{}</td></tr>", term, id, value);
    }

    static String time(Long millis) {
        return millis == null ? "" : CertificateFacts.formatTime(Instant.ofEpochMilli(millis));
    }

    /** A link to one domain's page. */
    static Html domainLink(String name) {
        return Html.of("<a href=\"/console/domain?name={}\">{}</a>", Console.query(name), name);
    }
}
