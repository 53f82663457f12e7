package dev.vodcert.console;

import dev.vodcert.domain.DomainConfig;
import dev.vodcert.issuance.FreeCertificateReport;
import dev.vodcert.store.DomainBrowse;
import java.util.List;

/**
 * One domain: the domain itself, its certificate ({@link CertificateView}, never the key) and its
 * free-certificate history as the lifecycle recorded it (checks, observed CNAME, attempts, next
 * attempt, the last error in the words the check wrote it), with "retry now" when there is
 * something to retry; and its configuration rules.
 */
final class DomainPage {
    private DomainPage() {
    }

    static Html render(DomainBrowse.Detail d, FreeCertificateReport free, List<DomainConfig> configs) {
        DomainBrowse.Row r = d.domain();
        Html domain = Html.of("<section><h2>Domain</h2><table class=\"facts\">{}{}{}{}{}{}{}{}</table></section>",
                Layout.fact("Name", r.domainName(), "domain-name"), Layout.fact("Account", r.accountId(), "account"),
                Layout.fact("Status", r.domainStatus(), "domain-status"), Layout.fact("CNAME", r.cname(), "cname"),
                Layout.fact("HTTPS", r.sslProtocol(), "https"), Layout.fact("Origins", d.sources(), "sources"),
                Layout.fact("Added", Layout.time(d.createdAt()), "created"),
                Layout.fact("Changed", Layout.time(d.modifiedAt()), "modified"));
        return Html.of("{}{}{}{}", domain, certificate(d), freeCertificate(r.domainName(), free), configuration(configs));
    }

    private static Html certificate(DomainBrowse.Detail d) {
        if (d.certificatePem() == null) {
            return Html.of("<section><h2>Certificate</h2><p id=\"no-certificate\">No certificate.</p></section>");
        }
        CertificateView c;
        try {
            c = CertificateView.of(d.certificatePem());
        } catch (RuntimeException e) {
            return Html.of("<section><h2>Certificate</h2><p class=\"alert\">The stored certificate cannot be read: {}"
                    + "</p></section>", e.getMessage());
        }
        List<Html> sans = c.alternativeNames().stream().map(n -> Html.of("<li>{}</li>", n)).toList();
        return Html.of("<section><h2>Certificate</h2><table class=\"facts\">{}{}{}{}{}{}{}{}{}{}{}</table></section>",
                Layout.fact("Type", d.domain().certType(), "cert-type"), Layout.fact("Name", d.certName(), "cert-name"),
                Layout.fact("Subject", c.subject(), "cert-subject"),
                Html.of("<tr><th>Alternative names</th><td><ul id=\"cert-sans\">{}</ul></td></tr>", Html.join(sans)),
                Layout.fact("Issuer", c.issuer(), "cert-issuer"), Layout.fact("Serial", c.serial(), "cert-serial"),
                Layout.fact("Valid from", Layout.time(c.notBefore()), "cert-not-before"),
                Layout.fact("Valid until", Layout.time(c.notAfter()), "cert-not-after"),
                Layout.fact("SHA-256 fingerprint", c.sha256(), "cert-sha256"),
                Layout.fact("Certificates in the chain", c.chainLength(), "cert-chain"),
                Layout.fact("Stored certificate id", d.certId(), "cert-id"));
    }

    /** The domain's configuration rules ({@code BatchSetVodDomainConfigs}): function, id, status, arguments. */
    private static Html configuration(List<DomainConfig> configs) {
        if (configs.isEmpty()) {
            return Html.of("<section><h2>Configuration</h2><p id=\"no-configs\">No configuration rule.</p></section>");
        }
        List<Html> rows = configs.stream().map(c -> Html.of("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                c.functionName(), c.configId(), c.status(), String.join(", ", c.args().stream()
                        .map(a -> a.argName() + "=" + a.argValue()).toList()))).toList();
        return Html.of("<section><h2>Configuration</h2><table class=\"list\" id=\"configs\"><thead><tr><th>Function</th>"
                + "<th>ConfigId</th><th>Status</th><th>Arguments</th></tr></thead><tbody>{}</tbody></table></section>",
                Html.join(rows));
    }

    private static Html freeCertificate(String name, FreeCertificateReport f) {
        if (f == null) {
            return Html.of("<section><h2>Free certificate</h2><p id=\"no-free\">This domain has not asked for a free "
                    + "certificate.</p></section>");
        }
        Html retry = "success".equals(f.status()) || "applying".equals(f.status()) ? Html.EMPTY
                : Html.of("<p><a class=\"action\" id=\"retry\" href=\"/console/retry?name={}\">Retry now…</a></p>",
                        Console.query(name));
        return Html.of("<section><h2>Free certificate</h2><table class=\"facts\">{}{}{}{}{}{}{}{}{}{}{}</table>{}"
                        + "</section>",
                Layout.fact("Status", f.status(), "free-status"),
                Layout.fact("CNAME status", f.domainCnameStatus(), "free-cname-status"),
                Layout.fact("Failed checks in a row", f.failedChecks(), "free-checks"),
                Layout.fact("Last check", f.lastChecked(), "free-last-checked"),
                Layout.fact("Observed CNAME", f.observedCname(), "free-observed-cname"),
                Layout.fact("Resolver", f.resolver(), "free-resolver"),
                Layout.fact("Issuance attempts", f.attempts(), "free-attempts"),
                Layout.fact("Next attempt", f.nextAttempt(), "free-next-attempt"),
                Layout.fact("Last error", f.lastError().isEmpty() ? "none" : f.lastError(), "free-last-error"),
                Layout.fact("Renewal due", f.renewAt(), "free-renew-at"),
                Layout.fact("Worked on by", f.leaseOwner(), "free-lease-owner"), retry);
    }
}
