package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vodcert.testing.TestClock;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Certificates issued together must not renew together, and renewals must keep to the CA's
 * limits without dropping any, on a simulated clock over in-memory H2:
 * <ul>
 * <li>(a) 10,000 certificates issued in the same minute get renewal times spread over the jitter
 *     window, no minute holding more than {@value #MAX_PER_MINUTE};
 * <li>(b) those 10,000 renewals, each asking the real {@link RateLimiter} exactly as the loop does
 *     (reserve when due, claim at the slot), under an order budget of {@value #BUDGET} per 3 hours
 *     so that most of them queue: no 3-hour window ever holds more than the budget, every one gets
 *     its order, before the old certificate expires;
 * <li>the same through the whole loop (leases, store, issuer, stored certificates) for
 *     {@value #LOOP_DOMAINS} domains under a budget of 5 per 3 hours (40 a day for about 55 due a
 *     day), the issue path (parsing and checking each certificate) being what costs time.
 * </ul>
 */
class RenewalScaleTest {
    static final int DOMAINS = 10_000;
    static final int LOOP_DOMAINS = 500;
    static final int TENANTS = 100;
    static final int MAX_PER_MINUTE = 8;
    static final int BUDGET = 60;
    static final Duration WINDOW = Duration.ofHours(3);
    static final Instant ISSUED = Instant.parse("2026-01-10T09:30:00Z");
    static final Duration LIFETIME = Duration.ofDays(90);
    static final Instant EXPIRY = ISSUED.plus(LIFETIME);

    private final LifecycleFixture f = new LifecycleFixture(new TestClock(ISSUED));

    @AfterEach
    void tearDown() {
        f.close();
    }

    static String name(int i) {
        return "d" + i + ".tenant" + (i % TENANTS) + ".com";
    }

    static long renewAt(int i) {
        return RenewalSchedule.renewAt(name(i), ISSUED, EXPIRY).toEpochMilli();
    }

    @Test
    void tenThousandCertificatesIssuedInOneMinuteRenewSpreadOverTheJitterWindow() {
        long mark = ISSUED.plus(LIFETIME.multipliedBy(2).dividedBy(3)).toEpochMilli();
        long earliest = mark - LIFETIME.toMillis() / LifecycleTiming.RENEW_JITTER_DIVISOR;
        TreeMap<Long, Integer> perMinute = new TreeMap<>();
        for (int i = 0; i < DOMAINS; i++) {
            long at = renewAt(i);
            assertThat(at).isBetween(earliest, mark);
            perMinute.merge(at / 60_000, 1, Integer::sum);
        }
        assertThat(Collections.max(perMinute.values())).as("the busiest minute").isLessThanOrEqualTo(MAX_PER_MINUTE);
        assertThat(perMinute.lastKey() - perMinute.firstKey()).as("minutes spanned")
                .isGreaterThan(Duration.ofDays(8).toMinutes());
    }

    /** A domain waiting for its next look, as the loop's {@code next_attempt_at} and reservation. */
    private record Due(int domain, long at, Long reserved) {
    }

    @Test
    void tenThousandRenewalsQueueWithinTheBudgetAndNoneIsDropped() {
        RateLimiter limiter = new RateLimiter(f.orders, new RateLimits(BUDGET, WINDOW, 50, Duration.ofDays(7)));
        PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
                : Integer.compare(a.domain, b.domain));
        for (int i = 0; i < DOMAINS; i++) {
            queue.add(new Due(i, renewAt(i), null));
        }
        List<Long> placed = new ArrayList<>();
        int asked = 0;
        while (!queue.isEmpty()) {
            Due due = queue.poll();
            Instant now = Instant.ofEpochMilli(due.at);
            String registered = "tenant" + (due.domain % TENANTS) + ".com";
            RateLimiter.Decision d = due.reserved == null ? limiter.reserve(due.domain, registered, false, now)
                    : limiter.claim(due.domain, due.reserved, registered, false, now);
            asked++;
            if (d.at().isAfter(now)) {
                queue.add(new Due(due.domain, d.at().toEpochMilli(), d.reserved() ? d.at().toEpochMilli() : null));
            } else {
                placed.add(due.at);
            }
        }
        assertBudgetKept(placed, DOMAINS);
        assertThat(asked).as("each renewal asks at most twice: no retry storm").isLessThanOrEqualTo(2 * DOMAINS);
        assertThat(placed.get(placed.size() - 1)).as("long queue, yet before the old certificates expire")
                .isGreaterThan(renewAt(0)).isLessThan(EXPIRY.toEpochMilli());
    }

    @Test
    void theLoopQueuesRenewalsItCannotOrderYetAndDropsNone() {
        int budget = 5;
        long seedCert = seed(LOOP_DOMAINS);
        WildcardIssuer issuer = new WildcardIssuer(f.ca, f.clock);
        Lifecycle node = f.node("node-a", (n, c) -> {
            throw new AssertionError("renewals do not re-check the CNAME");
        }, issuer, new RateLimits(budget, WINDOW, 50, Duration.ofDays(7)));
        while (true) {
            long next = f.store.nextDue(LifecycleTiming.PARKED).orElseThrow();
            if (next >= EXPIRY.toEpochMilli()) {
                break;
            }
            f.clock.set(Instant.ofEpochMilli(Math.max(next, f.clock.millis() + Duration.ofMinutes(5).toMillis())));
            while (node.runOnce() == LifecycleTiming.PASS_BATCH) {
                assertThat(f.clock.millis()).isLessThan(EXPIRY.toEpochMilli());
            }
        }
        List<Long> orders = new ArrayList<>(issuer.issuedAt);
        Collections.sort(orders);
        assertBudgetKept(orders, LOOP_DOMAINS, budget);
        assertThat(orders.get(orders.size() - 1)).isLessThan(EXPIRY.toEpochMilli());
        long renewed = f.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM free_certificate f "
                        + "JOIN vod_domain d ON d.id = f.domain_id WHERE f.status = 'success' AND f.cert_id <> :seed "
                        + "AND d.cert_id = f.cert_id").bind("seed", seedCert).mapTo(Long.class).one());
        assertThat(renewed).as("every domain serves its renewed certificate").isEqualTo(LOOP_DOMAINS);
    }

    private static void assertBudgetKept(List<Long> orderTimes, int expected) {
        assertBudgetKept(orderTimes, expected, BUDGET);
    }

    private static void assertBudgetKept(List<Long> orderTimes, int expected, int budget) {
        assertThat(orderTimes).as("every renewal got its order, once").hasSize(expected);
        for (int i = 0; i + budget < orderTimes.size(); i++) {
            assertThat(orderTimes.get(i + budget) - orderTimes.get(i)).as("orders %d and %d", i, i + budget)
                    .isGreaterThanOrEqualTo(WINDOW.toMillis());
        }
    }

    /** Inserts the domains, one certificate issued at {@link #ISSUED} they all use, and their success rows. */
    private long seed(int count) {
        X509Certificate leaf = X509Signing.sign(new X500Name("CN=seed"), f.ca.certificate().getPublicKey(),
                new X500Name(LocalCa.SUBJECT), f.ca.privateKey(), ISSUED, EXPIRY, b -> { });
        long now = f.clock.millis();
        return f.database.jdbi().inTransaction(h -> {
            long cert = h.createUpdate("INSERT INTO certificate (account_id, cert_type, cert_name, cert_region, "
                            + "certificate_pem, private_key_enc, common_name, issuer_org, fingerprint, not_before, "
                            + "not_after, created_at, updated_at) VALUES (:a, 'free', 'seed', 'cn-hangzhou', :pem, "
                            + "'v1:none', 'seed', 'vodcert', 'x', :nb, :na, :now, :now)")
                    .bind("a", f.accountId).bind("pem", X509Signing.pem(leaf)).bind("nb", ISSUED.toEpochMilli())
                    .bind("na", EXPIRY.toEpochMilli()).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch domains = h.prepareBatch("INSERT INTO vod_domain (id, account_id, domain_name, cname, "
                    + "domain_status, scope, sources, ssl_protocol, cert_id, cname_status, free_status, gmt_created, "
                    + "gmt_modified) VALUES (:id, :a, :name, :cname, 'online', 'domestic', '[]', 'on', :cert, 'ok', "
                    + "'success', :now, :now)");
            PreparedBatch rows = h.prepareBatch("INSERT INTO free_certificate (domain_id, status, cname_status, "
                    + "attempts, checks, next_attempt_at, cert_id, renew_at, lease_expires_at, created_at, updated_at) "
                    + "VALUES (:id, 'success', 'ok', 0, 0, :renew, :cert, :renew, 0, :now, :now)");
            for (int i = 0; i < count; i++) {
                long id = 1_000_000L + i;
                domains.bind("id", id).bind("a", f.accountId).bind("name", name(i))
                        .bind("cname", name(i) + ".w.alikunlun.com").bind("cert", cert).bind("now", now).add();
                rows.bind("id", id).bind("renew", renewAt(i)).bind("cert", cert).bind("now", now).add();
            }
            domains.execute();
            rows.execute();
            return cert;
        });
    }

    /**
     * A real issuer for the simulation: one certificate per simulated hour covering every tenant's
     * wildcard, signed by the fixture's local CA with one shared key, so the loop stores and serves
     * real certificates without generating a key per domain. Records when each order was placed.
     */
    static final class WildcardIssuer implements Issuer {
        final List<Long> issuedAt = new ArrayList<>();
        private final LocalCa ca;
        private final TestClock clock;
        private final KeyPair key = X509Signing.ecP256();
        private final Map<Instant, IssuedCertificate> byHour = new HashMap<>();

        WildcardIssuer(LocalCa ca, TestClock clock) {
            this.ca = ca;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "wildcards";
        }

        @Override
        public IssuedCertificate issue(String asciiDomainName) {
            issuedAt.add(clock.millis());
            return byHour.computeIfAbsent(clock.instant().truncatedTo(ChronoUnit.HOURS), this::make);
        }

        private IssuedCertificate make(Instant hour) {
            GeneralName[] names = new GeneralName[TENANTS];
            for (int t = 0; t < TENANTS; t++) {
                names[t] = new GeneralName(GeneralName.dNSName, "*.tenant" + t + ".com");
            }
            X509Certificate leaf = X509Signing.sign(new X500Name("CN=*.tenant0.com"), key.getPublic(),
                    new X500Name(LocalCa.SUBJECT), ca.privateKey(), hour, hour.plus(LIFETIME),
                    b -> b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names)));
            return new IssuedCertificate(X509Signing.pem(leaf) + X509Signing.pem(ca.certificate()),
                    X509Signing.pem(key.getPrivate()));
        }
    }
}
