package dev.cloudjar.services.apigateway;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.apigateway.model.IntegrationResponse;
import dev.cloudjar.services.apigateway.model.MethodResponse;
import dev.cloudjar.services.apigateway.model.RestApiRecord;
import dev.cloudjar.services.apigateway.model.RestIntegration;
import dev.cloudjar.services.apigateway.model.RestMethod;
import dev.cloudjar.services.apigateway.model.RestResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** REST APIs (v1): the APIs themselves, their resource trees, methods, integrations and responses. */
public final class RestApis {
    static final Set<String> HTTP_METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY");
    private static final Set<String> TYPES = Set.of("HTTP", "AWS", "MOCK", "HTTP_PROXY", "AWS_PROXY");
    private static final Pattern PATH_PART = Pattern.compile("[A-Za-z0-9._:\\-]+|\\{[A-Za-z0-9._\\-]+\\+?}");
    private static final Pattern LAMBDA_URI = Pattern.compile("arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/(.+)/invocations");

    private final ApiGatewayState state;

    RestApis(ApiGatewayState state) {
        this.state = state;
    }

    /** The settings CreateRestApi takes. */
    public record RestApiInput(String name, String description, String version, List<String> binaryMediaTypes,
                               String apiKeySource, List<String> endpointTypes, String policy, boolean disableExecuteApiEndpoint,
                               Map<String, String> tags) {
    }

    public RestApiRecord create(Scope scope, RestApiInput in) {
        if (in.name() == null || in.name().isBlank()) {
            throw ApiGatewayErrors.badRequest("Invalid REST API name specified");
        }
        if (in.apiKeySource() != null && !Set.of("HEADER", "AUTHORIZER").contains(in.apiKeySource())) {
            throw ApiGatewayErrors.badRequest("Invalid API Key source specified: " + in.apiKeySource());
        }
        List<String> types = in.endpointTypes() == null || in.endpointTypes().isEmpty() ? List.of("EDGE") : in.endpointTypes();
        for (String type : types) {
            if (!Set.of("EDGE", "REGIONAL", "PRIVATE").contains(type)) {
                throw ApiGatewayErrors.badRequest("Invalid endpoint configuration type specified: " + type);
            }
        }
        String id = state.newId(10);
        String rootId = state.newId(10);
        Map<String, RestResource> resources = new LinkedHashMap<>();
        resources.put(rootId, new RestResource(rootId, null, null, "/", Map.of()));
        RestApiRecord api = new RestApiRecord(1, id, in.name(), in.description(), state.now(), in.version(),
                in.binaryMediaTypes(), in.apiKeySource() == null ? "HEADER" : in.apiKeySource(), types, in.policy(),
                in.disableExecuteApiEndpoint(), rootId, resources, Map.of(), Map.of());
        state.putRest(scope, api);
        state.index(id, scope, "REST");
        state.putTags(scope, arn(scope, id), in.tags());
        return api;
    }

    public RestApiRecord get(Scope scope, String id) {
        RestApiRecord api = state.rest(scope, id);
        if (api == null) {
            throw ApiGatewayErrors.restApiNotFound(scope.account(), id);
        }
        return api;
    }

    public List<RestApiRecord> list(Scope scope) {
        List<RestApiRecord> all = new ArrayList<>(ApiGatewayState.all(state.restApis, scope));
        all.sort(Comparator.comparingLong(RestApiRecord::createdMillis).thenComparing(RestApiRecord::id));
        return all;
    }

    public void delete(Scope scope, String id) {
        state.locked(id, () -> {
            RestApiRecord api = get(scope, id);
            state.removeRest(scope, id);
            state.putTags(scope, arn(scope, id), null);
            api.stages().keySet().forEach(stage -> state.putTags(scope, arn(scope, id) + "/stages/" + stage, null));
            return api;
        });
    }

    /** UpdateRestApi: name, description, policy, apiKeySource, disableExecuteApiEndpoint, binaryMediaTypes, endpoint type. */
    public RestApiRecord updateApi(Scope scope, String id, List<RestStages.PatchOperation> operations) {
        return update(scope, id, api -> {
            RestApiRecord next = api;
            for (RestStages.PatchOperation op : operations) {
                next = apply(next, op);
            }
            return next;
        });
    }

