/**
 * The operators' console on the operators' listener ({@code /console}): server-rendered HTML pages
 * (overview, expiry timeline and renewal calendar, domain list and search, one domain, AccessKeys)
 * and confirmed, logged actions (retry a free certificate now, disable or enable an AccessKey).
 *
 * <p>Every value reaches a page through {@link dev.vodcert.console.Html#of}, which escapes it
 * (domain names and certificate subjects are user input); pages carry no inline script or style,
 * so a strict Content-Security-Policy ({@code default-src 'self'}) holds; with an admin token, a
 * login form or an {@code Authorization} header is needed, and every action form carries a CSRF
 * token. No page reads a private key or a secret.
 */
package dev.vodcert.console;
