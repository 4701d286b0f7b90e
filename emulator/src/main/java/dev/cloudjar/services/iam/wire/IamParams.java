package dev.cloudjar.services.iam.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.services.iam.IamPolicies;
import dev.cloudjar.services.iam.model.IamTag;
import dev.cloudjar.services.iam.model.PolicyEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Binds IAM's Query parameters that are not plain strings: tags, integers, booleans, enums. */
final class IamParams {
    private IamParams() {
    }

    /** {@code Tags.member.N.Key} / {@code .Value}; null when none were sent. */
    static List<IamTag> tags(Map<String, String> params) {
        List<Map<String, String>> groups = QueryProtocol.indexedGroups(params, "Tags.member");
        if (groups.isEmpty()) {
            return params.containsKey("Tags") ? List.of() : null;
        }
        List<IamTag> tags = new ArrayList<>();
        for (Map<String, String> group : groups) {
            tags.add(new IamTag(group.get("Key"), group.get("Value")));
        }
        return tags;
    }

    static boolean bool(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw new AwsException(400, "MalformedInput", "Invalid value for parameter " + name + ": " + value);
        }
        return Boolean.parseBoolean(value);
    }

    static IamPolicies.ListScope scope(Map<String, String> params) {
        String value = params.get("Scope");
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (IamPolicies.ListScope scope : IamPolicies.ListScope.values()) {
            if (scope.name().equals(value)) {
                return scope;
            }
        }
        throw new AwsException(400, "ValidationError", "1 validation error detected: Value '" + value
                + "' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
    }

    /** ListEntitiesForPolicy's EntityFilter: Role or User (CloudJar has no groups, so Group matches nothing). */
    static PolicyEntity.Kind entityFilter(Map<String, String> params) {
        String value = params.get("EntityFilter");
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "Role" -> PolicyEntity.Kind.Role;
            case "User" -> PolicyEntity.Kind.User;
            case "Group", "LocalManagedPolicy", "AWSManagedPolicy" -> PolicyEntity.Kind.None;
            default -> throw new AwsException(400, "ValidationError", "1 validation error detected: Value '" + value
                    + "' at 'entityFilter' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]");
        };
    }
}
