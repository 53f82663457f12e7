package dev.vodcert.console;

import dev.vodcert.store.CertificateCounts;
import dev.vodcert.store.CertificateCounts.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The overview: domains by HTTPS, certificates by type, free certificates by status, what expires soon, what fails. */
final class OverviewPage {
    private OverviewPage() {
    }

    static Html render(Counts c) {
        Html domains = table("Domains", List.of(
                row("All domains", c.domains(), "domains"),
                row("HTTPS on", c.domainsByHttps().getOrDefault("on", 0L), "https-on"),
                row("HTTPS off", c.domainsByHttps().getOrDefault("off", 0L), "https-off"),
                row("With a certificate", c.domainsWithCertificate(), "with-certificate")));
        Html expiring = table("Certificates domains serve", List.of(
                row("Expired", c.expiring().getOrDefault("expired", 0L), "expired"),
                row("Expiring within 7 days", c.expiring().getOrDefault("7d", 0L), "expiring-7d"),
                row("Expiring within 30 days", c.expiring().getOrDefault("30d", 0L), "expiring-30d"),
                Html.of("<tr><th>Earliest expiry</th><td id=\"earliest-expiry\">{}</td></tr>",
                        Layout.time(c.earliestExpiry()))));
        Html types = table("Stored certificates by type", byKey(c.certificatesByType(), "type-"));
        Html free = table("Free certificates by status", byKey(c.domainsByFree(), "free-"));
        Html failing = Html.of("<p class=\"{}\">Free certificates failing (waiting for the user: {}): "
                        + "<strong id=\"failing\">{}</strong></p>", c.failing() > 0 ? "alert" : "ok",
                String.join(", ", CertificateCounts.FAILING), c.failing());
        return Html.of("<div class=\"cards\">{}{}{}{}</div>{}", domains, expiring, types, free, failing);
    }

    private static List<Html> byKey(Map<String, Long> counts, String idPrefix) {
        List<Html> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(row(k, v, idPrefix + k)));
        if (rows.isEmpty()) {
            rows.add(Html.of("<tr><td colspan=\"2\">none</td></tr>"));
        }
        return rows;
    }

    private static Html row(String label, long count, String id) {
        return Html.of("<tr><th>{}</th><td class=\"count\" id=\"count-{}\">{}</td></tr>", label, id, count);
    }

    private static Html table(String caption, List<Html> rows) {
        return Html.of("<table class=\"card\"><caption>{}</caption>{}</table>", caption, Html.join(rows));
    }
}
