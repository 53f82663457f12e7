package dev.vodcert.emulation;

import dev.vodcert.domain.VodDomain;
import dev.vodcert.issuance.CnameCheck;
import dev.vodcert.issuance.FreeCertificates;
import dev.vodcert.issuance.Issuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulation of one running vodcert, as {@link EmulationConfig} asks: the {@link EmulatedDns}
 * the CNAME check reads, the {@link EmulatorClock} of everything but request signatures, and the
 * {@link FailingIssuer} switch around the configured issuer (always there when any emulation is on).
 * With emulation, the free-certificate loop does not wait for its next scheduled pass: asking for a
 * free certificate, changing a DNS answer and moving the clock each start a pass at once, and
 * {@link #runLifecycleNow()} waits for one, so a test sees the outcome on its next request.
 * <p>
 * Requests are still authenticated against the base clock: SDKs sign with the machine's time, and
 * moving the emulated clock must not put every signature outside the timestamp window.
 */
public final class Emulation {
    private static final Logger LOG = LoggerFactory.getLogger(Emulation.class);
    /** The longest {@link #runLifecycleNow()} waits for a pass. */
    static final Duration PASS_WAIT = Duration.ofSeconds(30);

    private final EmulationConfig config;
    private final Clock base;
    private final EmulatedDns dns;
    private final EmulatorClock clock;
    private volatile FailingIssuer issuer;
    private volatile Supplier<CompletableFuture<?>> lifecycle = () -> CompletableFuture.completedFuture(null);

    private Emulation(EmulationConfig config, Clock base) {
        this.config = config;
        this.base = base;
        this.dns = config.dns() ? new EmulatedDns() : null;
        this.clock = config.clock() ? new EmulatorClock(base) : null;
    }

    /** The emulation {@code config} asks for over {@code base} time, or null when it asks for none. */
    public static Emulation of(EmulationConfig config, Clock base) {
        return config.any() ? new Emulation(config, base) : null;
    }

    public EmulationConfig config() {
        return config;
    }

    public Optional<EmulatedDns> dns() {
        return Optional.ofNullable(dns);
    }

    public Optional<EmulatorClock> clock() {
        return Optional.ofNullable(clock);
    }

    /** The issuer switch; present once the server has wired its issuer. */
    public Optional<FailingIssuer> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** The clock of the service: the emulated one when on, else the base. */
    public Clock serviceClock() {
        return clock != null ? clock : base;
    }

    /** The clock requests are authenticated against: always the base. */
    public Clock requestClock() {
        return base;
    }

    /** The CNAME check to use instead of {@code configured}: the table when DNS is emulated. */
    public CnameCheck cnameCheck(CnameCheck configured) {
        return dns != null ? dns : configured;
    }

    /** Wraps the configured issuer in the failure switch. */
    public Issuer issuer(Issuer configured) {
        FailingIssuer wrapped = new FailingIssuer(configured);
        issuer = wrapped;
        return wrapped;
    }

    /** {@code free}, starting a pass after every request. */
    public FreeCertificates waking(FreeCertificates free) {
        return new FreeCertificates() {
            @Override
            public void request(VodDomain domain) {
                free.request(domain);
                wake();
            }

            @Override
            public void stop(VodDomain domain) {
                free.stop(domain);
            }
        };
    }

    /**
     * Connects the free-certificate loop: {@code runPass} starts a pass (or joins one queued and not
     * started yet) and completes when it has ended.
     */
    public void attachLifecycle(Supplier<CompletableFuture<?>> runPass) {
        lifecycle = runPass;
        if (clock != null) {
            clock.onAdvance(this::wake);
        }
    }

    /** Starts a pass without waiting for it. */
    public void wake() {
        CompletableFuture<?> pass = lifecycle.get();
        if (pass.isCompletedExceptionally()) {
            LOG.debug("A lifecycle pass could not start now; the loop runs again on its own");
        }
    }

    /**
     * Runs a pass of the free-certificate loop over what is due now and waits until it has ended
     * (at most {@link #PASS_WAIT}; an issuance through a real CA can take that long).
     */
    public void runLifecycleNow() {
        try {
            lifecycle.get().get(PASS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("emulation: the free-certificate pass did not end in time: {}", e.toString());
        }
    }

    /**
     * Moves the emulated clock forward and runs the pass that follows.
     *
     * @return the emulated time after the move
     * @throws IllegalStateException when the clock is not emulated
     */
    public Instant advanceClock(Duration by) {
        if (clock == null) {
            throw new IllegalStateException("the clock is not emulated (serve --clock emulated)");
        }
        Instant now = clock.advance(by);
        runLifecycleNow();
        return now;
    }

    /** Says in the log, once at start, that this node does not behave like a real one. */
    public void warnAtStart() {
        LOG.warn("EMULATION ON: {}{}; the issuer can be made to fail on purpose. Not for production.",
                dns != null ? "DNS answers come from the emulated table, not a resolver" : "DNS is real",
                clock != null ? "; free-certificate time runs on an emulated clock that can be moved forward"
                        : "");
    }
}
