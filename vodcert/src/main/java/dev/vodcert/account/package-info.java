/**
 * Accounts (tenants) and their AccessKeys. Secrets are kept encrypted with the master key and are
 * decrypted only to check a signature; they never reach a log line, a response or an exception.
 */
package dev.vodcert.account;
