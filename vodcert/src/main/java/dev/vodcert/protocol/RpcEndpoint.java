package dev.vodcert.protocol;

/**
 * What an HTTP listener hands its requests to: one protocol request in, one answer out, and an
 * answer for a request refused before it could be read. {@link RpcPipeline} is the real one; a
 * benchmark's baseline answers a constant to measure the HTTP stack alone.
 */
public interface RpcEndpoint {
    RpcResponse handle(RpcRequest request);

    /** An answer for a request refused before it could be read (say, a body over the limit). */
    RpcResponse reject(ApiException error, String host);
}
