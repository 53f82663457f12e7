package dev.vodcert.junit5;

import dev.vodcert.account.NewAccessKey;
import dev.vodcert.domain.CnameTarget;
import dev.vodcert.domain.DomainName;
import dev.vodcert.emulation.EmulatedDns;
import dev.vodcert.emulation.Emulation;
import dev.vodcert.emulation.FailingIssuer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One vodcert running in the test's JVM ({@link VodcertTest}), as a test sees it: where it listens,
 * the AccessKey of its fresh account ({@code default}), more accounts, helpers that go through the
 * API as a user's code would (add a domain, upload a generated certificate), and the emulation's
 * controls. DNS answers start empty (no name has a CNAME) until set; {@link #everythingPoints} makes
 * every domain point at its assigned Cname. A change of DNS answers, of the issuer switch, or of the
 * clock runs the free-certificate lifecycle before the method returns, so the next request sees
 * its outcome. Requests are signed with the machine's time whatever the emulated clock says.
 */
public final class VodcertHandle {
    private static final String SOURCES = "[{\"content\":\"127.0.0.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";

    private final RunningVodcert running;
    private final Account account;
    private final SignedCalls calls;

    VodcertHandle(RunningVodcert running) {
        this.running = running;
        this.account = running.firstAccount();
        this.calls = new SignedCalls(uri());
    }

    /** The API's port on 127.0.0.1. */
    public int port() {
        return running.app().port();
    }

    /** {@code 127.0.0.1:port}, as the SDKs take an endpoint (with protocol HTTP). */
    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:port/}. */
    public URI uri() {
        return URI.create("http://" + endpoint() + "/");
    }

    public String accessKeyId() {
        return account.accessKeyId();
    }

    public String accessKeySecret() {
        return account.accessKeySecret();
    }

    /** The fresh account ({@code default}) and its key. */
    public Account account() {
        return account;
    }

    /** A second (third...) account named {@code name}, with a new AccessKey; an existing name gets another key. */
    public Account newAccount(String name) {
        NewAccessKey key = running.app().accessKeys().create(running.app().accessKeys().account(name));
        return new Account(name, key.accessKeyId(), key.accessKeySecret());
    }

    /** A signed call of the VOD API as the {@code default} account. */
    public ApiAnswer call(String action, Map<String, String> params) {
        return call(account, action, params);
    }

    /** A signed call of the VOD API as {@code as}. */
    public ApiAnswer call(Account as, String action, Map<String, String> params) {
        return calls.call(as, action, params);
    }

    /**
     * {@code AddVodDomain} for the {@code default} account (origin 127.0.0.1).
     *
     * @return the domain's assigned {@code Cname}
     */
    public String addDomain(String domainName) {
        return addDomain(account, domainName);
    }

    /** {@code AddVodDomain} for {@code owner}; returns the assigned {@code Cname}. */
    public String addDomain(Account owner, String domainName) {
        call(owner, "AddVodDomain", Map.of("DomainName", domainName, "Sources", SOURCES)).requireOk();
        return cnameOf(domainName);
    }

    /** The {@code Cname} vodcert assigns to {@code domainName}. */
    public String cnameOf(String domainName) {
        return CnameTarget.of(DomainName.parse(domainName), running.cnameSuffix());
    }

    /**
     * A self-signed certificate for {@code names}, valid from an hour before the emulated now for 90
     * days, not uploaded.
     */
    public GeneratedCertificate generateCertificate(String... names) {
        Instant now = now();
        return GeneratedCertificate.selfSigned(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)), names);
    }

    /**
     * Generates a certificate for the {@code default} account's {@code domainName} and uploads it with
     * {@code SetVodDomainCertificate} ({@code SSLProtocol=on}).
     */
    public GeneratedCertificate uploadCertificate(String domainName) {
        return uploadCertificate(account, domainName);
    }

    /** As {@link #uploadCertificate(String)} for a domain of {@code owner}. */
    public GeneratedCertificate uploadCertificate(Account owner, String domainName) {
        GeneratedCertificate c = generateCertificate(domainName);
        call(owner, "SetVodDomainCertificate", Map.of("DomainName", domainName, "SSLProtocol", "on",
                "CertName", "generated-" + c.notBefore().getEpochSecond(), "SSLPub", c.certificatePem(),
                "SSLPri", c.privateKeyPem())).requireOk();
        return c;
    }

    // ---- emulated DNS

    /** {@code domainName} becomes a CNAME to its assigned {@code Cname}: its CNAME check passes. */
    public void pointAtCname(String domainName) {
        dns().setCname(domainName, cnameOf(domainName));
        running.emulation().runLifecycleNow();
    }

    /** {@code name} becomes a CNAME to {@code target}. */
    public void setCname(String name, String target) {
        dns().setCname(name, target);
        running.emulation().runLifecycleNow();
    }

    /** Queries for {@code name} fail with SERVFAIL (the status stays, the check is retried). */
    public void servfail(String name) {
        dns().setServfail(name);
        running.emulation().runLifecycleNow();
    }

    /** {@code name} does not exist (NXDOMAIN: {@code cname_error}). */
    public void nxdomain(String name) {
        dns().setNxdomain(name);
        running.emulation().runLifecycleNow();
    }

    /** Removes what was set for {@code name}. */
    public void clearDns(String name) {
        dns().clear(name);
    }

    /** With {@code on}, every name without an answer of its own points at its assigned {@code Cname}. */
    public void everythingPoints(boolean on) {
        dns().everythingPoints(on);
        running.emulation().runLifecycleNow();
    }

    /** The answer table itself. */
    public EmulatedDns dns() {
        return running.emulation().dns().orElseThrow();
    }

    // ---- issuer

    /** With {@code on}, issuing a certificate for {@code domainName} fails ({@code failed}, or a failed renewal). */
    public void failIssuance(String domainName, boolean on) {
        issuer().fail(domainName, on);
    }

    /** With {@code on}, every issuance fails. */
    public void failAllIssuance(boolean on) {
        issuer().failAll(on);
    }

    private FailingIssuer issuer() {
        return running.emulation().issuer().orElseThrow();
    }

    // ---- clock

    /** The emulated now. */
    public Instant now() {
        return clock().instant();
    }

    /** The emulated clock of the service (certificate validity, expiry, renewal). */
    public Clock clock() {
        return running.emulation().serviceClock();
    }

    /**
     * Moves the emulated clock forward and runs the free-certificate lifecycle over what is then due
     * (renewals, expiry, re-checks), before returning.
     *
     * @return the emulated time after the move
     */
    public Instant advanceClock(Duration by) {
        return running.emulation().advanceClock(by);
    }

    /** Runs a pass of the free-certificate lifecycle now and waits for it. */
    public void runLifecycleNow() {
        running.emulation().runLifecycleNow();
    }

    /** The emulation, for what the helpers above do not cover. */
    public Emulation emulation() {
        return running.emulation();
    }

    /** The data folder (deleted when vodcert stops). */
    java.nio.file.Path dataDir() {
        return running.dataDir();
    }

    /** Stops vodcert and deletes its data folder (the extension does it when the scope ends). */
    void close() {
        running.close();
    }

    @Override
    public String toString() {
        return "VodcertHandle[" + endpoint() + "]";
    }
}
