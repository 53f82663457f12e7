-- Tags on accelerated domains (TagVodResources), and the ownership of root domains per account
-- (DescribeVodVerifyContent / VerifyVodDomainOwner). One SQL set for H2 and PostgreSQL.
CREATE TABLE vod_domain_tag (
    domain_id BIGINT       NOT NULL REFERENCES vod_domain (id) ON DELETE CASCADE,
    tag_key   VARCHAR(128) NOT NULL,
    tag_value VARCHAR(128) NOT NULL,
    PRIMARY KEY (domain_id, tag_key)
);
CREATE INDEX vod_domain_tag_by_key ON vod_domain_tag (tag_key, tag_value, domain_id);

-- content: the token the account publishes; verified_at: null until a check passed.
CREATE TABLE domain_ownership (
    account_id  BIGINT       NOT NULL REFERENCES account (id),
    root_domain VARCHAR(253) NOT NULL,
    content     VARCHAR(64)  NOT NULL,
    verify_type VARCHAR(16),
    verified_at BIGINT,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (account_id, root_domain)
);
