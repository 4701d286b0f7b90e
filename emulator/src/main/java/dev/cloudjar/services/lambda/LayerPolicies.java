package dev.cloudjar.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.lambda.model.LayerVersionRecord;
import dev.cloudjar.services.lambda.model.PolicyStatement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Layer version policies (AddLayerVersionPermission, GetLayerVersionPolicy, RemoveLayerVersionPermission):
 * statements granting {@code lambda:GetLayerVersion} to an account or to everyone, which decide whether
 * another account may read the version or configure a function with it.
 */
public final class LayerPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRINCIPAL_PATTERN = "\\d{12}|\\*|arn:(aws[a-zA-Z-]*):iam::\\d{12}:root";
    private final PersistentMap<LayerVersionRecord> versions;
    private final Supplier<String> revisions;

    LayerPolicies(PersistentMap<LayerVersionRecord> versions, Supplier<String> revisions) {
        this.versions = versions;
        this.revisions = revisions;
    }

    /** {statement JSON, revision id}. */
    public String[] add(Scope caller, String layerName, String versionNumber, String statementId, String action,
                        String principal, String organizationId, String revisionId) {
        LayerRef ref = owned(caller, layerName, versionNumber, "lambda:AddLayerVersionPermission");
        if (statementId == null || !statementId.matches("[a-zA-Z0-9-_]{1,100}")) {
            throw LambdaErrors.validation(statementId, "statementId", "Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)");
        }
        if (!"lambda:GetLayerVersion".equals(action)) {
            throw LambdaErrors.validation(action, "action", "Member must satisfy regular expression pattern: lambda:GetLayerVersion");
        }
        if (principal == null || !principal.matches(PRINCIPAL_PATTERN)) {
            throw LambdaErrors.validation(principal, "principal", "Member must satisfy regular expression pattern: " + PRINCIPAL_PATTERN);
        }
        if (organizationId != null && !organizationId.matches("o-[a-z0-9]{10,32}")) {
            throw LambdaErrors.validation(organizationId, "organizationId", "Member must satisfy regular expression pattern: o-[a-z0-9]{10,32}");
        }
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", statementId);
        statement.put("Effect", "Allow");
        if ("*".equals(principal)) {
            statement.put("Principal", "*");
        } else {
            statement.putObject("Principal").put("AWS", principal.startsWith("arn:") ? principal : "arn:aws:iam::" + principal + ":root");
        }
        statement.put("Action", action);
        statement.put("Resource", ref.versionArn());
        if (organizationId != null) {
            statement.putObject("Condition").putObject("StringEquals").put("aws:PrincipalOrgID", organizationId);
        }
        String json = statement.toString();
        LayerVersionRecord updated = change(ref, record -> {
            checkRevision(record, revisionId);
            if (record.policy().stream().anyMatch(s -> s.sid().equals(statementId))) {
                throw LambdaErrors.conflict("The statement id (" + statementId + ") provided already exists. Please provide a new "
                        + "statement id, or remove the existing statement.");
            }
            List<PolicyStatement> next = new ArrayList<>(record.policy());
            next.add(new PolicyStatement(statementId, null, json));
            return record.withPolicy(next, revisions.get());
        });
        return new String[] {json, updated.policyRevision()};
    }

    /** {policy JSON, revision id}. */
    public String[] get(Scope caller, String layerName, String versionNumber) {
        LayerRef ref = owned(caller, layerName, versionNumber, "lambda:GetLayerVersionPolicy");
        LayerVersionRecord record = versions.get(ref.versionKey());
        if (record == null) {
            throw missing(ref);
        }
        if (record.policy().isEmpty()) {
            throw LambdaErrors.notFound("No policy is associated with the given resource.");
        }
        ArrayNode statements = JSON.createArrayNode();
        record.policy().forEach(s -> statements.add(parse(s)));
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.put("Id", "default");
        policy.set("Statement", statements);
        return new String[] {policy.toString(), record.policyRevision()};
    }

    public void remove(Scope caller, String layerName, String versionNumber, String statementId, String revisionId) {
        LayerRef ref = owned(caller, layerName, versionNumber, "lambda:RemoveLayerVersionPermission");
        change(ref, record -> {
            checkRevision(record, revisionId);
            List<PolicyStatement> next = new ArrayList<>(record.policy());
            if (!next.removeIf(s -> s.sid().equals(statementId))) {
                throw LambdaErrors.notFound("Statement " + statementId + " is not found in resource policy.");
            }
            return record.withPolicy(next, revisions.get());
        });
    }

    /** True when a statement grants the account (an account principal or everyone; organization conditions never match here). */
    boolean grants(LayerVersionRecord record, String account) {
        for (PolicyStatement s : record.policy()) {
            JsonNode statement = parse(s);
            if (statement.has("Condition")) {
                continue;
            }
            JsonNode principal = statement.path("Principal");
            if ("*".equals(principal.asText(null)) || ("arn:aws:iam::" + account + ":root").equals(principal.path("AWS").asText())) {
                return true;
            }
        }
        return false;
    }

    private LayerRef owned(Scope caller, String layerName, String versionNumber, String action) {
        LayerRef ref = LayerRef.parse(caller, layerName, versionNumber);
        if (ref.version() == 0) {
            throw LambdaErrors.validation("null", "versionNumber", "Member must not be null");
        }
        if (!ref.scope().account().equals(caller.account())) {
            throw LambdaErrors.layerAccessDenied(caller.account(), action, ref.versionArn());
        }
        return ref;
    }

    private LayerVersionRecord change(LayerRef ref, java.util.function.UnaryOperator<LayerVersionRecord> update) {
        AtomicReference<LayerVersionRecord> result = new AtomicReference<>();
        versions.compute(ref.versionKey(), current -> {
            if (current == null) {
                throw missing(ref);
            }
            LayerVersionRecord next = update.apply(current);
            result.set(next);
            return next;
        });
        return result.get();
    }

    private static void checkRevision(LayerVersionRecord record, String revisionId) {
        if (revisionId != null && !revisionId.equals(record.policyRevision())) {
            throw new dev.cloudjar.core.AwsException(412, "PreconditionFailedException", "The Revision Id provided does not match "
                    + "the latest Revision Id. Call the GetLayerPolicy API to retrieve the latest Revision Id");
        }
    }

    private static dev.cloudjar.core.AwsException missing(LayerRef ref) {
        return LambdaErrors.notFound("Layer version " + ref.versionArn() + " does not exist.");
    }

    private static JsonNode parse(PolicyStatement statement) {
        try {
            return JSON.readTree(statement.json());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
