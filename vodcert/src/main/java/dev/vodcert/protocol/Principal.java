package dev.vodcert.protocol;

/** Who a verified request acts for: the account and the AccessKey that signed it. */
public record Principal(long accountId, String accessKeyId) {
}
