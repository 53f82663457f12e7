package dev.vodcert.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions of this node, in memory: a random id (the cookie) and a random CSRF token that
 * every action form carries. A session lasts {@link #LIFETIME}; at most {@value #MAX} are kept (the
 * oldest go first). A restart signs everyone out, and each node of a cluster has its own.
 */
final class Sessions {
    static final Duration LIFETIME = Duration.ofHours(8);
    static final int MAX = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, String csrf, long expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Session create(long now) {
        sessions.values().removeIf(s -> s.expiresAt() <= now);
        while (sessions.size() >= MAX) {
            sessions.values().stream().min((a, b) -> Long.compare(a.expiresAt(), b.expiresAt()))
                    .ifPresent(s -> sessions.remove(s.id()));
        }
        Session s = new Session(random(), random(), now + LIFETIME.toMillis());
        sessions.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id, long now) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        return s != null && s.expiresAt() > now ? Optional.of(s) : Optional.empty();
    }

    void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
