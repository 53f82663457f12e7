package dev.vodcert.account;

import dev.vodcert.protocol.Credential;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's first AccessKey. A key named in the environment ({@code VODCERT_ACCESS_KEY_ID} and
 * {@code VODCERT_ACCESS_KEY_SECRET}) is made in the {@code default} account at every start where it
 * is missing, whatever other keys exist; when it exists with another secret, or only one of the two
 * is set, the start is refused with a one-line reason, so that a configured key is never silently
 * ignored. Without a configured key and with no key at all, a random pair is made, printed once to
 * the console (never to the log) and written to {@value #FILE} in the data folder, readable by its
 * owner only.
 */
public final class FirstKey {
    public static final String FILE = "initial-access-key.txt";
    public static final String DEFAULT_ACCOUNT = "default";
    private static final Logger LOG = LoggerFactory.getLogger(FirstKey.class);

    private FirstKey() {
    }

    public static void ensure(AccessKeys keys, String configuredId, String configuredSecret, Path dataDir,
                              PrintStream console) throws IOException {
        boolean hasId = configuredId != null && !configuredId.isEmpty();
        boolean hasSecret = configuredSecret != null && !configuredSecret.isEmpty();
        if (hasId != hasSecret) {
            throw new IllegalStateException("VODCERT_ACCESS_KEY_ID and VODCERT_ACCESS_KEY_SECRET go together: "
                    + "set both or neither (" + (hasId ? "the secret" : "the id") + " is missing)");
        }
        if (hasId) {
            ensureConfigured(keys, configuredId, configuredSecret);
            return;
        }
        if (!keys.isEmpty()) {
            return;
        }
        NewAccessKey key = keys.create(keys.account(DEFAULT_ACCOUNT));
        String text = "AccessKeyId=" + key.accessKeyId() + "\nAccessKeySecret=" + key.accessKeySecret() + "\n";
        writeOwnerOnly(dataDir.resolve(FILE), text);
        console.println("vodcert: created the first AccessKey (shown once; also in " + dataDir.resolve(FILE) + ")");
        console.print(text);
        console.flush();
    }

    private static void ensureConfigured(AccessKeys keys, String id, String secret) {
        Optional<Credential> stored = keys.find(id);
        if (stored.isEmpty()) {
            if (keys.addIfAbsent(keys.account(DEFAULT_ACCOUNT), id, secret)) {
                LOG.info("Created the AccessKey {} of VODCERT_ACCESS_KEY_ID in the account '{}'", id, DEFAULT_ACCOUNT);
            }
            stored = keys.find(id);
        }
        Credential key = stored.orElseThrow(() -> new IllegalStateException("The AccessKey " + id
                + " of VODCERT_ACCESS_KEY_ID could not be created"));
        if (!MessageDigest.isEqual(key.secret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalStateException("The AccessKey " + id + " of VODCERT_ACCESS_KEY_ID exists with another "
                    + "secret than VODCERT_ACCESS_KEY_SECRET: set the stored secret, or unset both variables");
        }
        if (!key.enabled()) {
            LOG.warn("The AccessKey {} of VODCERT_ACCESS_KEY_ID is disabled: requests signed with it are refused "
                    + "until 'keys enable'", id);
        }
    }

    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Could not create " + file, e);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
