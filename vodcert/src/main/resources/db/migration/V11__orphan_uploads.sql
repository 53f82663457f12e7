-- Earlier versions could leave an uploaded certificate (cert_type 'upload') that no domain points
-- at, when SetVodDomainCertificate raced DeleteVodDomain of the same domain: listed by
-- DescribeVodCertificateList, unknown to every other action, so nothing could remove it. An upload
-- exists only for the domains using it (a replacement or a deletion removes it with its last one),
-- so one no domain uses is such an orphan.
DELETE FROM certificate
WHERE cert_type = 'upload'
  AND NOT EXISTS (SELECT 1 FROM vod_domain d WHERE d.cert_id = certificate.id);
