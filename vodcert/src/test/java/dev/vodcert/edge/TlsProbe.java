package dev.vodcert.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS client for the edge tests on 127.0.0.1: a full handshake (no session reuse) with a chosen
 * server name, the leaf the server presented, and one HTTP/1.1 request over it. It trusts whatever
 * is presented: the tests assert which certificate it was, by serial number.
 */
final class TlsProbe {
    /** An HTTP answer: status and body. */
    record Answer(int status, String body, String headers, X509Certificate leaf) {
    }

    private TlsProbe() {
    }

    /** The leaf presented to a handshake naming {@code sni} (null: no SNI); throws the handshake's failure. */
    static X509Certificate handshake(int port, String sni) throws IOException {
        return handshake(port, sni, null);
    }

    /** As {@link #handshake(int, String)}, offering only these TLS versions (null: the JDK's). */
    static X509Certificate handshake(int port, String sni, String[] protocols) throws IOException {
        try (SSLSocket socket = open(port, sni, null, protocols)) {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** The protocol ALPN chose when offering {@code h2} and {@code http/1.1}. */
    static String alpn(int port, String sni) throws IOException {
        try (SSLSocket socket = open(port, sni, new String[] {"h2", "http/1.1"}, null)) {
            return socket.getApplicationProtocol();
        }
    }

    /** {@code GET path} with {@code Host: host} over a new TLS connection naming {@code sni}. */
    static Answer get(int port, String sni, String host, String path) throws IOException {
        return get(port, sni, null, host, path);
    }

    /** As {@link #get(int, String, String, String)}, offering only these TLS versions (null: the JDK's). */
    static Answer get(int port, String sni, String[] protocols, String host, String path) throws IOException {
        try (SSLSocket socket = open(port, sni, null, protocols)) {
            return exchange(socket, host, path, (X509Certificate) socket.getSession().getPeerCertificates()[0]);
        }
    }

    /** {@code GET path} with {@code Host: host} over plain HTTP. */
    static Answer plainGet(int port, String host, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            return exchange(socket, host, path, null);
        }
    }

    private static SSLSocket open(int port, String sni, String[] alpn, String[] protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context().getSocketFactory().createSocket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
            if (alpn != null) {
                parameters.setApplicationProtocols(alpn);
            }
            if (protocols != null) {
                parameters.setProtocols(protocols);
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static Answer exchange(Socket socket, String host, String path, X509Certificate leaf)
            throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete HTTP answer: " + text);
        }
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        String body = text.substring(end + 4);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, body, head, leaf);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int line = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, line).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, line + 2, line + 2 + size);
            at = line + 2 + size + 2;
        }
    }

    /** A new context per connection: no session is resumed, every handshake is full. */
    private static SSLContext context() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
