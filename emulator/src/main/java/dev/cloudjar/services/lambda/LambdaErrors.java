package dev.cloudjar.services.lambda;

import dev.cloudjar.core.AwsException;

/** Lambda's errors with AWS's codes, statuses and messages. */
public final class LambdaErrors {
    private LambdaErrors() {
    }

    public static AwsException functionNotFound(String arn) {
        return new AwsException(404, "ResourceNotFoundException", "Function not found: " + arn);
    }

    public static AwsException notFound(String message) {
        return new AwsException(404, "ResourceNotFoundException", message);
    }

    public static AwsException conflict(String message) {
        return new AwsException(409, "ResourceConflictException", message);
    }

    public static AwsException invalid(String message) {
        return new AwsException(400, "InvalidParameterValueException", message);
    }

    public static AwsException validation(String value, String member, String constraint) {
        return new AwsException(400, "ValidationException", "1 validation error detected: Value '" + value + "' at '"
                + member + "' failed to satisfy constraint: " + constraint);
    }

    public static AwsException tooLarge(long limit) {
        return requestTooLarge(limit, "InvokeFunction");
    }

    public static AwsException preconditionFailed() {
        return new AwsException(412, "PreconditionFailedException",
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    public static AwsException invalidJson(String detail) {
        return new AwsException(400, "InvalidRequestContentException",
                "Could not parse request body into json: Could not parse payload into json: " + detail);
    }

    /** Reading or using another account's layer version that no statement of its policy grants. */
    public static AwsException layerAccessDenied(String account, String action, String layerVersionArn) {
        return new AwsException(403, "AccessDeniedException", "User: arn:aws:iam::" + account + ":root is not authorized to perform: "
                + action + " on resource: " + layerVersionArn + " because no resource-based policy allows the " + action + " action");
    }

    public static AwsException requestTooLarge(long limit, String operation) {
        return new AwsException(413, "RequestEntityTooLargeException",
                "Request must be smaller than " + limit + " bytes for the " + operation + " operation");
    }
}
