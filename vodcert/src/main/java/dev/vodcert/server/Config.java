package dev.vodcert.server;

import dev.vodcert.issuance.AcmeSettings;
import java.nio.file.Path;

/**
 * Everything vodcert can be told, in one small record per concern; every default is in the group's
 * own {@code defaults()}. Built in one place from the command line ({@code dev.vodcert.ConfigOptions}),
 * checked by {@link #validate()} (each message names the flag), logged at start by {@link #toString()}
 * with every secret masked. Each component is given only the group it uses.
 *
 * @param listener the API's HTTP listener
 * @param database the data folder and the database
 * @param secrets  the master key and the first AccessKey, from the environment
 * @param api      how the API behaves (CNAME suffix, limits, nonces, ownership checks)
 * @param acme     the ACME CA and its HTTP-01 listener
 * @param issuance how free certificates are issued
 * @param admin    the operators' listener (metrics, free certificate status)
 * @param limits   how the service holds up under load (throttling, the request queue, slow clients)
 */
public record Config(ListenerConfig listener, DatabaseConfig database, SecretsConfig secrets, ApiConfig api,
                     AcmeConfig acme, IssuanceConfig issuance, AdminConfig admin, Limits limits) {

    public static Config defaults(Path dataDir) {
        return new Config(ListenerConfig.defaults(), DatabaseConfig.embedded(dataDir), SecretsConfig.NONE,
                ApiConfig.defaults(), AcmeConfig.NONE, IssuanceConfig.defaults(), AdminConfig.defaults(),
                Limits.defaults());
    }

    /** The data folder: the embedded database, {@code master.key} and the first key's file. */
    public Path dataDir() {
        return database.dataDir();
    }

    public Config withListener(ListenerConfig newListener) {
        return new Config(newListener, database, secrets, api, acme, issuance, admin, limits);
    }

    public Config withDatabase(DatabaseConfig newDatabase) {
        return new Config(listener, newDatabase, secrets, api, acme, issuance, admin, limits);
    }

    public Config withSecrets(SecretsConfig newSecrets) {
        return new Config(listener, database, newSecrets, api, acme, issuance, admin, limits);
    }

    public Config withApi(ApiConfig newApi) {
        return new Config(listener, database, secrets, newApi, acme, issuance, admin, limits);
    }

    public Config withAcme(AcmeConfig newAcme) {
        return new Config(listener, database, secrets, api, newAcme, issuance, admin, limits);
    }

    public Config withIssuance(IssuanceConfig newIssuance) {
        return new Config(listener, database, secrets, api, acme, newIssuance, admin, limits);
    }

    public Config withAdmin(AdminConfig newAdmin) {
        return new Config(listener, database, secrets, api, acme, issuance, newAdmin, limits);
    }

    public Config withLimits(Limits newLimits) {
        return new Config(listener, database, secrets, api, acme, issuance, admin, newLimits);
    }

    // Shorthands for the changes tests and tools make most; each changes one group.

    public Config withPort(int port) {
        return withListener(listener.withAddress(listener.host(), port));
    }

    public Config withTls(Path keystore, String password) {
        return withListener(listener.withTls(keystore, password));
    }

    /** The same, on another database (a JDBC URL with its user and password; null URL: the embedded H2). */
    public Config withDatabase(String url, String user, String password, int poolSize) {
        return withDatabase(new DatabaseConfig(database.dataDir(), url, user, password, poolSize));
    }

    public Config withMasterKey(String base64) {
        return withSecrets(secrets.withMasterKey(base64));
    }

    public Config withAccessKey(String id, String secret) {
        return withSecrets(secrets.withAccessKey(id, secret));
    }

    public Config withOwnership(ApiConfig.Ownership ownership) {
        return withApi(api.withOwnership(ownership));
    }

    public Config withNonceStore(NonceStore store) {
        return withApi(api.withNonceStore(store));
    }

    /** The ACME issuer from {@code settings} and its HTTP-01 listener on {@code host:port}. */
    public Config withAcme(AcmeSettings settings, String http01Host, int http01Port) {
        return withAcme(new AcmeConfig(settings, http01Host, http01Port));
    }

    /** Checks values that would fail later in a less clear way; each message names the flag. */
    public Config validate() {
        listener.validate();
        database.validate();
        api.validate();
        acme.validate();
        issuance.validate();
        admin.validate();
        limits.validate();
        return this;
    }

    @Override
    public String toString() {
        return "Config[" + listener + ", " + database + ", " + secrets + ", " + api + ", " + acme + ", issuer="
                + issuance.issuer() + ", " + admin + ", " + limits + "]";
    }
}
