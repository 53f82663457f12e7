-- The certificate store behind CertType=cas (Certificate Management Service API 2020-04-07).
-- A stored ('cas') certificate carries its name in cas_name, unique within its account; uploads
-- and free certificates leave it NULL, which the unique index does not compare.
ALTER TABLE certificate ADD COLUMN cas_name VARCHAR(128);
CREATE UNIQUE INDEX certificate_cas_name ON certificate (account_id, cas_name);
-- Lists of one account's certificates of one type page by id.
CREATE INDEX certificate_by_account_type ON certificate (account_id, cert_type, id);
-- Which domains use a certificate (deleting a stored certificate, replacing it).
CREATE INDEX vod_domain_by_cert ON vod_domain (cert_id);
