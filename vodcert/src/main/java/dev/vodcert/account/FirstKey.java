package dev.vodcert.account;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The first start's AccessKey: when no key exists, the {@code default} account gets one, from the
 * configured id and secret when both are set, otherwise a random pair that is printed once to the
 * console (never to the log) and written to {@value #FILE} in the data folder, readable by its owner only.
 */
public final class FirstKey {
    public static final String FILE = "initial-access-key.txt";
    public static final String DEFAULT_ACCOUNT = "default";

    private FirstKey() {
    }

    public static void ensure(AccessKeys keys, String configuredId, String configuredSecret, Path dataDir,
                              PrintStream console) throws IOException {
        if (!keys.isEmpty()) {
            return;
        }
        long account = keys.account(DEFAULT_ACCOUNT);
        if (configuredId != null && !configuredId.isEmpty() && configuredSecret != null && !configuredSecret.isEmpty()) {
            keys.addIfAbsent(account, configuredId, configuredSecret);
            return;
        }
        NewAccessKey key = keys.create(account);
        String text = "AccessKeyId=" + key.accessKeyId() + "\nAccessKeySecret=" + key.accessKeySecret() + "\n";
        writeOwnerOnly(dataDir.resolve(FILE), text);
        console.println("vodcert: created the first AccessKey (shown once; also in " + dataDir.resolve(FILE) + ")");
        console.print(text);
        console.flush();
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
