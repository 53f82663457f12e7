package dev.vodcert.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.account.NewAccessKey;
import dev.vodcert.testing.Browser;
import dev.vodcert.testing.DnsTestServer;
import dev.vodcert.testing.FreeCertServer;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The operators' console in Debian's chromium (headless, through Selenium and chromedriver) against a
 * real service with an admin token, seeded through the signed API: the counts of the overview, the
 * bars of the expiry timeline, search and paging, a domain's certificate and free-certificate
 * history, a hostile certificate subject shown as text, the confirmed actions, and what is refused
 * without the token or the CSRF token. Each page is saved under {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {
    private static final String TOKEN = "console-token-" + UUID.randomUUID();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String HOSTILE_CN = "<script>alert('pwned')</script>";
    private static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";
    private static final int PLAIN = 46;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path profile;
    private static DnsTestServer dns;
    private static FreeCertServer s;
    private static Browser browser;
    private static String base;
    /** Domains with an uploaded certificate, and the certificate. */
    private static final Map<String, Issued> UPLOADED = new LinkedHashMap<>();
    private static String stuck;

    @BeforeAll
    static void seedAndSignIn() {
        dns = new DnsTestServer();
        s = new FreeCertServer(dns, TOKEN);
        Instant now = s.clock.instant();
        upload("alpha", now.plus(Duration.ofDays(5)), null);
        upload("bravo", now.plus(Duration.ofDays(5).plusHours(3)), null);
        SignedClient.Answer config = s.client.call("BatchSetVodDomainConfigs", Map.of("DomainNames",
                "bravo-" + RUN + ".vodcert-test.com", "Functions", "[{\"functionName\":\"https_force\","
                        + "\"functionArgs\":[{\"argName\":\"enable\",\"argValue\":\"on\"}]}]"));
        assertThat(config.status()).as(config.body()).isEqualTo(200);
        upload("charlie", now.plus(Duration.ofDays(20)), null);
        upload("delta", now.plus(Duration.ofDays(60)), null);
        upload("hostile", now.plus(Duration.ofDays(80)), HOSTILE_CN);
        List<SignedClient> accounts = List.of(account("plain-a"), account("plain-b"), account("plain-c"));
        for (int i = 0; i < PLAIN; i++) { // spread over accounts: one account holds at most 20 domains
            String name = String.format(Locale.ROOT, "plain%02d-%s.vodcert-test.com", i, RUN);
            SignedClient.Answer a = accounts.get(i % accounts.size()).call("AddVodDomain",
                    Map.of("DomainName", name, "Sources", SOURCES));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
        }
        stuck = "stuck-" + RUN + ".vodcert-test.com";
        s.addDomain(stuck);
        s.requestFree(stuck); // no CNAME published: the check fails and waits for the user
        s.runOnce();
        base = "http://127.0.0.1:" + s.server.app().adminPort();

        browser = new Browser(profile);
        browser.open(base + "/console");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/console/login");
        browser.screenshot("login");
        browser.driver.findElement(By.id("token")).sendKeys(TOKEN);
        browser.clickToNextPage(browser.driver.findElement(By.id("sign-in")));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/console");
    }

    private static SignedClient account(String name) {
        NewAccessKey key = s.server.app().accessKeys().create(s.server.app().accessKeys().account(name));
        return new SignedClient(s.server.port(), key.accessKeyId(), key.accessKeySecret(), s.clock);
    }

    private static void upload(String label, Instant notAfter, String cn) {
        String name = label + "-" + RUN + ".vodcert-test.com";
        s.addDomain(name);
        var builder = TestCertificates.certificate().dns(name).validity(Instant.now().minus(Duration.ofDays(1)), notAfter);
        Issued cert = (cn == null ? builder : builder.cn(cn)).issue();
        SignedClient.Answer a = s.client.call("SetVodDomainSSLCertificate", Map.of("DomainName", name,
                "SSLProtocol", "on", "CertType", "upload", "CertName", label + "-" + RUN, "SSLPub", cert.chainPem(),
                "SSLPri", cert.keyPemPkcs8()));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        UPLOADED.put(name, cert);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (s != null) {
            s.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void theOverviewShowsTheCountsSeededThroughTheApi() {
        browser.open(base + "/console");
        int domains = UPLOADED.size() + PLAIN + 1;
        assertThat(count("count-domains")).isEqualTo(domains);
        assertThat(count("count-https-on")).isEqualTo(UPLOADED.size());
        assertThat(count("count-https-off")).isEqualTo(PLAIN + 1);
        assertThat(count("count-with-certificate")).isEqualTo(UPLOADED.size());
        assertThat(count("count-type-upload")).isEqualTo(UPLOADED.size());
        assertThat(count("count-expired")).isZero();
        assertThat(count("count-expiring-7d")).isEqualTo(2);
        assertThat(count("count-expiring-30d")).isEqualTo(3);
        assertThat(count("count-free-cname_error")).isEqualTo(1);
        assertThat(count("failing")).isEqualTo(1);
        assertThat(text("earliest-expiry")).isEqualTo(UPLOADED.get("alpha-" + RUN + ".vodcert-test.com").cert()
                .getNotAfter().toInstant().toString());
        // the stylesheet, a file of the console's own, is applied under the Content-Security-Policy
        assertThat(browser.driver.findElement(By.tagName("header")).getCssValue("background-color"))
                .isEqualTo("rgba(29, 43, 69, 1)");
        browser.screenshot("overview");
    }

    @Test
    void theTimelineHasOneBarPerDayAndEachExpiryOnItsDay() {
        browser.open(base + "/console/timeline");
        List<WebElement> bars = browser.driver.findElements(By.cssSelector("svg#expiry-timeline rect"));
        assertThat(bars).hasSize(90);
        LocalDate today = LocalDate.ofInstant(s.clock.instant(), ZoneOffset.UTC);
        Map<String, Long> expected = new TreeMap<>();
        for (Issued c : UPLOADED.values()) {
            expected.merge(LocalDate.ofInstant(c.cert().getNotAfter().toInstant(), ZoneOffset.UTC).toString(), 1L,
                    Long::sum);
        }
        Map<String, Long> drawn = new TreeMap<>();
        for (WebElement bar : bars) {
            long n = Long.parseLong(bar.getDomAttribute("data-count"));
            if (n > 0) {
                drawn.put(bar.getDomAttribute("data-date"), n);
                assertThat(Double.parseDouble(bar.getDomAttribute("height"))).isPositive();
            }
        }
        assertThat(drawn).isEqualTo(expected);
        assertThat(bars.get(0).getDomAttribute("data-date")).isEqualTo(today.toString());
        assertThat(browser.driver.findElements(By.cssSelector("#renewal-calendar tbody tr"))).hasSize(5);
        browser.screenshot("timeline");
    }

    @Test
    void searchFindsADomainAndItsPageShowsTheUploadedCertificate() throws Exception {
        browser.open(base + "/console/domains");
        browser.driver.findElement(By.id("q")).sendKeys("bravo-" + RUN);
        browser.clickToNextPage(browser.driver.findElement(By.id("search")));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#domains tbody tr"));
        String bravo = "bravo-" + RUN + ".vodcert-test.com";
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(bravo).contains("upload").contains("on");
        browser.screenshot("search");
        browser.clickToNextPage(rows.get(0).findElement(By.linkText(bravo)));

        Issued cert = UPLOADED.get(bravo);
        String serial = cert.cert().getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        assertThat(text("cert-serial")).isEqualTo(serial.length() % 2 == 0 ? serial : "0" + serial);
        assertThat(text("cert-sha256")).isEqualTo(HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.cert().getEncoded())));
        assertThat(text("cert-subject")).isEqualTo("CN=" + bravo);
        assertThat(text("cert-sans")).isEqualTo("DNS:" + bravo);
        assertThat(text("cert-not-after")).isEqualTo(cert.cert().getNotAfter().toInstant().toString());
        assertThat(browser.driver.getPageSource()).doesNotContain("PRIVATE KEY");
        assertThat(text("no-free")).contains("not asked for a free certificate");
        List<WebElement> configs = browser.driver.findElements(By.cssSelector("#configs tbody tr"));
        assertThat(configs).hasSize(1);
        assertThat(configs.get(0).getText()).startsWith("https_force").endsWith("success enable=on");
        browser.screenshot("domain");
    }

    @Test
    void theListPagesByNameAtFiftyDomains() {
        browser.open(base + "/console/domains?q=" + RUN);
        assertThat(browser.driver.findElements(By.cssSelector("#domains tbody tr"))).hasSize(50);
        browser.clickToNextPage(browser.driver.findElement(By.id("next-page")));
        int all = UPLOADED.size() + PLAIN + 1;
        List<WebElement> rest = browser.driver.findElements(By.cssSelector("#domains tbody tr"));
        assertThat(rest).hasSize(all - 50);
        assertThat(rest.get(rest.size() - 1).getText()).startsWith("stuck-" + RUN);
        assertThat(browser.driver.findElements(By.id("next-page"))).isEmpty();
    }

    @Test
    void aHostileCertificateSubjectAndSearchAreShownAsText() {
        String hostile = "hostile-" + RUN + ".vodcert-test.com";
        browser.open(base + "/console/domain?name=" + hostile);
        // the subject as RFC 2253 writes it (which puts a backslash before < and >), every character shown
        assertThat(text("cert-subject")).isEqualTo(UPLOADED.get(hostile).cert().getSubjectX500Principal().getName())
                .contains("<script").contains("alert('pwned')");
        assertThat(browser.driver.findElements(By.tagName("script"))).isEmpty();
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.screenshot("hostile-subject");

        browser.open(base + "/console/domains");
        String hostileSearch = "\"><script>alert(1)</script>";
        browser.driver.findElement(By.id("q")).sendKeys(hostileSearch);
        browser.clickToNextPage(browser.driver.findElement(By.id("search")));
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(hostileSearch);
        assertThat(browser.driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo(hostileSearch);
        assertThat(browser.driver.findElements(By.tagName("script"))).isEmpty();
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aFailedFreeCertificateIsRetriedAfterTheConfirmStep() {
        browser.open(base + "/console/domain?name=" + stuck);
        assertThat(text("free-status")).isEqualTo("cname_error");
        assertThat(text("free-last-error")).isEqualTo(s.report(stuck).path("lastError").asText()).isNotBlank();
        assertThat(text("free-checks")).isEqualTo("1");
        browser.screenshot("free-certificate");
        browser.clickToNextPage(browser.driver.findElement(By.id("retry")));
        assertThat(text("question")).contains("Retry the free certificate of " + stuck);
        assertThat(s.report(stuck).path("status").asText()).isEqualTo("cname_error"); // nothing done yet
        browser.screenshot("retry-confirm");
        browser.clickToNextPage(browser.driver.findElement(By.id("confirm-button")));
        assertThat(text("result")).contains("retried at the next pass");
        assertThat(s.report(stuck).path("status").asText()).isEqualTo("checking");
        browser.screenshot("retry-done");
    }

    @Test
    void anAccessKeyIsDisabledAndEnabledAfterTheConfirmStep() {
        NewAccessKey other = s.server.otherKey();
        SignedClient client = new SignedClient(s.server.port(), other.accessKeyId(), other.accessKeySecret(), s.clock);
        assertThat(client.call("DescribeVodUserDomains", Map.of()).status()).isEqualTo(200);

        browser.open(base + "/console/access-keys");
        assertThat(browser.driver.getPageSource()).doesNotContain(other.accessKeySecret());
        browser.screenshot("access-keys");
        browser.clickToNextPage(keyRow(other.accessKeyId()).findElement(By.linkText("Disable…")));
        browser.clickToNextPage(browser.driver.findElement(By.id("confirm-button")));
        assertThat(text("result")).isEqualTo("The AccessKey " + other.accessKeyId() + " is disabled.");
        SignedClient.Answer refused = client.call("DescribeVodUserDomains", Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("InvalidAccessKeyId.Inactive");

        browser.open(base + "/console/access-keys");
        browser.clickToNextPage(keyRow(other.accessKeyId()).findElement(By.linkText("Enable…")));
        browser.clickToNextPage(browser.driver.findElement(By.id("confirm-button")));
        assertThat(text("result")).isEqualTo("The AccessKey " + other.accessKeyId() + " is enabled.");
        assertThat(client.call("DescribeVodUserDomains", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void withoutTheTokenOrTheFormsCsrfTokenAnActionIsRefused() throws Exception {
        NewAccessKey other = s.server.otherKey();
        String form = "id=" + other.accessKeyId() + "&enabled=false";
        assertThat(post("/console/access-key", form, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post("/console/access-key", form, Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
        String session = browser.driver.manage().getCookieNamed(Guard.COOKIE).getValue();
        HttpResponse<String> noCsrf = post("/console/access-key", form, Map.of("Cookie", Guard.COOKIE + "=" + session));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.body()).contains("stale or was not sent by the console");
        assertThat(post("/console/access-key", form + "&csrf=forged", Map.of("Cookie", Guard.COOKIE + "=" + session))
                .statusCode()).isEqualTo(403);
        assertThat(post("/console/retry", "name=" + stuck, Map.of()).statusCode()).isEqualTo(401);
        SignedClient client = new SignedClient(s.server.port(), other.accessKeyId(), other.accessKeySecret(), s.clock);
        assertThat(client.call("DescribeVodUserDomains", Map.of()).status()).isEqualTo(200); // still enabled

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/console/login");
        assertThat(post("/console/login", "token=wrong", Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> login = post("/console/login", "token=" + TOKEN, Map.of());
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/console");

        HttpResponse<String> withHeader = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withHeader.statusCode()).isEqualTo(200);
        String csp = withHeader.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).startsWith("default-src 'self'").doesNotContain("unsafe-inline");
        assertThat(withHeader.body()).doesNotContain("<script").doesNotContain("style=");
    }

    private static HttpResponse<String> post(String path, String form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static WebElement keyRow(String accessKeyId) {
        return browser.driver.findElements(By.cssSelector("#access-keys tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("td.key")).getText().equals(accessKeyId)).findFirst()
                .orElseThrow();
    }

    private static String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private static long count(String id) {
        return Long.parseLong(text(id));
    }
}
