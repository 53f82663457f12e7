package dev.vodcert.edge;

import dev.vodcert.domain.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Which of a domain's origins a request goes to: one of the primaries ({@code priority} 20) that
 * is not resting, at random in proportion to its {@code weight} (10 when not set; an origin of
 * weight 0 only when every other candidate rests or has weight 0); the standbys ({@code priority}
 * 30) the same way once every primary rests; and, when every origin rests, a primary all the same.
 * An origin rests for {@value #REST_MS} ms after a request to it could not connect, so the next
 * requests go elsewhere; the failed request itself gets its 502.
 */
final class OriginChooser {
    static final long REST_MS = 10_000;
    private static final int DEFAULT_WEIGHT = 10;

    private final Map<String, Long> restingUntil = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    OriginChooser(LongSupplier clock) {
        this.clock = clock;
    }

    Optional<Source> choose(List<Source> sources) {
        long now = clock.getAsLong();
        for (String priority : new String[] {Source.PRIORITY_PRIMARY, Source.PRIORITY_STANDBY}) {
            List<Source> ready = new ArrayList<>();
            for (Source s : sources) {
                if (priority.equals(s.priority()) && restingUntil.getOrDefault(key(s), 0L) <= now) {
                    ready.add(s);
                }
            }
            if (!ready.isEmpty()) {
                return Optional.of(weighted(ready));
            }
        }
        List<Source> primaries = sources.stream().filter(s -> Source.PRIORITY_PRIMARY.equals(s.priority())).toList();
        return primaries.isEmpty() ? sources.stream().findFirst() : Optional.of(weighted(primaries));
    }

    /** A request to {@code origin} could not connect: it rests for a while. */
    void failed(Source origin) {
        restingUntil.put(key(origin), clock.getAsLong() + REST_MS);
    }

    private static Source weighted(List<Source> candidates) {
        int total = 0;
        for (Source s : candidates) {
            total += weight(s);
        }
        if (total == 0) {
            return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
        }
        int pick = ThreadLocalRandom.current().nextInt(total);
        for (Source s : candidates) {
            pick -= weight(s);
            if (pick < 0) {
                return s;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    private static int weight(Source s) {
        return s.weight() == null ? DEFAULT_WEIGHT : Integer.parseInt(s.weight());
    }

    private static String key(Source s) {
        return s.content() + ":" + s.port();
    }
}
