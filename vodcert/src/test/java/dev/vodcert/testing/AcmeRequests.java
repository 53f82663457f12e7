package dev.vodcert.testing;

import dev.vodcert.issuance.AcmeRequestListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link AcmeRequestListener} that keeps every exchange, for assertions. */
public final class AcmeRequests implements AcmeRequestListener {
    /** One exchange as the listener was told it. */
    public record Request(String method, URI uri, int status, Duration latency) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    @Override
    public void requestDone(String method, URI uri, int status, Duration latency) {
        requests.add(new Request(method, uri, status, latency));
    }

    public List<Request> all() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
    }
}
