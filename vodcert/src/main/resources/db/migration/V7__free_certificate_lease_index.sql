-- The lease heartbeat (every 30 s on every node) and the release of a node's leases find the rows
-- a node holds by lease_owner; without an index each was a full scan of free_certificate (1.1 s at
-- 1,000,000 rows, bench/README.md). Almost every row has no owner, so the index stays small.
CREATE INDEX free_certificate_by_lease ON free_certificate (lease_owner);
