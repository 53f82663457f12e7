/**
 * The free-certificate lifecycle: CNAME check, issuers (ACME, local CA), renewal, leases for several
 * nodes. One loop drives it; its timing constants live in one place. No HTTP request handling here.
 */
package dev.vodcert.issuance;
