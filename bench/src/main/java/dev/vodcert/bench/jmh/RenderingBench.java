package dev.vodcert.bench.jmh;

import dev.vodcert.certificate.CertInfo;
import dev.vodcert.protocol.GatewayErrors;
import dev.vodcert.protocol.ResponseFormat;
import dev.vodcert.protocol.ResponseRenderer;
import dev.vodcert.protocol.RpcResponse;
import java.util.List;
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
 * Rendering a {@code DescribeVodDomainCertificateInfo} answer (one {@code CertInfo} with a 2-certificate
 * PEM chain in {@code ServerCertificate}) as JSON and as XML, and the error envelope as JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderingBench {
    /** The same shape as the action's own response model. */
    record Response(CertInfos certInfos) {
    }

    record CertInfos(List<CertInfo> certInfo) {
    }

    private final ResponseRenderer renderer = new ResponseRenderer("vod");
    private Response model;

    @Setup
    public void setUp() {
        String chain = dev.vodcert.bench.BenchPem.chain();
        model = new Response(new CertInfos(List.of(new CertInfo(Requests.DOMAIN, "bench-wildcard",
                "*.bench.example.com", "upload", "", "3 months", "vodcert bench", "2026-01-01T00:00:00Z",
                "2026-04-01T00:00:00Z", "2026-01-01T00:00:00Z", "on", "1", "cn-hangzhou", "", chain))));
    }

    @Benchmark
    public RpcResponse json() {
        return renderer.success("DescribeVodDomainCertificateInfo", "0B8C3C5E-2F6A-4B7D-9E1F-3A4B5C6D7E8F",
                model, ResponseFormat.JSON);
    }

    @Benchmark
    public RpcResponse xml() {
        return renderer.success("DescribeVodDomainCertificateInfo", "0B8C3C5E-2F6A-4B7D-9E1F-3A4B5C6D7E8F",
                model, ResponseFormat.XML);
    }

    @Benchmark
    public RpcResponse errorJson() {
        return renderer.error(GatewayErrors.SIGNATURE_NONCE_USED.exception(), "0B8C3C5E-2F6A-4B7D-9E1F-3A4B5C6D7E8F",
                "127.0.0.1", ResponseFormat.JSON);
    }
}
