package dev.vodcert.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.1 answer at a time from a keep-alive connection: finds the end of the head,
 * takes the status and {@code Content-Length}, and says when the body is in. Answers without a
 * length (chunked) are read to their terminating chunk. Reuses one buffer; allocates nothing per answer.
 */
final class HttpResponseReader {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOL = {'\r', '\n'};
    private static final byte[] CHUNK_END = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long bytes;
    private int lastBodyBytes;
    private int lastTotal;

    ByteBuffer buffer() {
        if (!buffer.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
        return buffer;
    }

    /** Total bytes of complete answers read so far. */
    long bytes() {
        return bytes;
    }

    /** The body length of the last complete answer. */
    int lastBodyBytes() {
        return lastBodyBytes;
    }

    /**
     * The whole last complete answer (head and body), read back from the buffer: there when nothing
     * followed it on the connection (one request in flight), as in a closed loop.
     */
    String lastAnswer() {
        return buffer.position() == 0 ? new String(buffer.array(), 0, lastTotal, StandardCharsets.UTF_8)
                : "(not kept: more bytes followed)";
    }

    /** The status of the complete answer in the buffer (then consumed), or -1 while it is incomplete. */
    int complete() {
        byte[] a = buffer.array();
        int end = buffer.position();
        int head = indexOf(a, 0, end, HEAD_END);
        if (head < 0) {
            return -1;
        }
        int bodyStart = head + 4;
        long length = contentLength(a, bodyStart);
        int total;
        if (length >= 0) {
            if (end - bodyStart < length) {
                return -1;
            }
            total = (int) (bodyStart + length);
        } else {
            int last = indexOf(a, bodyStart - 2, end, CHUNK_END);
            if (last < 0) {
                return -1;
            }
            total = last + CHUNK_END.length;
        }
        int status = (a[9] - '0') * 100 + (a[10] - '0') * 10 + (a[11] - '0');
        bytes += total;
        lastBodyBytes = total - bodyStart;
        lastTotal = total;
        buffer.flip().position(total);
        buffer.compact();
        return status;
    }

    private static long contentLength(byte[] a, int headEnd) {
        int line = 0;
        while (line < headEnd) {
            if (startsWithIgnoreCase(a, line, CONTENT_LENGTH)) {
                int i = line + CONTENT_LENGTH.length;
                while (a[i] == ' ') {
                    i++;
                }
                long value = 0;
                while (a[i] >= '0' && a[i] <= '9') {
                    value = value * 10 + (a[i++] - '0');
                }
                return value;
            }
            int eol = indexOf(a, line, headEnd, EOL);
            if (eol < 0) {
                break;
            }
            line = eol + 2;
        }
        return -1;
    }

    private static boolean startsWithIgnoreCase(byte[] a, int at, byte[] lower) {
        if (at + lower.length > a.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            byte b = a[at + i];
            if (b >= 'A' && b <= 'Z') {
                b += 32;
            }
            if (b != lower[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] a, int from, int to, byte[] needle) {
        outer:
        for (int i = Math.max(0, from); i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (a[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
