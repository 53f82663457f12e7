package dev.vodcert.issuance;

/**
 * Where a free certificate stands, as {@code Status} in {@code DescribeVodDomainCertificateInfo}
 * (DESIGN §5). {@code success} describes the certificate in effect: it stays while a renewal is
 * retried and the old certificate is still valid.
 */
public enum FreeCertStatus {
    CHECKING("checking"),
    CNAME_ERROR("cname_error"),
    DOMAIN_INVALID("domain_invalid"),
    UNSUPPORT_WILDCARD("unsupport_wildcard"),
    APPLYING("applying"),
    SUCCESS("success"),
    FAILED("failed");

    private final String wire;

    FreeCertStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static FreeCertStatus of(String wire) {
        for (FreeCertStatus s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown free certificate status " + wire);
    }

    /**
     * cert-manager's Ready condition for this status: {@code True} with a certificate in effect,
     * {@code Unknown} while work is under way, {@code False} when it needs the user.
     */
    public String readyCondition() {
        return switch (this) {
            case SUCCESS -> "True";
            case CHECKING, APPLYING -> "Unknown";
            case CNAME_ERROR, DOMAIN_INVALID, UNSUPPORT_WILDCARD, FAILED -> "False";
        };
    }

    /** Whether a new request starts the lifecycle over (statuses that need the user). */
    boolean restartsOnRequest() {
        return this == CNAME_ERROR || this == DOMAIN_INVALID || this == UNSUPPORT_WILDCARD || this == FAILED;
    }
}
