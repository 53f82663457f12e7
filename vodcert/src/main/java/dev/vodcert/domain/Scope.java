package dev.vodcert.domain;

import dev.vodcert.api.VodErrors;

/**
 * Where a domain is accelerated: the {@code Scope} parameter of AddVodDomain and the
 * {@code DomainDetail.Scope} field. Absent means {@link #DOMESTIC}; any other spelling than the
 * exact lower-case wire values is refused with {@code InvalidScope.Malformed}.
 */
public enum Scope {
    DOMESTIC("domestic"),
    OVERSEAS("overseas"),
    GLOBAL("global");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    /** The value on the wire. */
    public String wire() {
        return wire;
    }

    /** The scope named by {@code raw}; {@code null} or empty gives {@link #DOMESTIC}. */
    public static Scope parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DOMESTIC;
        }
        for (Scope s : values()) {
            if (s.wire.equals(raw)) {
                return s;
            }
        }
        throw VodErrors.INVALID_SCOPE_MALFORMED.exception("Specified Scope \"" + Echo.of(raw)
                + "\" is malformed: it must be one of domestic, overseas, global.");
    }
}
