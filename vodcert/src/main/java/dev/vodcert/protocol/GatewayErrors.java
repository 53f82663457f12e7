package dev.vodcert.protocol;

/**
 * The POP gateway's error catalogue (spec §8.2): the codes any Alibaba Cloud RPC product answers
 * with before an action runs. Product codes live with the product's actions.
 */
public final class GatewayErrors {
    private GatewayErrors() {
    }

    public static final ErrorCode SIGNATURE_DOES_NOT_MATCH = new ErrorCode("SignatureDoesNotMatch", 400,
            "Specified signature is not matched with our calculation.");
    public static final ErrorCode INCOMPLETE_SIGNATURE = new ErrorCode("IncompleteSignature", 400,
            "The request signature does not conform to Aliyun standards.");
    public static final ErrorCode INVALID_ACCESS_KEY_ID_NOT_FOUND = new ErrorCode("InvalidAccessKeyId.NotFound", 404,
            "Specified access key is not found.");
    public static final ErrorCode INVALID_ACCESS_KEY_ID_INACTIVE = new ErrorCode("InvalidAccessKeyId.Inactive", 400,
            "Specified access key is disabled.");
    public static final ErrorCode INVALID_TIMESTAMP_EXPIRED = new ErrorCode("InvalidTimeStamp.Expired", 400,
            "Specified time stamp or date value is expired.");
    public static final ErrorCode INVALID_TIMESTAMP_FORMAT = new ErrorCode("InvalidTimeStamp.Format", 400,
            "Specified time stamp or date value is not well formatted.");
    public static final ErrorCode SIGNATURE_NONCE_USED = new ErrorCode("SignatureNonceUsed", 400,
            "Specified signature nonce was used already.");
    public static final ErrorCode INVALID_ACTION_NOT_FOUND = new ErrorCode("InvalidAction.NotFound", 404,
            "Specified api is not found, please check your url and method.");
    public static final ErrorCode INVALID_VERSION = new ErrorCode("InvalidVersion", 404,
            "Specified parameter Version is not valid.");
    public static final ErrorCode MISSING_PARAMETER = new ErrorCode("MissingParameter", 400,
            "Certain required parameters are missing.");
    public static final ErrorCode INVALID_PARAMETER = new ErrorCode("InvalidParameter", 400,
            "The specified parameters are invalid.");
    public static final ErrorCode UNSUPPORTED_HTTP_METHOD = new ErrorCode("UnsupportedHTTPMethod", 403,
            "This http method is not supported.");
    public static final ErrorCode REQUEST_TOO_LARGE = new ErrorCode("InvalidParameter", 413,
            "The request is larger than this service accepts.");
    public static final ErrorCode THROTTLING_USER = new ErrorCode("Throttling.User", 400,
            "Request was denied due to user flow control.");
    public static final ErrorCode INTERNAL_ERROR = new ErrorCode("InternalError", 500,
            "An internal error occurred; please try again later.");
    public static final ErrorCode SERVICE_UNAVAILABLE = new ErrorCode("ServiceUnavailable", 503,
            "The request has failed due to a temporary failure of the server.");

    /** The gateway's text for one missing common parameter. */
    public static ApiException missing(String name) {
        return MISSING_PARAMETER.exception("The input parameter \"" + name
                + "\" that is mandatory for processing this request is not supplied.");
    }

    /** The gateway's text for one parameter whose value is not valid. */
    public static ApiException invalid(String name, String why) {
        return INVALID_PARAMETER.exception("The specified parameter \"" + name + "\" is not valid. " + why);
    }
}
