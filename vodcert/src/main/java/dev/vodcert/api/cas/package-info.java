/**
 * The certificate store behind {@code CertType=cas}, served as Alibaba Cloud's Certificate
 * Management Service API, version {@value dev.vodcert.api.cas.CasApi#VERSION}: upload, get detail,
 * list and delete a user certificate, one small class each, registered in
 * {@link dev.vodcert.api.cas.CasApi}, with this product's own errors in
 * {@link dev.vodcert.api.cas.CasErrors}. Same pipeline, same accounts and keys as the VOD actions;
 * the request's {@code Version} tells the two products apart. No HTTP or SQL here.
 */
package dev.vodcert.api.cas;
