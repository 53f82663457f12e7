package dev.vodcert.issuance;

import dev.vodcert.certificate.CertificateFacts;
import java.time.Instant;

/**
 * What operators see of one free certificate (CLI {@code certs status}, the admin endpoint): the
 * status, the last check's observed CNAME, resolver and error, attempts, and when the next attempt
 * and the renewal are due. Times are UTC {@code yyyy-MM-ddTHH:mm:ssZ}, "" when unknown, and
 * {@code never} for a parked row.
 */
public record FreeCertificateReport(String domainName, String status, String domainCnameStatus, int attempts,
                                    int failedChecks, String nextAttempt, String lastChecked, String observedCname,
                                    String resolver, String lastError, String certId, String certExpireTime,
                                    String renewAt, String leaseOwner) {

    public static FreeCertificateReport of(String domainName, FreeCertificate s, Long certNotAfter) {
        return new FreeCertificateReport(domainName, s.status().wire(), text(s.cnameStatus()), s.attempts(), s.checks(),
                s.nextAttemptAt() == LifecycleTiming.PARKED ? "never" : time(s.nextAttemptAt()), time(s.lastCheckedAt()),
                text(s.observedCname()), text(s.resolver()), text(s.lastError()),
                s.certId() == null ? "" : s.certId().toString(), time(certNotAfter), time(s.renewAt()),
                text(s.leaseOwner()));
    }

    /** One block of {@code key: value} lines for the terminal. */
    public String toText() {
        return domainName + "\n  status: " + status + "\n  cname status: " + domainCnameStatus
                + "\n  attempts: " + attempts + " (failed checks in a row: " + failedChecks + ")"
                + "\n  next attempt: " + nextAttempt + "\n  last check: " + lastChecked
                + "\n  observed CNAME: " + observedCname + "\n  resolver: " + resolver
                + "\n  last error: " + lastError + "\n  certificate: " + certId
                + (certExpireTime.isEmpty() ? "" : " (expires " + certExpireTime + ", renewal due " + renewAt + ")")
                + (leaseOwner.isEmpty() ? "" : "\n  worked on by: " + leaseOwner) + "\n";
    }

    private static String time(Long millis) {
        return millis == null ? "" : CertificateFacts.formatTime(Instant.ofEpochMilli(millis));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
