package dev.vodcert.issuance;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;

/**
 * The one place where acme4j's exceptions become {@link IssuanceFailure}s: a rate limit keeps the
 * CA's {@code Retry-After}; an unreachable CA says so and why (refused, timed out, untrusted TLS);
 * a refusal carries the CA's problem detail. Reasons name the domain and the step, never a key.
 */
final class AcmeFailures {
    private AcmeFailures() {
    }

    /**
     * @param step what was being done, e.g. "creating the order"
     */
    static IssuanceFailure of(AcmeException e, String domain, String step, URI directory) {
        String where = " (" + domain + ", while " + step + ")";
        if (e instanceof AcmeRateLimitedException limited) {
            return new IssuanceFailure("the ACME CA refused because of a rate limit: " + describe(limited.getProblem())
                    + limited.getRetryAfter().map(at -> "; retry after " + at).orElse("") + where,
                    true, limited.getRetryAfter().orElse(null), e);
        }
        if (e instanceof AcmeUserActionRequiredException action) {
            return new IssuanceFailure("the ACME CA requires action by the account holder: "
                    + describe(action.getProblem()) + (action.getInstance() == null ? "" : " (see " + action.getInstance() + ")")
                    + where, false, null, e);
        }
        if (e instanceof AcmeServerException refused) {
            return new IssuanceFailure("the ACME CA refused: " + describe(refused.getProblem()) + where, false, null, e);
        }
        if (e instanceof AcmeNetworkException) {
            return new IssuanceFailure("the ACME server " + directory + " could not be reached: " + networkCause(e)
                    + where, false, null, e);
        }
        return new IssuanceFailure("the ACME exchange failed: " + e.getMessage() + where, false, null, e);
    }

    /** The CA's words for a problem: its detail (else title, else type), then any per-identifier sub-problems. */
    static String describe(Problem problem) {
        String text = problem.getDetail().or(problem::getTitle).orElse(String.valueOf(problem.getType()));
        if (!problem.getSubProblems().isEmpty()) {
            text += " [" + problem.getSubProblems().stream()
                    .map(sub -> sub.getIdentifier().map(id -> id.getValue() + ": ").orElse("") + describe(sub))
                    .collect(Collectors.joining("; ")) + "]";
        }
        return text;
    }

    static String describe(Optional<Problem> problem) {
        return problem.map(AcmeFailures::describe).orElse("the CA gave no detail");
    }

    private static String networkCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return String.valueOf(t.getMessage()).contains("PKIX")
                        ? "its HTTPS certificate is not trusted (for a private CA, set --acme-trust-store)"
                        : "the TLS handshake failed (" + t.getMessage() + ")";
            }
            if (t instanceof ConnectException) {
                return "connection refused or unreachable";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within the network timeout";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
