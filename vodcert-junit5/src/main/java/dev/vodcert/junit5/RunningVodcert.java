package dev.vodcert.junit5;

import dev.vodcert.emulation.Emulation;
import dev.vodcert.emulation.EmulationConfig;
import dev.vodcert.issuance.RateLimits;
import dev.vodcert.server.AdminConfig;
import dev.vodcert.server.Config;
import dev.vodcert.server.IssuanceConfig;
import dev.vodcert.server.Vodcert;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A vodcert started for tests: 127.0.0.1 on a free port, H2 in a fresh temporary folder, a random
 * master key and first AccessKey, every emulation on, no CA rate limits (tests order many
 * certificates), no admin listener (the handle drives the emulation directly), and the built-in CA
 * shared by every start in the JVM ({@link SharedLocalCa}). Closing stops it and deletes the folder.
 */
final class RunningVodcert implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataDir;
    private final Emulation emulation;
    private final Vodcert app;
    private final Account firstAccount;
    private final String cnameSuffix;

    private RunningVodcert(Path dataDir, Emulation emulation, Vodcert app, Account firstAccount, String cnameSuffix) {
        this.dataDir = dataDir;
        this.emulation = emulation;
        this.app = app;
        this.firstAccount = firstAccount;
        this.cnameSuffix = cnameSuffix;
    }

    static RunningVodcert start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("vodcert-junit5-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a data folder for vodcert", e);
        }
        try {
            Account first = new Account("default", "LTAI" + HexFormat.of().formatHex(random(10)),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(random(22)));
            Config config = Config.defaults(dataDir).withPort(0)
                    .withAccessKey(first.accessKeyId(), first.accessKeySecret())
                    .withMasterKey(Base64.getEncoder().encodeToString(random(32)))
                    .withAdmin(new AdminConfig("127.0.0.1", -1, null))
                    .withIssuance(IssuanceConfig.defaults().withRateLimits(RateLimits.NONE));
            Emulation emulation = Emulation.of(EmulationConfig.ALL, Clock.systemUTC());
            Vodcert app = Vodcert.start(config, Clock.systemUTC(),
                    new PrintStream(OutputStream.nullOutputStream()), SharedLocalCa.issuer(emulation.serviceClock()),
                    emulation);
            return new RunningVodcert(dataDir, emulation, app, first, config.api().cnameSuffix());
        } catch (RuntimeException | Error e) {
            TempFolders.delete(dataDir);
            throw e;
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    Vodcert app() {
        return app;
    }

    Emulation emulation() {
        return emulation;
    }

    Account firstAccount() {
        return firstAccount;
    }

    String cnameSuffix() {
        return cnameSuffix;
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            TempFolders.delete(dataDir);
        }
    }
}
