-- The operators' overview (metrics and console) reads certificates by expiry and free certificates
-- by status: "expiring within 7/14/30 days", "the earliest expiry", the per-day expiry timeline and
-- "which free certificates are failing" are index ranges instead of full scans at 1,000,000 domains
-- (bench/README.md, the metrics scrape).
CREATE INDEX certificate_by_not_after ON certificate (not_after);
CREATE INDEX free_certificate_by_status ON free_certificate (status);
