package dev.vodcert.server;

/**
 * Where {@code SignatureNonce}s are remembered: in this node's memory, journaled in the data folder
 * so they outlive a restart ({@link NonceJournal}; fastest, right for one node), or in the database (every node on
 * one database refuses a nonce any of them has seen).
 * {@link #AUTO} picks the database when the store is PostgreSQL, memory for the embedded H2.
 */
public enum NonceStore {
    AUTO, MEMORY, DATABASE;

    /** The store to use for a database that several nodes may share ({@code shared}) or not. */
    public NonceStore resolve(boolean shared) {
        if (this != AUTO) {
            return this;
        }
        return shared ? DATABASE : MEMORY;
    }
}
