package dev.cloudjar.http;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.protocol.xml.XmlWriter;

/**
 * Errors the edge itself must answer (no service understands the request, or a service failed to
 * render its own error), each in the shape of the protocol the client spoke: never an HTML page.
 */
final class FallbackErrors {
    private FallbackErrors() {
    }

    static AwsException internal(AwsRequest request) {
        String code = switch (request.protocol()) {
            case REST_XML -> "InternalError";
            case REST_JSON -> "ServiceException";
            default -> "InternalFailure";
        };
        String message = request.protocol() == dev.cloudjar.protocol.Protocol.REST_XML
                ? "We encountered an internal error. Please try again."
                : "The request processing has failed because of an unknown error, exception or failure.";
        return new AwsException(500, code, message, false);
    }

    /** A request for an AWS service CloudJar does not emulate, named by its signing name or target prefix. */
    static AwsResponse unsupportedService(AwsRequest request) {
        String name = request.target() == null ? "this service" : request.target();
        String message = "CloudJar does not emulate " + name + "; docs/coverage.md lists the services and operations it implements";
        return switch (request.protocol()) {
            case JSON -> render(new AwsException(400, "UnknownOperationException", message), request);
            case QUERY -> render(new AwsException(400, "InvalidAction", message), request);
            default -> render(new AwsException(404, "UnknownOperationException", message), request);
        };
    }

    static AwsResponse notImplemented(AwsRequest request) {
        return switch (request.protocol()) {
            case JSON -> JsonProtocol.unknownOperation(request, null);
            case QUERY -> QueryProtocol.invalidAction(request, null);
            case REST_JSON, CONTROL -> render(new AwsException(404, "UnknownOperationException", "Unknown operation " + request.method() + " " + request.rawPath()), request);
            case REST_XML -> render(new AwsException(501, "NotImplemented", "A header you provided implies functionality that is not implemented"), request);
        };
    }

    static AwsResponse render(AwsException e, AwsRequest request) {
        switch (request.protocol()) {
            case JSON:
                return JsonProtocol.error(e, request, null);
            case QUERY:
                return QueryProtocol.error(e, null, request);
            case REST_JSON:
            case CONTROL:
                String body = "{\"Type\":\"" + (e.senderFault() ? "User" : "Service") + "\",\"message\":"
                        + quote(e.getMessage()) + "}";
                return AwsResponse.status(e.status()).header("x-amzn-ErrorType", e.code())
                        .header("x-amzn-RequestId", request.requestId()).body(body, "application/json");
            case REST_XML:
            default:
                XmlWriter xml = new XmlWriter().declaration().start("Error").element("Code", e.code())
                        .element("Message", e.getMessage()).element("RequestId", request.requestId()).end();
                AwsResponse response = AwsResponse.status(e.status()).header("x-amz-request-id", request.requestId());
                return "HEAD".equals(request.method()) ? response : response.body(xml.toBytes(), "application/xml");
        }
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        try {
            return JsonProtocol.MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "\"\"";
        }
    }
}
