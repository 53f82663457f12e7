-- ACME: the account key per directory, and the HTTP-01 answers every node serves.
-- One SQL set for H2 and PostgreSQL: times are epoch milliseconds (BIGINT), encrypted values text.
CREATE TABLE acme_account (
    directory    VARCHAR(1024)  PRIMARY KEY,
    key_pair_enc VARCHAR(30000) NOT NULL,
    account_url  VARCHAR(1024),
    created_at   BIGINT         NOT NULL
);

CREATE TABLE acme_challenge (
    token             VARCHAR(255)  PRIMARY KEY,
    key_authorization VARCHAR(512)  NOT NULL,
    domain_name       VARCHAR(253)  NOT NULL,
    created_at        BIGINT        NOT NULL,
    expires_at        BIGINT        NOT NULL
);
CREATE INDEX acme_challenge_by_expiry ON acme_challenge (expires_at);
