package dev.vodcert.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.QuietException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads a request's body whole, without holding a thread, before the request goes on to the request
 * queue: a client that sends its body slowly (or never) holds only its connection, never one of the
 * active-request places. The bytes are copied as they arrive (at most {@code maxBody + 1}; the network
 * buffers are released at once), and the next handler reads them as the request's content. A body
 * larger than the limit goes on once the limit is passed, so that the listener refuses it with the
 * usual error; a declared length over the limit goes on at once for the same reason.
 */
public final class BodyFirst extends Handler.Wrapper {
    private final int maxBody;
    private final Consumer<Request> bodyRead;

    /** @param bodyRead told when a request's body has been read (or found too large), before it goes on */
    public BodyFirst(int maxBody, Consumer<Request> bodyRead) {
        this.maxBody = maxBody;
        this.bodyRead = bodyRead;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING,
                HttpHeaderValue.CHUNKED.asString());
        if ((declared <= 0 && !chunked) || declared > maxBody) {
            bodyRead.accept(request);
            return super.handle(request, response, callback);
        }
        new Loader(request, response, callback, declared > 0 ? (int) declared : Math.min(maxBody + 1, 8192)).read();
        return true;
    }

    /** Copies the body as it arrives; goes on when it is whole or larger than the limit. */
    private final class Loader implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private byte[] bytes;
        private int length;

        Loader(Request request, Response response, Callback callback, int expected) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.bytes = new byte[expected];
        }

        @Override
        public void run() {
            read();
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.BLOCKING; // the next handler runs the request, which may block
        }

        void read() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // a malformed body (the next handler refuses it as bad input) or a connection that
                    // broke or was closed for its deadline (the answer goes nowhere): either way, on
                    goOn(Content.Chunk.from(new BodyNotRead(), true));
                    return;
                }
                boolean last = chunk.isLast();
                copy(chunk.getByteBuffer());
                chunk.release();
                if (last || length > maxBody) {
                    goOn(last ? Content.Chunk.EOF : null);
                    return;
                }
            }
        }

        private void copy(ByteBuffer buffer) {
            int n = Math.min(buffer.remaining(), maxBody + 1 - length);
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(maxBody + 1, Math.max(length + n, bytes.length * 2)));
            }
            buffer.get(bytes, length, n);
            length += n;
        }

        /** @param end what follows the bytes read: EOF, a failure, or null for the rest unread */
        private void goOn(Content.Chunk end) {
            bodyRead.accept(request);
            Request read = new ReadBody(request, ByteBuffer.wrap(bytes, 0, length), end);
            try {
                if (!getHandler().handle(read, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable e) {
                Response.writeError(request, response, callback, e);
            }
        }
    }

    /** The body could not be read: malformed, or its connection broke. */
    static final class BodyNotRead extends IOException implements QuietException {
        BodyNotRead() {
            super("The request body could not be read");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // expected of broken and slow clients: no stack to keep
        }
    }

    /**
     * The request with the body read so far as its content, then {@code end} (the end of the body or
     * a failure), or, when {@code end} is null, the rest of the body as it arrives.
     */
    private static final class ReadBody extends Request.Wrapper {
        private ByteBuffer body;
        private final Content.Chunk end;

        ReadBody(Request wrapped, ByteBuffer body, Content.Chunk end) {
            super(wrapped);
            this.body = body;
            this.end = end;
        }

        @Override
        public Content.Chunk read() {
            if (body != null) {
                ByteBuffer first = body;
                body = null;
                return Content.Chunk.from(first, end == Content.Chunk.EOF);
            }
            return end != null ? end : super.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            if (body != null || end != null) {
                demandCallback.run();
            } else {
                super.demand(demandCallback);
            }
        }
    }
}
