package dev.cloudjar.protocol;

import dev.cloudjar.core.AwsException;

/**
 * A wire adapter the gateway can hand requests to. Adapters bind the request, call their backend and
 * render the output; they also render errors in their protocol's shape (JSON {@code __type}, Query
 * {@code <ErrorResponse>}, S3 {@code <Error>}, Lambda {@code x-amzn-ErrorType}).
 */
public interface AwsService {
    /** The service's short name for logs ("s3", "dynamodb", ...). */
    String serviceName();

    AwsResponse handle(AwsRequest request);

    AwsResponse error(AwsException error, AwsRequest request);

    /**
     * Whether a browser page of this origin may make this request although CloudJar was not told to
     * trust the origin: only S3 says yes, where the bucket's CORS configuration allows it.
     */
    default boolean allowsCrossOrigin(AwsRequest request, String origin) {
        return false;
    }

    /**
     * The operation this request calls, for the access log: the X-Amz-Target or Query action where the
     * protocol names it, else the REST template of the service's model that matches, else null.
     */
    default String operationName(AwsRequest request) {
        if (request.target() != null) {
            return request.target();
        }
        return RestOperations.of(serviceName()).name(request.method(), request.rawPath(), request.queryParameters(), request.headers());
    }
}
