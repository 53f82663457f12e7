package dev.vodcert.console;

import dev.vodcert.store.DomainBrowse;
import dev.vodcert.store.DomainBrowse.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every account's domains, {@value #PAGE} a page in name order, searched by name in the database
 * ({@link DomainBrowse}); the next page starts after the last name shown (keyset paging), so a page
 * costs the same at the millionth domain as at the first.
 */
final class DomainListPage {
    static final int PAGE = 50;

    private DomainListPage() {
    }

    /** {@code total} is null when a search narrows the list (counting matches would read every name). */
    static Html render(String text, Match match, String after, List<DomainBrowse.Row> rows, Long total) {
        boolean more = rows.size() > PAGE;
        List<DomainBrowse.Row> shown = more ? rows.subList(0, PAGE) : rows;
        List<Html> lines = new ArrayList<>();
        for (DomainBrowse.Row r : shown) {
            lines.add(Html.of("<tr><td class=\"name\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                            + "<td>{}</td></tr>", Layout.domainLink(r.domainName()), r.accountId(), r.domainStatus(),
                    r.sslProtocol(), r.certType() == null ? "none" : r.certType(), Layout.time(r.notAfter()),
                    r.freeStatus() == null ? "" : r.freeStatus()));
        }
        Html next = more ? Html.of("<a id=\"next-page\" href=\"/console/domains?q={}&amp;match={}&amp;after={}\">Next "
                        + "page</a>", Console.query(text == null ? "" : text), match.name().toLowerCase(Locale.ROOT),
                Console.query(shown.get(shown.size() - 1).domainName())) : Html.EMPTY;
        Html first = after.isEmpty() ? Html.EMPTY : Html.of("<a href=\"/console/domains?q={}&amp;match={}\">First page</a> ",
                Console.query(text == null ? "" : text), match.name().toLowerCase(Locale.ROOT));
        Html summary = total != null ? Html.of("<p id=\"domain-total\">{} domain(s) in all.</p>", total)
                : Html.of("<p>Domains whose name {} “{}”.</p>", switch (match) {
                    case CONTAINS -> "contains";
                    case PREFIX -> "starts with";
                    case EXACT -> "is";
                }, text);
        return Html.of("<form method=\"get\" action=\"/console/domains\" class=\"search\"><input type=\"search\" "
                        + "name=\"q\" id=\"q\" value=\"{}\" placeholder=\"domain name\" maxlength=\"253\">"
                        + "<select name=\"match\" id=\"match\">{}</select><button type=\"submit\" id=\"search\">Search"
                        + "</button></form>{}<table class=\"list\" id=\"domains\"><thead><tr><th>Domain</th><th>Account"
                        + "</th><th>Status</th><th>HTTPS</th><th>Certificate</th><th>Expires</th><th>Free certificate"
                        + "</th></tr></thead><tbody>{}</tbody></table><p class=\"paging\">{}{}</p>",
                text == null ? "" : text, options(match), summary,
                lines.isEmpty() ? Html.of("<tr><td colspan=\"7\">No domain.</td></tr>") : Html.join(lines), first, next);
    }

    private static Html options(Match selected) {
        List<Html> out = new ArrayList<>();
        for (Match m : Match.values()) {
            out.add(Html.of("<option value=\"{}\"{}>{}</option>", m.name().toLowerCase(Locale.ROOT),
                    new Html(m == selected ? " selected" : ""), switch (m) {
                        case CONTAINS -> "contains";
                        case PREFIX -> "starts with";
                        case EXACT -> "is exactly";
                    }));
        }
        return Html.join(out);
    }
}
