-- SignatureNonces shared by every node on one database: a nonce used on one node is refused on all.
-- The nonce is kept as its SHA-256 (hex), so any length a client sends fits the key. A row may be
-- forgotten once expires_at (epoch milliseconds) has passed; sweeps delete expired rows in batches.
CREATE TABLE signature_nonce (
    access_key_id VARCHAR(64) NOT NULL,
    nonce_sha256  VARCHAR(64) NOT NULL,
    expires_at    BIGINT      NOT NULL,
    PRIMARY KEY (access_key_id, nonce_sha256)
);
CREATE INDEX signature_nonce_by_expiry ON signature_nonce (expires_at);
