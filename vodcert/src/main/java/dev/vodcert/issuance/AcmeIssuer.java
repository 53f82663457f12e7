package dev.vodcert.issuance;

import dev.vodcert.certificate.KeyCipher;
import dev.vodcert.store.AcmeAccountStore;
import dev.vodcert.store.AcmeChallengeStore;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues certificates from an ACME CA (Let's Encrypt in production, Pebble in tests) with acme4j:
 * register or look up the account (its key generated once, stored encrypted), order, answer HTTP-01
 * through the shared challenge store that every node's challenge listener serves, finalize with a
 * fresh key of the configured type, download the chain. Each call is bounded by the configured
 * order timeout and withdraws its challenge answers when it ends. Failures, whatever their kind, come
 * out as {@link IssuanceFailure} (see {@link AcmeFailures}). Thread-safe: each call has its own session.
 */
public final class AcmeIssuer implements Issuer {
    private static final Logger LOG = LoggerFactory.getLogger(AcmeIssuer.class);

    private final AcmeSettings settings;
    private final ConfiguredAcmeProvider provider;
    private final AcmeAccountKeys accountKeys;
    private final AcmeChallengeStore challenges;
    private final Clock clock;
    private final AcmePolling polling;

    /**
     * @throws IllegalArgumentException naming the setting when the directory or trust store is unusable
     */
    public AcmeIssuer(AcmeSettings settings, AcmeAccountStore accounts, AcmeChallengeStore challenges,
            KeyCipher cipher, Clock clock, AcmeRequestListener listener) {
        this(settings, accounts, challenges, cipher, clock, listener, AcmePolling.Sleeper.REAL);
    }

    AcmeIssuer(AcmeSettings settings, AcmeAccountStore accounts, AcmeChallengeStore challenges, KeyCipher cipher,
            Clock clock, AcmeRequestListener listener, AcmePolling.Sleeper sleeper) {
        this.settings = settings;
        SSLContext trust = settings.trustStore() == null ? null
                : AcmeTrust.sslContext(settings.trustStore(), settings.trustStorePassword());
        this.provider = new ConfiguredAcmeProvider(settings.directory(), trust, listener);
        this.accountKeys = new AcmeAccountKeys(accounts, cipher, clock);
        this.challenges = challenges;
        this.clock = clock;
        this.polling = new AcmePolling(clock, sleeper);
    }

    @Override
    public String name() {
        return "acme";
    }

    @Override
    public IssuedCertificate issue(String asciiDomainName) throws IssuanceFailure {
        Instant deadline = clock.instant().plus(settings.orderTimeout());
        challenges.deleteExpired(clock.millis());
        AcmeOrder order = new AcmeOrder(asciiDomainName, challenges, polling, clock, deadline);
        try {
            IssuedCertificate issued = order.run(login(order), settings.keyType());
            LOG.info("ACME: issued a certificate for {} from {}", asciiDomainName, settings.directory());
            return issued;
        } catch (AcmeException e) {
            throw logged(AcmeFailures.of(e, asciiDomainName, order.step(), settings.directory()));
        } catch (AcmeLazyLoadingException e) {
            throw logged(AcmeFailures.of((AcmeException) e.getCause(), asciiDomainName, order.step(),
                    settings.directory()));
        } catch (AcmeProtocolException e) {
            throw logged(new IssuanceFailure("the ACME CA answered something vodcert cannot use ("
                    + e.getMessage() + ") (" + asciiDomainName + ", while " + order.step() + ")", false, null, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuanceFailure("the ACME order for " + asciiDomainName + " was interrupted while "
                    + order.step());
        } catch (IssuanceFailure e) {
            throw logged(e);
        } finally {
            order.removeAnswers();
        }
    }

    private Login login(AcmeOrder order) throws AcmeException, IssuanceFailure {
        String directory = settings.directory().toString();
        order.step("reading the ACME account key");
        KeyPair accountKey;
        try {
            accountKey = accountKeys.keyPair(directory);
        } catch (IllegalStateException e) {
            throw new IssuanceFailure("the ACME account key cannot be used: " + e.getMessage());
        }
        order.step("registering the ACME account");
        Session session = new Session(settings.directory(), provider);
        session.networkSettings().setTimeout(settings.networkTimeout());
        AccountBuilder account = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey);
        if (settings.email() != null) {
            account.addEmail(settings.email());
        }
        Login login = account.createLogin(session);
        accountKeys.recordAccountUrl(directory, login.getAccountLocation());
        return login;
    }

    private static IssuanceFailure logged(IssuanceFailure failure) {
        LOG.warn("ACME: {}", failure.getMessage());
        return failure;
    }
}
