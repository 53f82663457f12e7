package dev.vodcert.bench.jmh;

import dev.vodcert.bench.BenchPem;
import dev.vodcert.certificate.CertificateBundle;
import dev.vodcert.certificate.PemParser;
import java.security.cert.X509Certificate;
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
 * PEM parsing as {@code SetVodDomainCertificate} does it: an RSA 2048 leaf plus its CA, and the
 * PKCS#8 private key (the chain alone, and chain plus key as one bundle).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PemParsingBench {
    private String chain;
    private String key;

    @Setup
    public void setUp() {
        chain = BenchPem.chain();
        key = BenchPem.privateKey();
    }

    @Benchmark
    public List<X509Certificate> chain() {
        return PemParser.parseChain(chain);
    }

    @Benchmark
    public CertificateBundle chainAndKey() {
        return PemParser.parse(chain, key);
    }
}
