package dev.vodcert.protocol;

/** An answer ready for the wire: HTTP status, Content-Type and body bytes. */
public record RpcResponse(int status, String contentType, byte[] body) {
}
