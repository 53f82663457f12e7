package dev.vodcert.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The actions a server answers, by API version and name; several products (versions) may share one
 * server. Finding an action checks {@code Version} first ({@code InvalidVersion}), then
 * {@code Action} ({@code InvalidAction.NotFound}).
 */
public final class ActionTable {
    private final Map<String, Map<String, ActionHandler>> byVersion = new HashMap<>();

    public ActionTable add(String version, String action, ActionHandler handler) {
        if (byVersion.computeIfAbsent(version, v -> new HashMap<>()).putIfAbsent(action, handler) != null) {
            throw new IllegalArgumentException("Action registered twice: " + version + " " + action);
        }
        return this;
    }

    public ActionHandler find(String version, String action) {
        Map<String, ActionHandler> actions = byVersion.get(version);
        if (actions == null) {
            throw GatewayErrors.INVALID_VERSION.exception(GatewayErrors.INVALID_VERSION.message()
                    + " Supported: " + String.join(", ", byVersion.keySet()) + ".");
        }
        ActionHandler handler = actions.get(action);
        if (handler == null) {
            throw GatewayErrors.INVALID_ACTION_NOT_FOUND.exception();
        }
        return handler;
    }

    public Set<String> actions(String version) {
        return Set.copyOf(byVersion.getOrDefault(version, Map.of()).keySet());
    }
}
