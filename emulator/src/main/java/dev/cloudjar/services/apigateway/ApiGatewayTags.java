package dev.cloudjar.services.apigateway;

import dev.cloudjar.core.Scope;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tags of REST APIs, stages, API keys, usage plans and HTTP APIs, by ARN. */
public final class ApiGatewayTags {
    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:apigateway:([a-z0-9-]+)::/(restapis/([^/]+)(/stages/([^/]+))?|apikeys/([^/]+)|usageplans/([^/]+)|apis/([^/]+)(/stages/([^/]+))?)");
    private final ApiGatewayState state;

    ApiGatewayTags(ApiGatewayState state) {
        this.state = state;
    }

    public Map<String, String> get(Scope scope, String arn) {
        return state.tagsOf(scope, checked(scope, arn));
    }

    public void tag(Scope scope, String arn, Map<String, String> tags) {
        String key = checked(scope, arn);
        if (tags == null || tags.isEmpty()) {
            throw ApiGatewayErrors.badRequest("Tags must not be empty");
        }
        Map<String, String> merged = new TreeMap<>(state.tagsOf(scope, key));
        merged.putAll(tags);
        if (merged.size() > 50) {
            throw ApiGatewayErrors.badRequest("Too many tags: a resource may have 50");
        }
        state.putTags(scope, key, merged);
    }

    public void untag(Scope scope, String arn, List<String> keys) {
        String key = checked(scope, arn);
        Map<String, String> merged = new TreeMap<>(state.tagsOf(scope, key));
        if (keys != null) {
            keys.forEach(merged::remove);
        }
        state.putTags(scope, key, merged);
    }

    /** The ARN when it names an existing resource of this scope, else NotFoundException. */
    private String checked(Scope scope, String arn) {
        Matcher m = arn == null ? null : ARN.matcher(arn);
        if (m == null || !m.matches()) {
            throw ApiGatewayErrors.badRequest("Invalid ARN specified in the request");
        }
        Scope at = new Scope(scope.account(), m.group(1));
        boolean exists;
        if (m.group(3) != null) {
            var api = state.rest(at, m.group(3));
            exists = api != null && (m.group(5) == null || api.stages().containsKey(m.group(5)));
        } else if (m.group(6) != null) {
            exists = state.apiKeys.containsKey(ApiGatewayState.key(at, m.group(6)));
        } else if (m.group(7) != null) {
            exists = state.usagePlans.containsKey(ApiGatewayState.key(at, m.group(7)));
        } else {
            var api = state.http(at, m.group(8));
            exists = api != null && (m.group(10) == null || api.stages().containsKey(m.group(10)));
        }
        if (!exists) {
            throw ApiGatewayErrors.notFound("Invalid resource identifier specified: " + arn);
        }
        return arn;
    }
}
