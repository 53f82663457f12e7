package dev.vodcert.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS for the API listener from a PKCS12 keystore (certificate chain and private key). The
 * keystore is read and checked when the service starts, so that a missing file, a wrong password
 * or a keystore without a key ends the start with a message naming the file, never the password.
 */
final class TlsKeystore {
    private final SslContextFactory.Server ssl;

    private TlsKeystore(SslContextFactory.Server ssl) {
        this.ssl = ssl;
    }

    static TlsKeystore load(Path file, String password) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("The TLS keystore " + file + " does not exist or cannot be read.");
        }
        KeyStore keyStore;
        try (InputStream in = Files.newInputStream(file)) {
            keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The TLS keystore " + file
                    + " cannot be opened: the password is wrong or it is not a PKCS12 file.");
        }
        try {
            boolean hasKey = false;
            for (String alias : Collections.list(keyStore.aliases())) {
                hasKey |= keyStore.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IllegalArgumentException("The TLS keystore " + file
                        + " holds no private key with its certificate.");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The TLS keystore " + file + " cannot be read.");
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(password);
        ssl.setKeyManagerPassword(password);
        return new TlsKeystore(ssl);
    }

    /** An HTTPS connector on host and port with Javalin's HTTP settings (sizes, no server version). */
    Connector connector(Server server, HttpConfiguration http, String host, int port) {
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
