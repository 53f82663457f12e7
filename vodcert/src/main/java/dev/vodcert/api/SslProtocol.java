package dev.vodcert.api;

/** The {@code SSLProtocol} parameter: exactly {@code on} or {@code off}. */
final class SslProtocol {
    private SslProtocol() {
    }

    /** @return true for {@code on} */
    static boolean parse(String raw) {
        return switch (raw) {
            case "on" -> true;
            case "off" -> false;
            default -> throw VodErrors.INVALID_SSL_PROTOCOL.exception(VodErrors.INVALID_SSL_PROTOCOL.message()
                    + " Use on or off.");
        };
    }
}
