package dev.vodcert.bench.jmh;

import dev.vodcert.protocol.RequestParameters;
import dev.vodcert.protocol.RpcRequest;
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

/** Reading a signed request's parameters: the query of a GET, and a form body of a POST. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParameterReadingBench {
    private RpcRequest get;
    private RpcRequest post;

    @Setup
    public void setUp() {
        get = Requests.v1Get("6f9a5c1e-3b7d-4e2a-9c8b-1d2e3f4a5b6c");
        post = Requests.v1FormPost("6f9a5c1e-3b7d-4e2a-9c8b-1d2e3f4a5b6c");
    }

    @Benchmark
    public RequestParameters queryOfGet() {
        return RequestParameters.read(get);
    }

    @Benchmark
    public RequestParameters formBodyOfPost() {
        return RequestParameters.read(post);
    }
}
