package dev.vodcert.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vodcert.testing.EmulatedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --dns emulated}, every status of a free certificate can be produced on purpose through
 * the API, with no DNS server at all: {@code success} from the built-in CA when the name points at
 * its Cname (the request itself starts the pass, so the test only polls, bounded), {@code cname_error}
 * for another target or NXDOMAIN, {@code checking} kept while the resolver fails, the name rules'
 * {@code unsupport_wildcard} and {@code domain_invalid}, and {@code failed} by the issuer switch.
 */
class EmulatedDnsServerTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    @TempDir
    static Path data;
    private static EmulatedServer s;

    @BeforeAll
    static void start() {
        s = new EmulatedServer(data, new EmulationConfig(true, false), null);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String name() {
        return "emu" + NEXT.incrementAndGet() + ".vodcert-test.com";
    }

    private static EmulatedDns table() {
        return s.emulation.dns().orElseThrow();
    }

    @Test
    void aDomainPointingAtItsCnameGetsItsCertificateWithoutAnyoneRunningAPass() throws Exception {
        String name = name();
        String cname = s.addDomain(name);
        table().setCname(name, cname);
        s.requestFree(name);

        JsonNode info = s.certInfo(name);
        for (long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
             !info.path("Status").asText().equals("success") && System.nanoTime() < end; ) {
            Thread.sleep(20);
            info = s.certInfo(name);
        }
        assertThat(info.path("Status").asText()).isEqualTo("success");
        assertThat(info.path("CertDomainName").asText()).isEqualTo(name);
        assertThat(info.path("CertExpireTime").asText()).isNotEmpty();
        assertThat(info.path("DomainCnameStatus").asText()).isEqualTo("ok");
    }

    @Test
    void everythingPointsGivesEveryNameWithoutAnEntryItsCertificateAndAnEntryStillWins() {
        String plain = name();
        String wrong = name();
        s.addDomain(plain);
        s.addDomain(wrong);
        table().setCname(wrong, "elsewhere.vodcert-test.net");
        table().everythingPoints(true);
        try {
            s.requestFree(plain);
            s.requestFree(wrong);
            s.emulation.runLifecycleNow();
            assertThat(s.certInfo(plain).path("Status").asText()).isEqualTo("success");
            assertThat(s.certInfo(wrong).path("Status").asText()).isEqualTo("cname_error");
        } finally {
            table().everythingPoints(false);
        }
    }

    @Test
    void anotherTargetAndNxdomainAreCnameErrorsAndServfailKeepsChecking() {
        String other = name();
        String missing = name();
        String failing = name();
        for (String n : new String[] {other, missing, failing}) {
            s.addDomain(n);
        }
        table().setCname(other, "cdn.vodcert-test.net");
        table().setNxdomain(missing);
        table().setServfail(failing);
        for (String n : new String[] {other, missing, failing}) {
            s.requestFree(n);
        }
        s.emulation.runLifecycleNow();

        assertThat(s.certInfo(other).path("Status").asText()).isEqualTo("cname_error");
        assertThat(s.certInfo(missing).path("Status").asText()).isEqualTo("cname_error");
        assertThat(s.certInfo(failing).path("Status").asText()).isEqualTo("checking");
    }

    @Test
    void wildcardAndReservedNamesGetTheNameRulesStatuses() {
        String wildcard = "*.wild" + NEXT.incrementAndGet() + ".vodcert-test.com";
        String reserved = "shop" + NEXT.incrementAndGet() + ".vodcert.internal";
        s.addDomain(wildcard);
        s.addDomain(reserved);
        s.requestFree(wildcard);
        s.requestFree(reserved);
        s.emulation.runLifecycleNow();

        assertThat(s.certInfo(wildcard).path("Status").asText()).isEqualTo("unsupport_wildcard");
        assertThat(s.certInfo(reserved).path("Status").asText()).isEqualTo("domain_invalid");
    }

    @Test
    void theIssuerSwitchFailsOneDomainAndLeavesTheOthers() {
        String failing = name();
        String fine = name();
        table().setCname(failing, s.addDomain(failing));
        table().setCname(fine, s.addDomain(fine));
        s.emulation.issuer().orElseThrow().fail(failing, true);
        s.requestFree(failing);
        s.requestFree(fine);
        s.emulation.runLifecycleNow();

        assertThat(s.certInfo(failing).path("Status").asText()).isEqualTo("failed");
        assertThat(s.certInfo(fine).path("Status").asText()).isEqualTo("success");
    }
}
