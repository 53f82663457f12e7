package dev.vodcert.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vodcert.testing.EmulatedServer;
import dev.vodcert.testing.LogWatch;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulation's endpoints on the admin listener, as a user outside Java drives them: the start
 * says in the log that emulation is on; the listener's token rule holds; DNS answers and the issuer
 * switch set over HTTP decide the statuses; bad input is 400 with the reason; a part that is not
 * emulated (here the clock) is 409.
 */
class EmulationAdminTest {
    private static final String TOKEN = "emulation-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path data;
    private static EmulatedServer s;

    @BeforeAll
    static void start() {
        try (LogWatch warn = LogWatch.of(Emulation.class, "EMULATION ON", "emulated table")) {
            s = new EmulatedServer(data, new EmulationConfig(true, false), TOKEN);
            warn.await(Duration.ofSeconds(1));
        }
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void theStateNeedsTheTokenAndSaysWhatIsEmulated() throws Exception {
        assertThat(s.adminGet("/admin/emulation", null).statusCode()).isEqualTo(401);
        JsonNode state = json(s.adminGet("/admin/emulation", TOKEN));
        assertThat(state.path("dns").asBoolean()).isTrue();
        assertThat(state.path("clock").asBoolean()).isFalse();
    }

    @Test
    void answersSetOverHttpDecideTheStatuses() throws Exception {
        String good = "good.admin-emu.com";
        String bad = "bad.admin-emu.com";
        String lame = "lame.admin-emu.com";
        String cname = s.addDomain(good);
        s.addDomain(bad);
        s.addDomain(lame);
        json(s.adminPost("/admin/emulation/dns", "{\"domain\":\"" + good + "\",\"cname\":\"" + cname + "\"}"));
        json(s.adminPost("/admin/emulation/dns", "{\"domain\":\"" + bad + "\",\"answer\":\"nxdomain\"}"));
        JsonNode state = json(s.adminPost("/admin/emulation/dns", "{\"domain\":\"" + lame + "\",\"answer\":\"servfail\"}"));
        assertThat(state.path("answers").path(good).asText()).isEqualTo("CNAME " + cname);
        assertThat(state.path("answers").path(bad).asText()).isEqualTo("NXDOMAIN");
        assertThat(state.path("answers").path(lame).asText()).isEqualTo("SERVFAIL");

        s.requestFree(good);
        s.requestFree(bad);
        s.requestFree(lame);
        s.emulation.runLifecycleNow();
        assertThat(s.certInfo(good).path("Status").asText()).isEqualTo("success");
        assertThat(s.certInfo(bad).path("Status").asText()).isEqualTo("cname_error");
        assertThat(s.certInfo(lame).path("Status").asText()).isEqualTo("checking");
    }

    @Test
    void everythingPointsAndTheIssuerSwitchOverHttp() throws Exception {
        String failing = "fail.admin-emu.com";
        s.addDomain(failing);
        json(s.adminPost("/admin/emulation/issuer", "{\"fail\":true,\"domain\":\"" + failing + "\"}"));
        assertThat(json(s.adminPost("/admin/emulation/dns", "{\"everythingPoints\":true}"))
                .path("everythingPoints").asBoolean()).isTrue();
        try {
            s.requestFree(failing);
            s.emulation.runLifecycleNow();
            JsonNode info = s.certInfo(failing);
            assertThat(info.path("Status").asText()).isEqualTo("failed");
            assertThat(info.path("DomainCnameStatus").asText()).isEqualTo("ok");
        } finally {
            json(s.adminPost("/admin/emulation/dns", "{\"everythingPoints\":false}"));
        }
    }

    @Test
    void badInputIs400WithTheReasonAndTheClockThatIsNotEmulatedIs409() {
        HttpResponse<String> notJson = s.adminPost("/admin/emulation/dns", "domain=x");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("JSON object");
        HttpResponse<String> badAnswer = s.adminPost("/admin/emulation/dns", "{\"domain\":\"x.com\",\"answer\":\"maybe\"}");
        assertThat(badAnswer.statusCode()).isEqualTo(400);
        assertThat(badAnswer.body()).contains("servfail, nxdomain or none");
        HttpResponse<String> noDomain = s.adminPost("/admin/emulation/dns", "{\"cname\":\"x.com\"}");
        assertThat(noDomain.statusCode()).isEqualTo(400);
        assertThat(noDomain.body()).contains("domain must be");
        HttpResponse<String> clock = s.adminPost("/admin/emulation/clock/advance", "{\"by\":\"P1D\"}");
        assertThat(clock.statusCode()).isEqualTo(409);
        assertThat(clock.body()).contains("--clock emulated");
    }
}
