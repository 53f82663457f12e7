/**
 * The VOD actions, one small class each, registered in {@link dev.vodcert.api.VodApi}; their
 * response models (plain records) and VOD's own error catalogue. An action binds and validates its
 * parameters and calls a service; it knows nothing of HTTP or signatures.
 */
package dev.vodcert.api;
