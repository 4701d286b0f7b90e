package dev.cloudjar.services.apigateway;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.apigateway.RestStages.PatchOperation;
import dev.cloudjar.services.apigateway.model.RestIntegration;
import dev.cloudjar.services.apigateway.model.RestMethod;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** UpdateMethod and UpdateIntegration: the patch paths tools send to change a method or its integration in place. */
public final class RestMethodPatches {
    private final RestApis apis;

    RestMethodPatches(RestApis apis) {
        this.apis = apis;
    }

    public RestMethod updateMethod(Scope scope, String apiId, String resourceId, String httpMethod, List<PatchOperation> operations) {
        apis.changeMethod(scope, apiId, resourceId, httpMethod, method -> {
            RestMethod m = method;
            for (PatchOperation op : operations) {
                String value = checkedVerb(op).equals("remove") ? null : op.value();
                m = switch (op.path() == null ? "" : op.path()) {
                    case "/authorizationType" -> {
                        if (value == null || !Set.of("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS").contains(value)) {
                            throw ApiGatewayErrors.badRequest("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS");
                        }
                        yield new RestMethod(m.httpMethod(), value, m.authorizerId(), m.apiKeyRequired(), m.operationName(),
                                m.requestParameters(), m.requestModels(), m.methodResponses(), m.integration());
                    }
                    case "/apiKeyRequired" -> new RestMethod(m.httpMethod(), m.authorizationType(), m.authorizerId(), "true".equalsIgnoreCase(value),
                            m.operationName(), m.requestParameters(), m.requestModels(), m.methodResponses(), m.integration());
                    case "/operationName" -> new RestMethod(m.httpMethod(), m.authorizationType(), m.authorizerId(), m.apiKeyRequired(), value,
                            m.requestParameters(), m.requestModels(), m.methodResponses(), m.integration());
                    case "/authorizerId" -> new RestMethod(m.httpMethod(), m.authorizationType(), value, m.apiKeyRequired(), m.operationName(),
                            m.requestParameters(), m.requestModels(), m.methodResponses(), m.integration());
                    default -> throw ApiGatewayErrors.badRequest("Invalid patch path " + op.path());
                };
            }
            return m;
        });
        return apis.method(scope, apiId, resourceId, httpMethod);
    }

    public RestIntegration updateIntegration(Scope scope, String apiId, String resourceId, String httpMethod, List<PatchOperation> operations) {
        apis.changeMethod(scope, apiId, resourceId, httpMethod, method -> {
            RestIntegration i = method.integration();
            if (i == null) {
                throw ApiGatewayErrors.notFound("No integration defined for method");
            }
            for (PatchOperation op : operations) {
                i = apply(i, op);
            }
            if (i.type().startsWith("HTTP")) {
                HttpTargets.checkLoopback(i.uri());
            }
            if (i.type().startsWith("AWS") && RestApis.lambdaFunction(i.uri()) == null) {
                throw ApiGatewayErrors.badRequest("Invalid ARN specified in the request");
            }
            return method.withIntegration(i);
        });
        return apis.integration(scope, apiId, resourceId, httpMethod);
    }

    private static RestIntegration apply(RestIntegration i, PatchOperation op) {
        String path = op.path() == null ? "" : op.path();
        String value = checkedVerb(op).equals("remove") ? null : op.value();
        if (path.startsWith("/requestTemplates/")) {
            String type = path.substring("/requestTemplates/".length()).replace("~1", "/").replace("~0", "~");
            Map<String, String> templates = new TreeMap<>(i.requestTemplates() == null ? Map.of() : i.requestTemplates());
            if (value == null) {
                templates.remove(type);
            } else {
                templates.put(type, value);
            }
            return new RestIntegration(i.type(), i.httpMethod(), i.uri(), i.connectionType(), i.credentials(), i.requestParameters(),
                    templates, i.passthroughBehavior(), i.contentHandling(), i.timeoutInMillis(), i.cacheNamespace(),
                    i.cacheKeyParameters(), i.integrationResponses());
        }
        switch (path) {
            case "/uri":
                return new RestIntegration(i.type(), i.httpMethod(), value, i.connectionType(), i.credentials(), i.requestParameters(),
                        i.requestTemplates(), i.passthroughBehavior(), i.contentHandling(), i.timeoutInMillis(), i.cacheNamespace(),
                        i.cacheKeyParameters(), i.integrationResponses());
            case "/httpMethod":
                return new RestIntegration(i.type(), value, i.uri(), i.connectionType(), i.credentials(), i.requestParameters(),
                        i.requestTemplates(), i.passthroughBehavior(), i.contentHandling(), i.timeoutInMillis(), i.cacheNamespace(),
                        i.cacheKeyParameters(), i.integrationResponses());
            case "/timeoutInMillis": {
                int timeout;
                try {
                    timeout = Integer.parseInt(value == null ? "29000" : value);
                } catch (NumberFormatException e) {
                    throw ApiGatewayErrors.badRequest("Invalid timeout specified: " + value);
                }
                if (timeout < 50 || timeout > 29000) {
                    throw ApiGatewayErrors.badRequest("Timeout should be between 50 ms and 29000 ms");
                }
                return new RestIntegration(i.type(), i.httpMethod(), i.uri(), i.connectionType(), i.credentials(), i.requestParameters(),
                        i.requestTemplates(), i.passthroughBehavior(), i.contentHandling(), timeout, i.cacheNamespace(),
                        i.cacheKeyParameters(), i.integrationResponses());
            }
            case "/passthroughBehavior":
                return new RestIntegration(i.type(), i.httpMethod(), i.uri(), i.connectionType(), i.credentials(), i.requestParameters(),
                        i.requestTemplates(), value, i.contentHandling(), i.timeoutInMillis(), i.cacheNamespace(),
                        i.cacheKeyParameters(), i.integrationResponses());
            case "/contentHandling":
                return new RestIntegration(i.type(), i.httpMethod(), i.uri(), i.connectionType(), i.credentials(), i.requestParameters(),
                        i.requestTemplates(), i.passthroughBehavior(), value, i.timeoutInMillis(), i.cacheNamespace(),
                        i.cacheKeyParameters(), i.integrationResponses());
            default:
                throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
        }
    }

    private static String checkedVerb(PatchOperation op) {
        String verb = op.op() == null ? "" : op.op();
        if (!Set.of("add", "remove", "replace").contains(verb)) {
            throw ApiGatewayErrors.badRequest("Invalid patch operation specified. Must be one of: [add, remove, move, test, replace, copy]");
        }
        return verb;
    }
}
