package dev.vodcert.api;

import dev.vodcert.testing.TempFolders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vodcert.api.cas.CasApi;
import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.domain.DomainService;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.protocol.ActionCall;
import dev.vodcert.protocol.ActionTable;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.Principal;
import dev.vodcert.protocol.RequestParameters;
import dev.vodcert.protocol.ResponseRenderer;
import dev.vodcert.protocol.RpcRequest;
import dev.vodcert.store.AccessKeyStore;
import dev.vodcert.store.CasCertificateStore;
import dev.vodcert.store.CertificateStore;
import dev.vodcert.store.Database;
import dev.vodcert.store.DomainStore;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.TestCertificates;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the certificate actions ask of the free-certificate lifecycle ({@link FreeCertificates},
 * built elsewhere): {@code CertType=free} requests it; switching a domain to an upload or a stored
 * certificate, through either action, stops it first. The action table runs on a real database; the
 * lifecycle is a recorder, since its real implementation is another component's.
 */
class FreeCertificatesCallsTest {
    private final List<String> calls = new ArrayList<>();
    private final FreeCertificates recorder = new FreeCertificates() {
        @Override
        public void request(VodDomain domain) {
            calls.add("request " + domain.domainName());
        }

        @Override
        public void stop(VodDomain domain) {
            calls.add("stop " + domain.domainName());
        }
    };
    private Database database;
    private ActionTable actions;
    private DomainStore domains;
    private long account;

    @BeforeEach
    void start() throws Exception {
        database = Database.open(Database.h2Url(TempFolders.create("vodcert-free")), null, null, 2);
        Clock clock = Clock.systemUTC();
        account = new AccessKeyStore(database.jdbi()).createAccount("free", clock.millis());
        byte[] master = new byte[KeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(master);
        CertificateIntake intake = new CertificateIntake(new KeyCipher(master), clock, "cn-hangzhou");
        domains = new DomainStore(database.jdbi());
        CasCertificateStore casStore = new CasCertificateStore(database.jdbi());
        var ownership = new dev.vodcert.ownership.OwnershipService(
                new dev.vodcert.store.OwnershipStore(database.jdbi()), domains, false, null,
                java.time.Duration.ofSeconds(1), 80, clock);
        DomainService domainService = new DomainService(domains, clock, "w.alikunlun.com", 20);
        actions = VodApi.register(new ActionTable(), new VodApi.Services(
                domainService, domains, intake, recorder, casStore,
                new CertificateStore(database.jdbi()), new dev.vodcert.store.DomainSearch(database.jdbi()),
                new dev.vodcert.domain.DomainTags(new dev.vodcert.store.DomainTagStore(database.jdbi())), ownership,
                new dev.vodcert.domain.DomainConfigs(new dev.vodcert.store.DomainConfigStore(database.jdbi()),
                        domainService, clock)));
        CasApi.register(actions, casStore, intake);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void freeRequestsTheLifecycleAndLeavesHttpsOffUntilTheCertificateIsIssued() {
        call(VodApi.VERSION, "AddVodDomain", Map.of("DomainName", "free.example.com", "Sources",
                ApiTestBase.SOURCES));
        call(VodApi.VERSION, "SetVodDomainSSLCertificate", Map.of("DomainName", "free.example.com",
                "SSLProtocol", "on", "CertType", "free"));
        assertThat(calls).containsExactly("request free.example.com");
        assertThat(domains.find(account, "free.example.com").orElseThrow().httpsOn()).isFalse();
    }

    @Test
    void freeOverAnUploadedCertificateWithHttpsOffLeavesHttpsOffUntilTheFreeOneIsIssued() {
        call(VodApi.VERSION, "AddVodDomain", Map.of("DomainName", "up.example.com", "Sources", ApiTestBase.SOURCES));
        Issued cert = TestCertificates.issue("up.example.com");
        call(VodApi.VERSION, "SetVodDomainSSLCertificate", Map.of("DomainName", "up.example.com",
                "SSLProtocol", "on", "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8()));
        call(VodApi.VERSION, "SetVodDomainSSLCertificate", Map.of("DomainName", "up.example.com", "SSLProtocol", "off"));
        call(VodApi.VERSION, "SetVodDomainSSLCertificate", Map.of("DomainName", "up.example.com",
                "SSLProtocol", "on", "CertType", "free"));
        assertThat(calls).containsExactly("stop up.example.com", "request up.example.com");
        assertThat(domains.find(account, "up.example.com").orElseThrow().httpsOn()).isFalse();
    }

    @Test
    void uploadsAndStoredCertificatesStopItAfterTheirChecksPass() {
        call(VodApi.VERSION, "AddVodDomain", Map.of("DomainName", "www.example.com", "Sources", ApiTestBase.SOURCES));
        Issued cert = TestCertificates.issue("www.example.com");
        Issued elsewhere = TestCertificates.issue("other.example.net");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> call(VodApi.VERSION,
                "SetVodDomainSSLCertificate", Map.of("DomainName", "www.example.com", "SSLProtocol", "on",
                        "SSLPub", elsewhere.chainPem(), "SSLPri", elsewhere.keyPemPkcs8())));
        assertThat(refused.code()).isEqualTo("InvalidSSLPub");
        assertThat(calls).isEmpty();

        call(VodApi.VERSION, "SetVodDomainSSLCertificate", Map.of("DomainName", "www.example.com",
                "SSLProtocol", "on", "CertType", "upload", "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8()));
        call(VodApi.VERSION, "SetVodDomainCertificate", Map.of("DomainName", "www.example.com",
                "SSLProtocol", "on", "SSLPub", cert.chainPem(), "SSLPri", cert.keyPemPkcs8()));
        Object upload = call(CasApi.VERSION, "UploadUserCertificate", Map.of("Name", "kept",
                "Cert", cert.chainPem(), "Key", cert.keyPemPkcs8()));
        long certId = new ResponseRenderer("vod").mapper().valueToTree(upload).path("CertId").asLong();
        call(VodApi.VERSION, "SetVodDomainSSLCertificate", Map.of("DomainName", "www.example.com",
                "SSLProtocol", "on", "CertType", "cas", "CertId", Long.toString(certId)));
        call(VodApi.VERSION, "SetVodDomainSSLCertificate", Map.of("DomainName", "www.example.com",
                "SSLProtocol", "off"));
        call(VodApi.VERSION, "SetVodDomainSSLCertificate", Map.of("DomainName", "www.example.com",
                "SSLProtocol", "on"));
        assertThat(calls).containsExactly("stop www.example.com", "stop www.example.com", "stop www.example.com");
        assertThat(domains.find(account, "www.example.com").orElseThrow().certId()).isEqualTo(certId);
    }

    private Object call(String version, String action, Map<String, String> params) {
        Map<String, String> p = new HashMap<>(params);
        p.put("Action", action);
        p.put("Version", version);
        RpcRequest request = new RpcRequest("POST", "/", SignedClient.encode(p), Map.of(), new byte[0], "127.0.0.1");
        return actions.find(version, action).handle(new ActionCall(action, version, RequestParameters.read(request),
                new Principal(account, "test"), "REQUEST", Clock.systemUTC().instant()));
    }
}
