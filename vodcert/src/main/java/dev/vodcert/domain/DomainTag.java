package dev.vodcert.domain;

/**
 * A tag on an accelerated domain ({@code TagVodResources}, and the {@code Tag.N} filter of
 * {@code DescribeVodUserDomains}): a key of 1 to {@value #MAX_KEY_LENGTH} characters and a value of
 * up to {@value #MAX_VALUE_LENGTH}. As a filter, a null value matches any value of the key.
 */
public record DomainTag(String key, String value) {
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 128;
    /** The most tags one domain carries, and the most one request names. */
    public static final int MAX_PER_DOMAIN = 20;
}
