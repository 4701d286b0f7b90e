package dev.cloudjar.http;

import dev.cloudjar.protocol.Headers;
import dev.cloudjar.protocol.Protocol;
import dev.cloudjar.protocol.ServiceId;
import dev.cloudjar.protocol.auth.Credential;
import java.util.List;
import java.util.Map;

/**
 * Decides which service a request is for, in the order PROTOCOLS.md section 1 gives: X-Amz-Target,
 * CloudJar's own paths, Query {@code Action} (by {@code Version}, then signing service), Lambda's dated
 * paths, else S3. The S3 signing scope wins over path shapes, since bucket names may look like dates.
 */
final class ServiceResolver {
    /** SigV4 signing names of the services CloudJar speaks; any other signed request is answered as unsupported. */
    private static final java.util.Set<String> SPOKEN = java.util.Set.of("s3", "dynamodb", "sqs", "sns", "sts", "iam", "lambda",
            "events", "scheduler", "apigateway", "logs", "kinesis");

    /** Decides from everything but a form body; returns null when the form body must be read. */
    Route resolve(String method, String rawPath, Headers headers, Map<String, List<String>> query, Credential credential) {
        String target = headers.get("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            String prefix = dot < 0 ? target : target.substring(0, dot);
            String operation = dot < 0 ? "" : target.substring(dot + 1);
            switch (prefix) {
                case "DynamoDB_20120810":
                    return new Route(ServiceId.DYNAMODB, Protocol.JSON, operation);
                case "DynamoDBStreams_20120810":
                    return new Route(ServiceId.DYNAMODB_STREAMS, Protocol.JSON, operation);
                case "AmazonSQS":
                    return new Route(ServiceId.SQS, Protocol.JSON, operation);
                case "AWSEvents":
                    return new Route(ServiceId.EVENTBRIDGE, Protocol.JSON, operation);
                case "Logs_20140328":
                    return new Route(ServiceId.LOGS, Protocol.JSON, operation);
                case "Kinesis_20131202":
                    return new Route(ServiceId.KINESIS, Protocol.JSON, operation);
                default:
                    // Kinesis_20131202, Logs_20140328, AWSEvents...: a JSON service CloudJar does not speak
                    String signed = credential == null ? null : credential.service();
                    return new Route(ServiceId.UNSUPPORTED, Protocol.JSON, signed != null ? signed : prefix);
            }
        }
        if (rawPath.startsWith("/_cloudjar/") || rawPath.equals("/_cloudjar")) {
            return new Route(ServiceId.CONTROL, Protocol.CONTROL, null);
        }
        if (rawPath.startsWith("/_aws/execute-api/") || isExecuteApiHost(headers.get("Host"))) {
            // invoke URLs of deployed API Gateway stages: plain HTTP, never SigV4-signed
            return new Route(ServiceId.EXECUTE_API, Protocol.REST_JSON, null);
        }
        String service = credential == null ? null : credential.service();
        if ("apigateway".equals(service)) {
            return new Route(ServiceId.APIGATEWAY, Protocol.REST_JSON, null);
        }
        if ("s3".equals(service) || "s3express".equals(service) && "GET".equals(method) && "/".equals(rawPath)) {
            return s3(); // s3express signs ListDirectoryBuckets, the one directory-bucket call a general purpose S3 answers
        }
        if ("scheduler".equals(service)) {
            return new Route(ServiceId.SCHEDULER, Protocol.REST_JSON, null);
        }
        if (service != null && !SPOKEN.contains(service)) {
            return new Route(ServiceId.UNSUPPORTED, isForm(headers) ? Protocol.QUERY : Protocol.REST_JSON, service);
        }
        List<String> action = query.get("Action");
        if (action != null && !action.isEmpty() && (rawPath.equals("/") || rawPath.isEmpty() || isQueuePath(rawPath))) {
            ServiceId id = queryService(first(query, "Version"), service, action.get(0), rawPath);
            if (id != null) {
                return new Route(id, Protocol.QUERY, action.get(0));
            }
        }
        if ("POST".equals(method) && isForm(headers)) {
            return null;
        }
        if (isLambdaPath(rawPath) && (service == null || "lambda".equals(service))) {
            return new Route(ServiceId.LAMBDA, Protocol.REST_JSON, null);
        }
        return s3();
    }

    /** Decides a form-encoded POST once its parameters are known. */
    Route resolveForm(String rawPath, Map<String, List<String>> form, Credential credential) {
        String service = credential == null ? null : credential.service();
        String action = first(form, "Action");
        if (action != null) {
            ServiceId id = queryService(first(form, "Version"), service, action, rawPath);
            if (id != null) {
                return new Route(id, Protocol.QUERY, action);
            }
        }
        if (isLambdaPath(rawPath)) {
            return new Route(ServiceId.LAMBDA, Protocol.REST_JSON, null);
        }
        return s3();
    }

    static boolean isForm(Headers headers) {
        String type = headers.get("Content-Type");
        return type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
    }

    private static Route s3() {
        return new Route(ServiceId.S3, Protocol.REST_XML, null);
    }

    private static ServiceId queryService(String version, String signingService, String action, String rawPath) {
        if (version != null) {
            switch (version) {
                case "2010-03-31":
                    return ServiceId.SNS;
                case "2011-06-15":
                    return ServiceId.STS;
                case "2012-11-05":
                    return ServiceId.SQS;
                case "2010-05-08":
                    return ServiceId.IAM;
                default:
                    break;
            }
        }
        if (signingService != null) {
            switch (signingService) {
                case "sns":
                    return ServiceId.SNS;
                case "sts":
                    return ServiceId.STS;
                case "sqs":
                    return ServiceId.SQS;
                case "iam":
                    return ServiceId.IAM;
                default:
                    break;
            }
        }
        if ("ConfirmSubscription".equals(action) || "Unsubscribe".equals(action)) {
            return ServiceId.SNS;
        }
        if ("GetCallerIdentity".equals(action)) {
            return ServiceId.STS;
        }
        if (isQueuePath(rawPath)) {
            return ServiceId.SQS;
        }
        return null;
    }

    /** {@code /<12-digit account>/<queue>}: where SDK v1 sends SQS Query requests. */
    private static boolean isQueuePath(String rawPath) {
        int second = rawPath.indexOf('/', 1);
        if (second != 13 || rawPath.indexOf('/', second + 1) >= 0) {
            return false;
        }
        for (int i = 1; i < 13; i++) {
            if (!Character.isDigit(rawPath.charAt(i))) {
                return false;
            }
        }
        return rawPath.length() > 14;
    }

    /** {@code <api-id>.execute-api.localhost[:port]}: the host form of an API Gateway invoke URL. */
    private static boolean isExecuteApiHost(String host) {
        if (host == null) {
            return false;
        }
        int colon = host.lastIndexOf(':');
        String name = (colon > 0 ? host.substring(0, colon) : host).toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".execute-api.localhost") && name.length() > ".execute-api.localhost".length();
    }

    private static boolean isLambdaPath(String rawPath) {
        // "/2015-03-31/": a date-shaped first segment, as every Lambda API version path has
        if (rawPath.length() < 12 || rawPath.charAt(0) != '/' || rawPath.charAt(11) != '/') {
            return false;
        }
        for (int i = 1; i < 11; i++) {
            char c = rawPath.charAt(i);
            boolean dash = i == 5 || i == 8;
            if (dash ? c != '-' : !Character.isDigit(c)) {
                return false;
            }
        }
        return rawPath.startsWith("/20");
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
