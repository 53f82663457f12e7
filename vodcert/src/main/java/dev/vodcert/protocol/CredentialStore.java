package dev.vodcert.protocol;

import java.util.Optional;

/** Finds the credential for an AccessKeyId; the product supplies it (accounts live outside the protocol). */
@FunctionalInterface
public interface CredentialStore {
    Optional<Credential> find(String accessKeyId);
}