    private static RestApiRecord apply(RestApiRecord a, RestStages.PatchOperation op) {
        String path = op.path() == null ? "" : op.path();
        String verb = op.op() == null ? "" : op.op();
        boolean remove = verb.equals("remove");
        if (!Set.of("add", "remove", "replace").contains(verb)) {
            throw ApiGatewayErrors.badRequest("Invalid patch operation specified. Must be one of: [add, remove, move, test, replace, copy]");
        }
        if (path.startsWith("/binaryMediaTypes/")) {
            String type = path.substring("/binaryMediaTypes/".length()).replace("~1", "/").replace("~0", "~");
            List<String> types = new ArrayList<>(a.binaryMediaTypes() == null ? List.of() : a.binaryMediaTypes());
            types.remove(type);
            if (!remove) {
                types.add(type);
            }
            return a.withSettings(a.name(), a.description(), types, a.apiKeySource(), a.endpointTypes(), a.policy(), a.disableExecuteApiEndpoint());
        }
        if (path.startsWith("/endpointConfiguration/types/")) {
            if (op.value() == null || !Set.of("EDGE", "REGIONAL", "PRIVATE").contains(op.value())) {
                throw ApiGatewayErrors.badRequest("Invalid endpoint configuration type specified: " + op.value());
            }
            return a.withSettings(a.name(), a.description(), a.binaryMediaTypes(), a.apiKeySource(), List.of(op.value()), a.policy(),
                    a.disableExecuteApiEndpoint());
        }
        String value = remove ? null : op.value();
        switch (path) {
            case "/name":
                if (value == null || value.isBlank()) {
                    throw ApiGatewayErrors.badRequest("Invalid REST API name specified");
                }
                return a.withSettings(value, a.description(), a.binaryMediaTypes(), a.apiKeySource(), a.endpointTypes(), a.policy(), a.disableExecuteApiEndpoint());
            case "/description":
                return a.withSettings(a.name(), value, a.binaryMediaTypes(), a.apiKeySource(), a.endpointTypes(), a.policy(), a.disableExecuteApiEndpoint());
            case "/policy":
                return a.withSettings(a.name(), a.description(), a.binaryMediaTypes(), a.apiKeySource(), a.endpointTypes(), value, a.disableExecuteApiEndpoint());
            case "/apiKeySource":
                if (!Set.of("HEADER", "AUTHORIZER").contains(value == null ? "" : value)) {
                    throw ApiGatewayErrors.badRequest("Invalid API Key source specified: " + value);
                }
                return a.withSettings(a.name(), a.description(), a.binaryMediaTypes(), value, a.endpointTypes(), a.policy(), a.disableExecuteApiEndpoint());
            case "/disableExecuteApiEndpoint":
                return a.withSettings(a.name(), a.description(), a.binaryMediaTypes(), a.apiKeySource(), a.endpointTypes(), a.policy(),
                        "true".equalsIgnoreCase(value));
            default:
                throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
        }
    }

    /** Tags and names: {@code arn:aws:apigateway:<region>::/restapis/<id>}. */
    public static String arn(Scope scope, String id) {
        return "arn:aws:apigateway:" + scope.region() + "::/restapis/" + id;
    }

    /** Applies a change to one API under its lock and stores the result. */
    RestApiRecord update(Scope scope, String id, UnaryOperator<RestApiRecord> change) {
        return state.locked(id, () -> {
            RestApiRecord changed = change.apply(get(scope, id));
            state.putRest(scope, changed);
            return changed;
        });
    }

    // ---- resources ----

    public RestResource resource(Scope scope, String apiId, String resourceId) {
        RestResource resource = get(scope, apiId).resources().get(resourceId);
        if (resource == null) {
            throw ApiGatewayErrors.resourceNotFound();
        }
        return resource;
    }

    public List<RestResource> resources(Scope scope, String apiId) {
        List<RestResource> all = new ArrayList<>(get(scope, apiId).resources().values());
        all.sort(Comparator.comparing(RestResource::path));
        return all;
    }

