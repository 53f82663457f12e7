package dev.vodcert.issuance;

import dev.vodcert.store.AcmeChallengeStore;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;

/**
 * One ACME order for one domain, start to end: order, HTTP-01 for each pending authorization (the
 * answer published in the shared challenge store so any node can serve it), finalize with a fresh
 * key, download the chain. {@link #step()} says what it was doing when something failed;
 * {@link #removeAnswers()} withdraws every answer it published, whatever happened.
 */
final class AcmeOrder {
    /** How long a published answer outlives the order deadline, so a slow CA still finds it. */
    static final Duration ANSWER_GRACE = Duration.ofMinutes(1);

    private final String domain;
    private final AcmeChallengeStore challenges;
    private final AcmePolling polling;
    private final Clock clock;
    private final Instant deadline;
    private final List<String> tokens = new ArrayList<>();
    private volatile String step = "starting";

    AcmeOrder(String domain, AcmeChallengeStore challenges, AcmePolling polling, Clock clock, Instant deadline) {
        this.domain = domain;
        this.challenges = challenges;
        this.polling = polling;
        this.clock = clock;
        this.deadline = deadline;
    }

    String step() {
        return step;
    }

    void step(String now) {
        this.step = now;
    }

    Issuer.IssuedCertificate run(Login login, DomainKeyType keyType)
            throws AcmeException, InterruptedException, IssuanceFailure {
        step = "creating the order";
        Order order = login.newOrder().domain(domain).create();
        for (Authorization authorization : order.getAuthorizations()) {
            authorize(authorization);
        }
        step = "waiting for the order to become ready";
        Status ready = polling.await(order, Set.of(Status.READY, Status.VALID, Status.INVALID), deadline,
                "the order to become ready");
        if (ready == Status.INVALID) {
            throw new IssuanceFailure("the ACME CA marked the order for " + domain + " invalid: "
                    + AcmeFailures.describe(order.getError()));
        }
        if (ready == Status.VALID) {
            throw new IssuanceFailure("the ACME CA answered with an order for " + domain
                    + " that was already finalized, with a key vodcert does not hold");
        }
        step = "finalizing the order";
        KeyPair key = keyType.generate();
        order.execute(key);
        Status done = polling.await(order, Set.of(Status.VALID, Status.INVALID), deadline, "the certificate");
        if (done == Status.INVALID) {
            throw new IssuanceFailure("the ACME CA refused to issue for " + domain + ": "
                    + AcmeFailures.describe(order.getError()));
        }
        step = "downloading the certificate";
        Certificate certificate = order.getCertificate();
        certificate.download();
        return new Issuer.IssuedCertificate(chainPem(certificate), KeyPairs.privateKeyPem(key));
    }

    private void authorize(Authorization authorization) throws AcmeException, InterruptedException, IssuanceFailure {
        String name = authorization.getIdentifier().getDomain();
        step = "reading the authorization for " + name;
        if (authorization.getStatus() == Status.VALID) {
            return;
        }
        Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class)
                .orElseThrow(() -> new IssuanceFailure("the ACME CA offers no http-01 challenge for " + name));
        step = "publishing the HTTP-01 answer for " + name;
        challenges.put(challenge.getToken(), challenge.getAuthorization(), name, clock.millis(),
                deadline.plus(ANSWER_GRACE).toEpochMilli());
        tokens.add(challenge.getToken());
        step = "validating " + name + " by HTTP-01";
        if (challenge.getStatus() == Status.PENDING) {
            challenge.trigger();
        }
        Status status = polling.await(challenge, Set.of(Status.VALID, Status.INVALID), deadline,
                "the HTTP-01 validation of " + name);
        if (status == Status.INVALID) {
            throw new IssuanceFailure("the ACME CA could not validate " + name + " by HTTP-01: "
                    + AcmeFailures.describe(challenge.getError()));
        }
    }

    /** Withdraws the answers this order published; safe to call more than once. */
    void removeAnswers() {
        challenges.delete(List.copyOf(tokens));
        tokens.clear();
    }

    private static String chainPem(Certificate certificate) {
        StringWriter out = new StringWriter();
        try {
            certificate.writeCertificate(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
