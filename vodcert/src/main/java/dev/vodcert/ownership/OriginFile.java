package dev.vodcert.ownership;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * A small, bounded HTTP/1.0 GET of one file from an origin: it connects to an address the caller
 * resolved (through vodcert's own resolver), names the domain in the {@code Host} header, and gives
 * up after the timeout, on a head over {@value #MAX_HEAD_BYTES} bytes, or a body over
 * {@value #MAX_BODY_BYTES} bytes. HTTP/1.0 keeps the answer unchunked; redirects are not followed.
 * The JDK's HTTP clients cannot connect to one address while sending another name as Host, hence
 * this class.
 */
final class OriginFile {
    static final int MAX_BODY_BYTES = 4096;
    static final int MAX_HEAD_BYTES = 8192;

    /** The answer: status code and body; {@code tooLarge} when the body went past the limit. */
    record Response(int status, byte[] body, boolean tooLarge) {
    }

    private final int port;
    private final Duration timeout;

    OriginFile(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    int port() {
        return port;
    }

    /** GET {@code path} of {@code host} from {@code address}; IOException when no HTTP answer came. */
    Response get(InetAddress address, String host, String path) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            String hostHeader = port == 80 ? host : host + ":" + port;
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + hostHeader + "\r\nUser-Agent: vodcert-ownership-check"
                    + "\r\nAccept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] raw = readUpTo(socket, MAX_HEAD_BYTES + MAX_BODY_BYTES + 1, deadline);
            return parse(raw);
        }
    }

    private static byte[] readUpTo(Socket socket, int limit, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[2048];
        while (buffer.size() < limit) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (deadline - System.nanoTime() <= 0) {
                throw new SocketTimeoutException("no complete answer within the timeout");
            }
            socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            int n = in.read(chunk, 0, Math.min(chunk.length, limit - buffer.size()));
            if (n < 0) {
                break;
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }

    private static Response parse(byte[] raw) throws IOException {
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (headEnd < 0 || headEnd > MAX_HEAD_BYTES) {
            throw new IOException("the answer is not HTTP or its head is larger than " + MAX_HEAD_BYTES + " bytes");
        }
        String[] head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = head[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
            throw new IOException("the answer does not start with an HTTP status line");
        }
        long contentLength = -1;
        for (int i = 1; i < head.length; i++) {
            String line = head[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("transfer-encoding:") && !line.substring(18).strip().equals("identity")) {
                throw new IOException("the answer uses Transfer-Encoding " + line.substring(18).strip());
            }
            if (line.startsWith("content-length:")) {
                try {
                    contentLength = Long.parseLong(line.substring(15).strip());
                } catch (NumberFormatException e) {
                    throw new IOException("the answer's Content-Length is not a number");
                }
            }
        }
        byte[] body = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if (contentLength >= 0 && contentLength < body.length) {
            body = Arrays.copyOf(body, (int) contentLength);
        }
        boolean tooLarge = body.length > MAX_BODY_BYTES || contentLength > MAX_BODY_BYTES;
        return new Response(Integer.parseInt(statusLine[1]), tooLarge ? new byte[0] : body, tooLarge);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
