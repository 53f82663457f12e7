package dev.vodcert.protocol;

import java.io.ByteArrayOutputStream;

/**
 * A JSON answer's bytes are written into one buffer per thread and copied out once, exactly sized:
 * Jackson's {@code writeValueAsBytes} grows a fresh block list per answer and copies it, about twice
 * the answer's size in garbage (6.4 against 3.2 KB for a describe answer with its PEM chain,
 * bench/README.md). A buffer that grew past {@value #KEPT_BYTES} bytes for a large answer is not kept.
 */
final class RenderBuffer extends ByteArrayOutputStream {
    private static final int INITIAL_BYTES = 8 * 1024;
    private static final int KEPT_BYTES = 64 * 1024;
    private static final ThreadLocal<RenderBuffer> PER_THREAD = ThreadLocal.withInitial(RenderBuffer::new);

    private RenderBuffer() {
        super(INITIAL_BYTES);
    }

    /** This thread's buffer, empty. */
    static RenderBuffer of() {
        RenderBuffer buffer = PER_THREAD.get();
        buffer.reset();
        return buffer;
    }

    /** What was written, copied out; the buffer is empty again. */
    byte[] take() {
        byte[] written = toByteArray();
        reset();
        if (buf.length > KEPT_BYTES) {
            buf = new byte[INITIAL_BYTES];
        }
        return written;
    }
}
