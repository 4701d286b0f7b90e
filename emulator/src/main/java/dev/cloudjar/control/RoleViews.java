package dev.cloudjar.control;

import static dev.cloudjar.control.ConsoleViews.required;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.services.iam.IamBackend;
import dev.cloudjar.services.iam.model.IamPage;
import dev.cloudjar.services.iam.model.ManagedPolicyRecord;
import dev.cloudjar.services.iam.model.PolicyVersion;
import dev.cloudjar.services.iam.model.RoleRecord;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The console's IAM views: the account's roles, and one role's trust policy, its attached managed
 * policies (each with its default version's document) and its inline policies. Policy documents are
 * shown as JSON when they parse (as stored, never URL-encoded), else as the stored text.
 */
final class RoleViews {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Supplier<IamBackend> iam;

    RoleViews(Supplier<IamBackend> iam) {
        this.iam = iam;
    }

    Object roles(AwsRequest request) {
        ArrayNode out = F.arrayNode();
        String marker = null;
        do {
            IamPage<RoleRecord> page = iam.get().roles().list(request.scope().account(), null, marker, 1000);
            for (RoleRecord r : page.items()) {
                out.addObject().put("name", r.roleName()).put("arn", r.arn()).put("path", r.path())
                        .put("created", Instant.ofEpochMilli(r.createdMillis()).toString()).put("description", r.description())
                        .put("attachedPolicies", r.attachedPolicies().size()).put("inlinePolicies", r.inlinePolicies().size());
            }
            marker = page.marker();
        } while (marker != null);
        return F.objectNode().set("roles", out);
    }

    Object role(AwsRequest request) {
        String account = request.scope().account();
        IamBackend backend = iam.get();
        RoleRecord r = backend.roles().get(account, required(request, "name"));
        ObjectNode out = F.objectNode().put("name", r.roleName()).put("arn", r.arn()).put("roleId", r.roleId()).put("path", r.path())
                .put("created", Instant.ofEpochMilli(r.createdMillis()).toString()).put("description", r.description())
                .put("maxSessionDuration", r.maxSessionDuration()).put("permissionsBoundary", r.permissionsBoundary());
        out.set("tags", RecordJson.of(r.tags()));
        out.set("trustPolicy", FlowLog.jsonOrText(r.assumeRolePolicyDocument()));
        ArrayNode attached = out.putArray("attachedPolicies");
        for (String arn : r.attachedPolicies()) {
            ObjectNode policy = attached.addObject().put("policyArn", arn);
            try {
                ManagedPolicyRecord managed = backend.policies().get(account, arn).record();
                PolicyVersion version = managed.findVersion(managed.defaultVersionId());
                policy.put("policyName", managed.policyName()).put("defaultVersionId", managed.defaultVersionId());
                policy.set("document", version == null ? F.nullNode() : FlowLog.jsonOrText(version.document()));
            } catch (AwsException e) {
                policy.putNull("document"); // detached or deleted meanwhile: the ARN is all there is
            }
        }
        ArrayNode inline = out.putArray("inlinePolicies");
        for (Map.Entry<String, String> policy : r.inlinePolicies().entrySet()) {
            inline.addObject().put("policyName", policy.getKey()).set("document", FlowLog.jsonOrText(policy.getValue()));
        }
        return out;
    }
}
