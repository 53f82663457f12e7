-- The status of a domain's free-certificate lifecycle (free_certificate.status), kept on the domain
-- row too, so that DescribeVodDomainCertificateInfo reads one row per domain instead of joining
-- free_certificate: at 1,000,000 domains that join was a third of the pages a lookup read
-- (bench/README.md). NULL when the domain has no lifecycle row. FreeCertificateStore writes both in
-- one transaction.
ALTER TABLE vod_domain ADD COLUMN free_status VARCHAR(32);
UPDATE vod_domain SET free_status = (SELECT f.status FROM free_certificate f WHERE f.domain_id = vod_domain.id)
WHERE id IN (SELECT domain_id FROM free_certificate);
