package dev.vodcert.feed;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps a folder equal to the feed ({@link EdgeFiles} in a {@link CertDirectory}) and runs the
 * reload command only when a file was written or removed. A reload owed is written down in the
 * folder ({@value #RELOAD_OWED}) before it runs and crossed out after it succeeded, so a reload
 * that failed, or a sync killed between writing and reloading, is run by the next pass, even a
 * later one-shot run on an unchanged feed. {@link #watch} polls with the last version, so an
 * unchanged feed costs one {@code 304}.
 */
public final class CertsSync {
    static final String RELOAD_OWED = ".reload-owed";
    private final FeedClient client;
    private final CertDirectory dir;
    private final ReloadCommand reload;
    private final PrintStream out;
    private String version;

    /** @param reload the reload command, or null for none */
    public CertsSync(FeedClient client, CertDirectory dir, String reload, PrintStream out) {
        this.client = client;
        this.dir = dir;
        this.reload = reload == null || reload.isBlank() ? null : new ReloadCommand(reload);
        this.out = out;
    }

    /** One pass: fetch (unless unchanged), write what differs, reload when something changed. */
    public Pass once() throws IOException, InterruptedException {
        Optional<Feed> fetched = client.fetch(version);
        boolean changed = false;
        Path owed = dir.path().resolve(RELOAD_OWED);
        if (fetched.isPresent()) {
            Feed feed = fetched.get();
            changed = dir.apply(EdgeFiles.of(feed, dir.path()));
            version = feed.version();
            if (changed && reload != null) {
                Files.write(owed, new byte[0]);
            }
            out.println("certs sync: " + feed.certificates().size() + " domains served, version " + feed.version()
                    + (changed ? "; files in " + dir.path() + " changed" : "; files unchanged"));
        }
        boolean reloaded = reload != null && Files.exists(owed);
        if (reloaded) {
            reload.run();
            Files.delete(owed);
            out.println("certs sync: ran " + reload);
        }
        return new Pass(fetched.isPresent(), changed, reloaded);
    }

    /** Passes every {@code interval} until interrupted; a failed pass is reported and the next one tries again. */
    public void watch(Duration interval, PrintStream err) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                once();
            } catch (IOException | RuntimeException e) {
                err.println("certs sync: " + e.getMessage());
            }
            Thread.sleep(interval.toMillis());
        }
        throw new InterruptedException();
    }

    /** What one pass did: fetched a new version, changed files, ran the reload command. */
    public record Pass(boolean fetched, boolean changed, boolean reloaded) {
    }
}
