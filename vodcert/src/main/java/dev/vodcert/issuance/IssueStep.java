package dev.vodcert.issuance;

import dev.vodcert.certificate.CertificateIntake;
import dev.vodcert.certificate.StoredCertificate;
import dev.vodcert.domain.VodDomain;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.store.FreeCertificateStore;
import dev.vodcert.store.FreeCertificateStore.Work;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code applying} step: asks the {@link Issuer}, checks what it returned as strictly as an
 * upload ({@link CertificateIntake}: parsed, valid now, covering the domain, key matching, key
 * encrypted; a NotBefore up to {@link LifecycleTiming#caClockSkew()} ahead is the CA's clock), and
 * stores it with the domain pointing at it, in one transaction. A failure is
 * recorded with its reason and the next attempt per {@link LifecycleTiming}; a CA's rate limit is
 * not a failure but a wait. A renewal that fails while the certificate it would replace is still
 * valid keeps the status {@code success}: Status describes the certificate in effect.
 */
public final class IssueStep {
    private static final Logger LOG = LoggerFactory.getLogger(IssueStep.class);

    private final Issuer issuer;
    private final CertificateIntake intake;
    private final FreeCertificateStore store;
    private final Clock clock;

    public IssueStep(Issuer issuer, CertificateIntake intake, FreeCertificateStore store, Clock clock) {
        this.issuer = issuer;
        this.intake = intake;
        this.store = store;
        this.clock = clock;
    }

    void run(Work work, FreeCertificate applying, boolean renewal, String owner) {
        VodDomain domain = work.domain();
        CertificateIntake.Accepted accepted;
        try {
            accepted = issue(domain);
        } catch (IssuanceFailure failure) {
            FreeCertificate after = failed(work, applying, renewal, failure);
            if (store.save(after, owner, false, clock.millis())) {
                Lifecycle.log(domain, applying.status(), after.status(), after.lastError());
            }
            return;
        }
        StoredCertificate c = accepted.certificate();
        Instant renewAt = RenewalSchedule.renewAt(domain.domainName(), Instant.ofEpochMilli(c.notBefore()),
                Instant.ofEpochMilli(c.notAfter()));
        if (store.recordIssued(domain.id(), c, accepted.certDomainName(), !renewal, renewAt.toEpochMilli(),
                clock.millis())) {
            Lifecycle.log(domain, applying.status(), FreeCertStatus.SUCCESS, "issued by " + issuer.name()
                    + ", expires " + Instant.ofEpochMilli(c.notAfter()) + ", renewal due " + renewAt);
        } else {
            LOG.info("free certificate {}: issued but not stored, its lifecycle was stopped meanwhile",
                    domain.domainName());
        }
    }

    private CertificateIntake.Accepted issue(VodDomain domain) throws IssuanceFailure {
        Issuer.IssuedCertificate issued;
        try {
            issued = issuer.issue(domain.domainName());
        } catch (RuntimeException e) {
            throw new IssuanceFailure("unexpected error: " + e.getClass().getSimpleName(), false, null, e);
        }
        try {
            return intake.acceptIssued(domain.accountId(), domain.domainName(), "free", "cert-"
                    + domain.domainName(), issued.chainPem(), issued.privateKeyPem(), LifecycleTiming.caClockSkew());
        } catch (ApiException e) {
            throw new IssuanceFailure("the issued certificate cannot be used: " + e.getMessage());
        }
    }

    private FreeCertificate failed(Work work, FreeCertificate applying, boolean renewal, IssuanceFailure failure) {
        long now = clock.millis();
        boolean oldStillValid = renewal && work.issuedNotAfter() != null && work.issuedNotAfter() > now;
        FreeCertStatus waiting = oldStillValid ? FreeCertStatus.SUCCESS
                : renewal ? FreeCertStatus.FAILED : FreeCertStatus.CHECKING;
        if (failure.rateLimited()) {
            long at = failure.retryAfter().map(Instant::toEpochMilli).filter(t -> t > now)
                    .orElse(now + LifecycleTiming.CA_RATE_LIMIT_WAIT_SECONDS * 1000);
            return applying.withStatus(waiting).withNext(at).withError(issuer.name() + " rate limited the order until "
                    + Instant.ofEpochMilli(at) + ": " + failure.getMessage());
        }
        int attempts = applying.attempts() + 1;
        boolean giveUp = !oldStillValid && attempts >= LifecycleTiming.MAX_ATTEMPTS;
        long next = giveUp ? LifecycleTiming.PARKED : now + LifecycleTiming.backoffAfter(attempts).toMillis();
        return applying.withStatus(oldStillValid ? FreeCertStatus.SUCCESS : FreeCertStatus.FAILED)
                .withCounts(attempts, 0).withNext(next)
                .withError(issuer.name() + ": " + failure.getMessage() + (giveUp ? "; gave up after " + attempts
                        + " attempts, ask for the free certificate again to retry" : ""));
    }
}
