package dev.vodcert.protocol;

/** One API action: binds and validates its parameters, does its work, returns its response model. */
@FunctionalInterface
public interface ActionHandler {
    /** @return the response model (a record), or null for an answer of {@code RequestId} alone */
    Object handle(ActionCall call);
}