    public RestResource createResource(Scope scope, String apiId, String parentId, String pathPart) {
        String[] created = new String[1];
        RestApiRecord api = update(scope, apiId, current -> {
            RestResource parent = current.resources().get(parentId);
            if (parent == null) {
                throw ApiGatewayErrors.notFound("Invalid Resource identifier specified");
            }
            if (pathPart == null || !PATH_PART.matcher(pathPart).matches()) {
                throw ApiGatewayErrors.badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning "
                        + "and the end and an optional plus sign before the closing brace.");
            }
            if (parent.pathPart() != null && parent.pathPart().endsWith("+}")) {
                throw ApiGatewayErrors.badRequest("Cannot create a child of a resource with a greedy path variable: " + parent.pathPart());
            }
            for (RestResource sibling : current.resources().values()) {
                if (parentId.equals(sibling.parentId())) {
                    if (sibling.pathPart().equals(pathPart)) {
                        throw ApiGatewayErrors.conflict("Another resource with the same parent already has this name: " + pathPart);
                    }
                    if (sibling.pathPart().startsWith("{") && pathPart.startsWith("{")) {
                        throw ApiGatewayErrors.badRequest("A sibling (" + sibling.pathPart()
                                + ") of this resource already has a variable path part -- only one is allowed");
                    }
                }
            }
            String id = state.newId(6);
            String path = (parent.path().equals("/") ? "" : parent.path()) + "/" + pathPart;
            Map<String, RestResource> resources = new LinkedHashMap<>(current.resources());
            resources.put(id, new RestResource(id, parentId, pathPart, path, Map.of()));
            created[0] = id;
            return current.withResources(resources);
        });
        return api.resources().get(created[0]);
    }

    public void deleteResource(Scope scope, String apiId, String resourceId) {
        update(scope, apiId, current -> {
            if (!current.resources().containsKey(resourceId)) {
                throw ApiGatewayErrors.resourceNotFound();
            }
            if (resourceId.equals(current.rootResourceId())) {
                throw ApiGatewayErrors.badRequest("Cannot delete root resource");
            }
            Map<String, RestResource> resources = new LinkedHashMap<>(current.resources());
            removeTree(resources, resourceId);
            return current.withResources(resources);
        });
    }

    private static void removeTree(Map<String, RestResource> resources, String id) {
        resources.remove(id);
        List<String> children = resources.values().stream().filter(r -> id.equals(r.parentId())).map(RestResource::id).toList();
        children.forEach(child -> removeTree(resources, child));
    }

    // ---- methods ----

    public RestMethod method(Scope scope, String apiId, String resourceId, String httpMethod) {
        RestMethod method = resource(scope, apiId, resourceId).methods().get(httpMethod);
        if (method == null) {
            throw ApiGatewayErrors.methodNotFound();
        }
        return method;
    }

    public RestMethod putMethod(Scope scope, String apiId, String resourceId, RestMethod method) {
        if (!HTTP_METHODS.contains(method.httpMethod())) {
            throw ApiGatewayErrors.badRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
        }
        if (method.authorizationType() == null || !Set.of("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS").contains(method.authorizationType())) {
            throw ApiGatewayErrors.badRequest("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS");
        }
        return changeResource(scope, apiId, resourceId, resource -> {
            if (resource.methods().containsKey(method.httpMethod())) {
                throw ApiGatewayErrors.conflict("Method already exists for this resource");
            }
            return withMethod(resource, method);
        }).resources().get(resourceId).methods().get(method.httpMethod());
    }

    public void deleteMethod(Scope scope, String apiId, String resourceId, String httpMethod) {
        changeResource(scope, apiId, resourceId, resource -> {
            if (!resource.methods().containsKey(httpMethod)) {
                throw ApiGatewayErrors.methodNotFound();
            }
            Map<String, RestMethod> methods = new TreeMap<>(resource.methods());
            methods.remove(httpMethod);
            return resource.withMethods(methods);
        });
    }

    public MethodResponse putMethodResponse(Scope scope, String apiId, String resourceId, String httpMethod, MethodResponse response) {
        checkStatus(response.statusCode());
        changeMethod(scope, apiId, resourceId, httpMethod, method -> {
            Map<String, MethodResponse> responses = new TreeMap<>(method.methodResponses() == null ? Map.of() : method.methodResponses());
            responses.put(response.statusCode(), response);
            return method.withMethodResponses(responses);
        });
        return response;
    }

    public MethodResponse methodResponse(Scope scope, String apiId, String resourceId, String httpMethod, String statusCode) {
        RestMethod method = method(scope, apiId, resourceId, httpMethod);
        MethodResponse response = method.methodResponses() == null ? null : method.methodResponses().get(statusCode);
        if (response == null) {
            throw ApiGatewayErrors.notFound("Invalid Response status code specified");
        }
        return response;
    }

    // ---- integrations ----

    public RestIntegration putIntegration(Scope scope, String apiId, String resourceId, String httpMethod, RestIntegration in) {
        String type = in.type();
        if (type == null || !TYPES.contains(type)) {
            throw ApiGatewayErrors.badRequest("Invalid integration type specified. Valid options are HTTP,AWS,MOCK,HTTP_PROXY,AWS_PROXY");
        }
        if (!type.equals("MOCK")) {
            if (in.httpMethod() == null || in.httpMethod().isEmpty()) {
                throw ApiGatewayErrors.badRequest("Enumeration value for HttpMethod must be non-empty");
            }
            if (in.uri() == null || in.uri().isEmpty()) {
                throw ApiGatewayErrors.badRequest("Invalid ARN specified in the request");
            }
        }
        if (type.startsWith("AWS") && lambdaFunction(in.uri()) == null) {
            throw ApiGatewayErrors.badRequest(type.equals("AWS_PROXY")
                    ? "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations."
                    : "CloudJar supports AWS integrations with Lambda functions only (arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations)");
        }
        if (type.startsWith("HTTP")) {
            HttpTargets.checkLoopback(in.uri());
        }
        int timeout = in.timeoutInMillis() == 0 ? 29000 : in.timeoutInMillis();
        if (timeout < 50 || timeout > 29000) {
            throw ApiGatewayErrors.badRequest("Timeout should be between 50 ms and 29000 ms");
        }
        RestIntegration stored = new RestIntegration(type, type.equals("MOCK") ? null : in.httpMethod(), in.uri(),
                in.connectionType() == null ? "INTERNET" : in.connectionType(), in.credentials(), in.requestParameters(),
                in.requestTemplates(), in.passthroughBehavior() == null ? "WHEN_NO_MATCH" : in.passthroughBehavior(),
                in.contentHandling(), timeout, resourceId, in.cacheKeyParameters() == null ? List.of() : in.cacheKeyParameters(), null);
        changeMethod(scope, apiId, resourceId, httpMethod, method -> method.withIntegration(stored));
        return stored;
    }

    public RestIntegration integration(Scope scope, String apiId, String resourceId, String httpMethod) {
        RestIntegration integration = method(scope, apiId, resourceId, httpMethod).integration();
        if (integration == null) {
            throw ApiGatewayErrors.notFound("No integration defined for method");
        }
        return integration;
    }

    public void deleteIntegration(Scope scope, String apiId, String resourceId, String httpMethod) {
        changeMethod(scope, apiId, resourceId, httpMethod, method -> {
            if (method.integration() == null) {
                throw ApiGatewayErrors.notFound("No integration defined for method");
            }
            return method.withIntegration(null);
        });
    }

    public IntegrationResponse putIntegrationResponse(Scope scope, String apiId, String resourceId, String httpMethod,
                                                      IntegrationResponse response) {
        checkStatus(response.statusCode());
        changeMethod(scope, apiId, resourceId, httpMethod, method -> {
            if (method.integration() == null) {
                throw ApiGatewayErrors.notFound("No integration defined for method");
            }
            if (method.methodResponses() == null || !method.methodResponses().containsKey(response.statusCode())) {
                throw ApiGatewayErrors.notFound("Invalid Response status code specified");
            }
            Map<String, IntegrationResponse> responses = new TreeMap<>(method.integration().integrationResponses() == null
                    ? Map.of() : method.integration().integrationResponses());
            responses.put(response.statusCode(), response);
            return method.withIntegration(method.integration().withIntegrationResponses(responses));
        });
        return response;
    }

    public IntegrationResponse integrationResponse(Scope scope, String apiId, String resourceId, String httpMethod, String statusCode) {
        RestIntegration integration = integration(scope, apiId, resourceId, httpMethod);
        IntegrationResponse response = integration.integrationResponses() == null ? null : integration.integrationResponses().get(statusCode);
        if (response == null) {
            throw ApiGatewayErrors.notFound("Invalid Response status code specified");
        }
        return response;
    }

    /** The function of a Lambda integration URI, or null when the URI does not name one. */
    public static String lambdaFunction(String uri) {
        if (uri == null) {
            return null;
        }
        var m = LAMBDA_URI.matcher(uri);
        return m.matches() ? m.group(1) : null;
    }

    private static void checkStatus(String statusCode) {
        if (statusCode == null || !statusCode.matches("[1-5]\\d\\d")) {
            throw ApiGatewayErrors.badRequest("Invalid status code specified: " + statusCode);
        }
    }

    private RestApiRecord changeResource(Scope scope, String apiId, String resourceId, UnaryOperator<RestResource> change) {
        return update(scope, apiId, current -> {
            RestResource resource = current.resources().get(resourceId);
            if (resource == null) {
                throw ApiGatewayErrors.resourceNotFound();
            }
            Map<String, RestResource> resources = new LinkedHashMap<>(current.resources());
            resources.put(resourceId, change.apply(resource));
            return current.withResources(resources);
        });
    }

    void changeMethod(Scope scope, String apiId, String resourceId, String httpMethod, UnaryOperator<RestMethod> change) {
        changeResource(scope, apiId, resourceId, resource -> {
            RestMethod method = resource.methods().get(httpMethod);
            if (method == null) {
                throw ApiGatewayErrors.methodNotFound();
            }
            return withMethod(resource, change.apply(method));
        });
    }

    private static RestResource withMethod(RestResource resource, RestMethod method) {
        Map<String, RestMethod> methods = new TreeMap<>(resource.methods());
        methods.put(method.httpMethod(), method);
        return resource.withMethods(methods);
    }
}
