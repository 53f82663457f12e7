package dev.vodcert.server;

import dev.vodcert.issuance.AcmeSettings;

/**
 * The ACME CA free certificates may be issued from, and the listener that answers its HTTP-01 challenges.
 *
 * @param settings   the CA ({@code --acme-directory} and its options), or null for none
 * @param http01Host where the HTTP-01 listener binds ({@code --http01-host}; the CA must reach it)
 * @param http01Port its port, 80 by default (the CA always validates on port 80, so another port needs
 *                   a forward from 80); 0 disables the listener ({@code --http01-port})
 */
public record AcmeConfig(AcmeSettings settings, String http01Host, int http01Port) {
    public static final AcmeConfig NONE = new AcmeConfig(null, "0.0.0.0", 80);

    public void validate() {
        if (http01Port < 0 || http01Port > 65535) {
            throw new IllegalArgumentException("--http01-port must be 0-65535 (0 disables it), got " + http01Port);
        }
    }

    @Override
    public String toString() {
        return "acme[" + (settings == null ? "(none)" : settings) + ", http01=" + http01Host + ":" + http01Port + "]";
    }
}
