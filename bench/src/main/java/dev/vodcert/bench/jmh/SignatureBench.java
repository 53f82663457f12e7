package dev.vodcert.bench.jmh;

import dev.vodcert.protocol.Authenticator;
import dev.vodcert.protocol.Credential;
import dev.vodcert.protocol.Principal;
import dev.vodcert.protocol.RequestParameters;
import dev.vodcert.protocol.RpcRequest;
import dev.vodcert.protocol.SignatureV1;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signature checks: the whole {@link Authenticator} for a V1 (HMAC-SHA1) and an ACS3-HMAC-SHA256
 * request (parts, timestamp window, credential, signature, nonce), with an in-memory credential and
 * a nonce guard that accepts every nonce, so that only the check itself is measured; and the bare
 * V1 string-to-sign plus HMAC.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignatureBench {
    private Authenticator authenticator;
    private RpcRequest v1;
    private RequestParameters v1Params;
    private RpcRequest v3;
    private RequestParameters v3Params;

    @Setup
    public void setUp() {
        Credential credential = new Credential(Requests.KEY_ID, Requests.SECRET, 1, true);
        authenticator = new Authenticator(id -> Optional.of(credential), (id, nonce, until) -> true,
                Clock.systemUTC(), Duration.ofMinutes(15));
        v1 = Requests.v1Get("6f9a5c1e-3b7d-4e2a-9c8b-1d2e3f4a5b6c");
        v1Params = RequestParameters.read(v1);
        v3 = Requests.v3Post("7a0b6d2f-4c8e-5f3b-0d9c-2e3f4a5b6c7d");
        v3Params = RequestParameters.read(v3);
        authenticator.authenticate(v1, v1Params);
        authenticator.authenticate(v3, v3Params);
    }

    @Benchmark
    public Principal v1Check() {
        return authenticator.authenticate(v1, v1Params);
    }

    @Benchmark
    public Principal v3Check() {
        return authenticator.authenticate(v3, v3Params);
    }

    @Benchmark
    public boolean v1StringToSignAndHmac() {
        return SignatureV1.matches(Requests.SECRET, SignatureV1.stringToSign("GET", v1Params.all(), false),
                v1Params.get("Signature"));
    }
}
