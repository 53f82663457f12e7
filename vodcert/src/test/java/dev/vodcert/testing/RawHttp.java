package dev.vodcert.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, for requests no HTTP client library would send: any
 * method, any request target, repeated or malformed headers, a body that disagrees with its
 * Content-Length, raw bytes. The answer is read to the end (the request asks the server to close).
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** A parsed answer: status, headers by lower-case name, body as UTF-8. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public SignedClient.Answer answer() {
            return new SignedClient.Answer(status, headers.get("content-type"), body);
        }
    }

    /**
     * Sends a request built from parts; {@code Host}, {@code Content-Length} (when there is a body)
     * and {@code Connection: close} are added unless {@code headers} already name them.
     */
    public static Reply send(int port, String method, String target, List<String[]> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean host = false;
        boolean length = false;
        for (String[] h : headers) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            host |= h[0].equalsIgnoreCase("host");
            length |= h[0].equalsIgnoreCase("content-length") || h[0].equalsIgnoreCase("transfer-encoding");
        }
        if (!host) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (body != null && !length) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(port, request.toByteArray());
    }

    /** Sends exactly these bytes. */
    public static Reply exchange(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // the server may answer and close before reading all of a request it refuses
            }
            InputStream in = socket.getInputStream();
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = indexOf(chunked, pos);
            int size = Integer.parseInt(new String(chunked, pos, lineEnd - pos, StandardCharsets.ISO_8859_1)
                    .split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return data.length;
    }
}
