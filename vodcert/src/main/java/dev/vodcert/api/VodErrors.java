package dev.vodcert.api;

import dev.vodcert.protocol.ErrorCode;

/**
 * ApsaraVideo VOD's own error catalogue for the domain and certificate actions (spec §8.3).
 * Where the documented HTTP status is 5xx for what is really bad input (PrivateKeyError), the
 * status is 400: bad input never earns a 5xx here (see README, "Known differences").
 */
public final class VodErrors {
    private VodErrors() {
    }

    public static final ErrorCode INVALID_DOMAIN_NOT_FOUND = new ErrorCode("InvalidDomain.NotFound", 404,
            "The domain does not exist, or it does not belong to you.");
    public static final ErrorCode DOMAIN_ALREADY_EXIST = new ErrorCode("DomainAlreadyExist", 400,
            "The specified domain already exists.");
    public static final ErrorCode INVALID_DOMAIN_NAME_MALFORMED = new ErrorCode("InvalidDomainName.Malformed", 400,
            "Specified DomainName is malformed.");
    public static final ErrorCode INVALID_SOURCES_MALFORMED = new ErrorCode("InvalidSources.Malformed", 400,
            "The specified Sources is invalid.");
    public static final ErrorCode INVALID_SOURCE_CONTENT_MALFORMED = new ErrorCode("InvalidSource.Content.Malformed", 400,
            "Specified source content is malformed.");
    public static final ErrorCode INVALID_SOURCE_TYPE_MALFORMED = new ErrorCode("InvalidSource.Type.Malformed", 400,
            "Specified source type is malformed.");
    public static final ErrorCode INVALID_TYPE_CONTENT_MISMATCH = new ErrorCode("InvalidTypeContent.Mismatch", 400,
            "Specified source type does not math the specified source content.");
    public static final ErrorCode INVALID_SOURCE_PRIORITY_MALFORMED = new ErrorCode("InvalidSource.Priority.Malformed", 400,
            "Specified source priority is malformed.");
    public static final ErrorCode INVALID_SOURCE_PORT_MALFORMED = new ErrorCode("InvalidSource.Port.Malformed", 400,
            "Specified source port is malformed.");
    public static final ErrorCode INVALID_SCOPE_MALFORMED = new ErrorCode("InvalidScope.Malformed", 400,
            "Specified Scope is malformed.");
    public static final ErrorCode INVALID_SSL_PROTOCOL = new ErrorCode("InvalidSSLProtocol.ValueNotSupported", 400,
            "The specified SSLProtocol is invalid.");
    public static final ErrorCode SSL_PUB_MISSING = new ErrorCode("SSLPub.MissingParameter", 400,
            "The SSLPub parameter is required.");
    public static final ErrorCode SSL_PRI_MISSING = new ErrorCode("SSLPri.MissingParameter", 400,
            "The SSLPri parameter is required.");
    public static final ErrorCode INVALID_SSL_PUB = new ErrorCode("InvalidSSLPub", 400,
            "The specified SSLPub is invalid.");
    public static final ErrorCode INVALID_SSL_PRI = new ErrorCode("InvalidSSLPri", 400,
            "The specified SSLPri is invalid.");
    /** Documented as HTTP 500; answered with 400 because it is the caller's input that is wrong. */
    public static final ErrorCode PRIVATE_KEY_ERROR = new ErrorCode("PrivateKeyError", 400,
            "The content of the certificate is invalid.");
    public static final ErrorCode ILLEGAL_OPERATION = new ErrorCode("IllegalOperation", 403,
            "Illegal domain operate is not permitted.");
    /** Not in the documented table; the real service stops at 20 domains per account. */
    public static final ErrorCode DOMAIN_LIMIT_EXCEEDED = new ErrorCode("DomainNumberLimitExceeded", 400,
            "The number of domains in your account has reached the limit.");
    /** Terraform's provider retries SetVodDomainSSLCertificate on this code; the status is not documented. */
    public static final ErrorCode INVALID_DOMAIN_OFFLINE = new ErrorCode("InvalidDomain.Offline", 400,
            "The domain is offline.");
    public static final ErrorCode SERVICE_BUSY = new ErrorCode("ServiceBusy", 403,
            "The specified domain is being configured; please try again later.");
    public static final ErrorCode DOMAIN_OWNER_VERIFY_FAIL = new ErrorCode("DomainOwnerVerifyFail", 400,
            "Owner verification of the root domain failed.");
    public static final ErrorCode INVALID_FILE = new ErrorCode("InvalidFile", 400, "The file is not found.");
    public static final ErrorCode VERIFY_ERROR = new ErrorCode("VerifyError", 400,
            "The specified Verify is incorrectly formatted.");
    public static final ErrorCode INVALID_ARG_VALUE_MALFORMED = new ErrorCode("InvalidArgValue.Malformed", 400,
            "The specified ArgValue is invalid.");
    public static final ErrorCode CONFIG_NOT_FOUND = new ErrorCode("ConfigNotFound", 404,
            "The specified configid does not exist.");
    /** The documented message is cut short in the sources; this is its plain completion. */
    public static final ErrorCode CONFIG_DUPLICATE = new ErrorCode("ConfigDuplicate", 400,
            "The configuration already exists.");
}
