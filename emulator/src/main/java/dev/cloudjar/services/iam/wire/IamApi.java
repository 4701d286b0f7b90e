package dev.cloudjar.services.iam.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.iam.IamBackend;
import dev.cloudjar.services.iam.IamPolicies;
import dev.cloudjar.services.iam.IamRoles;
import dev.cloudjar.services.iam.model.AttachedPolicy;
import dev.cloudjar.services.iam.model.IamPage;
import dev.cloudjar.services.iam.model.IamTag;
import dev.cloudjar.services.iam.model.InlinePolicy;
import dev.cloudjar.services.iam.model.ManagedPolicy;
import dev.cloudjar.services.iam.model.PolicyEntity;
import dev.cloudjar.services.iam.model.PolicyVersion;
import dev.cloudjar.services.iam.model.RoleRecord;
import java.util.Map;

/**
 * IAM over the Query protocol (Version 2010-05-08): roles, their inline and attached policies, and
 * managed policies here; users, access keys and instance profiles in {@link IamUserOperations}.
 * IAM is global, so only the caller's account is passed to the backend.
 */
public final class IamApi implements AwsService {
    static final String XMLNS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final IamRoles roles;
    private final IamPolicies policies;
    private final OperationTable operations = new OperationTable();

    public IamApi(IamBackend backend) {
        this.roles = backend.roles();
        this.policies = backend.policies();
        operations.register("CreateRole", this::createRole)
                .register("GetRole", this::getRole)
                .register("ListRoles", this::listRoles)
                .register("UpdateRole", this::updateRole)
                .register("UpdateRoleDescription", this::updateRoleDescription)
                .register("UpdateAssumeRolePolicy", this::updateAssumeRolePolicy)
                .register("DeleteRole", this::deleteRole)
                .register("TagRole", this::tagRole)
                .register("UntagRole", this::untagRole)
                .register("ListRoleTags", this::listRoleTags)
                .register("PutRolePolicy", this::putRolePolicy)
                .register("GetRolePolicy", this::getRolePolicy)
                .register("DeleteRolePolicy", this::deleteRolePolicy)
                .register("ListRolePolicies", this::listRolePolicies)
                .register("AttachRolePolicy", this::attachRolePolicy)
                .register("DetachRolePolicy", this::detachRolePolicy)
                .register("ListAttachedRolePolicies", this::listAttachedRolePolicies)
                .register("CreatePolicy", this::createPolicy)
                .register("GetPolicy", this::getPolicy)
                .register("ListPolicies", this::listPolicies)
                .register("DeletePolicy", this::deletePolicy)
                .register("GetPolicyVersion", this::getPolicyVersion)
                .register("CreatePolicyVersion", this::createPolicyVersion)
                .register("ListPolicyVersions", this::listPolicyVersions)
                .register("DeletePolicyVersion", this::deletePolicyVersion)
                .register("SetDefaultPolicyVersion", this::setDefaultPolicyVersion)
                .register("TagPolicy", this::tagPolicy)
                .register("UntagPolicy", this::untagPolicy)
                .register("ListPolicyTags", this::listPolicyTags)
                .register("ListEntitiesForPolicy", this::listEntitiesForPolicy);
        new IamUserOperations(backend.users(), backend.instanceProfiles()).register(operations);
    }

    @Override
    public String serviceName() {
        return "iam";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return QueryProtocol.dispatch(operations, request, XMLNS);
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        return QueryProtocol.error(error, XMLNS, request);
    }

    static String account(AwsRequest r) {
        return r.scope().account();
    }

    // ---------------------------------------------------------------- roles

    private AwsResponse createRole(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        RoleRecord role = roles.create(account(r), p.get("RoleName"), p.get("Path"), p.get("AssumeRolePolicyDocument"),
                p.get("Description"), QueryProtocol.integer(p, "MaxSessionDuration"), p.get("PermissionsBoundary"), IamParams.tags(p));
        return QueryProtocol.ok("CreateRole", XMLNS, r, x -> IamXml.role(x, "Role", role, IamXml.RoleView.FULL));
    }

    private AwsResponse getRole(AwsRequest r) {
        RoleRecord role = roles.get(account(r), QueryProtocol.params(r).get("RoleName"));
        return QueryProtocol.ok("GetRole", XMLNS, r, x -> IamXml.role(x, "Role", role, IamXml.RoleView.FULL));
    }

    private AwsResponse listRoles(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<RoleRecord> page = roles.list(account(r), p.get("PathPrefix"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListRoles", XMLNS, r, x -> IamXml.page(x, "Roles", page,
                (w, role) -> IamXml.role(w, "member", role, IamXml.RoleView.LISTED)));
    }

    private AwsResponse updateRole(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        roles.update(account(r), p.get("RoleName"), p.get("Description"), QueryProtocol.integer(p, "MaxSessionDuration"));
        return QueryProtocol.ok("UpdateRole", XMLNS, r, x -> { });
    }

    private AwsResponse updateRoleDescription(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        RoleRecord role = roles.updateDescription(account(r), p.get("RoleName"), p.get("Description"));
        return QueryProtocol.ok("UpdateRoleDescription", XMLNS, r, x -> IamXml.role(x, "Role", role, IamXml.RoleView.FULL));
    }

    private AwsResponse updateAssumeRolePolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        roles.updateAssumeRolePolicy(account(r), p.get("RoleName"), p.get("PolicyDocument"));
        return QueryProtocol.okNoResult("UpdateAssumeRolePolicy", XMLNS, r);
    }

    private AwsResponse deleteRole(AwsRequest r) {
        roles.delete(account(r), QueryProtocol.params(r).get("RoleName"));
        return QueryProtocol.okNoResult("DeleteRole", XMLNS, r);
    }

    private AwsResponse tagRole(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        roles.tag(account(r), p.get("RoleName"), IamParams.tags(p));
        return QueryProtocol.okNoResult("TagRole", XMLNS, r);
    }

    private AwsResponse untagRole(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        roles.untag(account(r), p.get("RoleName"), QueryProtocol.members(p, "TagKeys"));
        return QueryProtocol.okNoResult("UntagRole", XMLNS, r);
    }

    private AwsResponse listRoleTags(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<IamTag> page = roles.listTags(account(r), p.get("RoleName"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListRoleTags", XMLNS, r, x -> IamXml.page(x, "Tags", page, IamXml::tag));
    }

    // ---------------------------------------------------------------- role policies

    private AwsResponse putRolePolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        roles.putPolicy(account(r), p.get("RoleName"), p.get("PolicyName"), p.get("PolicyDocument"));
        return QueryProtocol.okNoResult("PutRolePolicy", XMLNS, r);
    }

    private AwsResponse getRolePolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        InlinePolicy policy = roles.getPolicy(account(r), p.get("RoleName"), p.get("PolicyName"));
        return QueryProtocol.ok("GetRolePolicy", XMLNS, r, x -> x.element("RoleName", policy.entityName())
                .element("PolicyName", policy.policyName()).element("PolicyDocument", IamXml.document(policy.document())));
    }

    private AwsResponse deleteRolePolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        roles.deletePolicy(account(r), p.get("RoleName"), p.get("PolicyName"));
        return QueryProtocol.okNoResult("DeleteRolePolicy", XMLNS, r);
    }

    private AwsResponse listRolePolicies(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<String> page = roles.listPolicies(account(r), p.get("RoleName"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListRolePolicies", XMLNS, r, x -> IamXml.page(x, "PolicyNames", page,
                (w, name) -> w.element("member", name)));
    }

    private AwsResponse attachRolePolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        roles.attachPolicy(account(r), p.get("RoleName"), p.get("PolicyArn"));
        return QueryProtocol.okNoResult("AttachRolePolicy", XMLNS, r);
    }

    private AwsResponse detachRolePolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        roles.detachPolicy(account(r), p.get("RoleName"), p.get("PolicyArn"));
        return QueryProtocol.okNoResult("DetachRolePolicy", XMLNS, r);
    }

    private AwsResponse listAttachedRolePolicies(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<AttachedPolicy> page = roles.listAttachedPolicies(account(r), p.get("RoleName"), p.get("PathPrefix"),
                p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListAttachedRolePolicies", XMLNS, r, x -> IamXml.page(x, "AttachedPolicies", page, IamXml::attached));
    }

    // ---------------------------------------------------------------- managed policies

    private AwsResponse createPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        ManagedPolicy policy = policies.create(account(r), p.get("PolicyName"), p.get("Path"), p.get("PolicyDocument"),
                p.get("Description"), IamParams.tags(p));
        return QueryProtocol.ok("CreatePolicy", XMLNS, r, x -> IamXml.policy(x, "Policy", policy));
    }

    private AwsResponse getPolicy(AwsRequest r) {
        ManagedPolicy policy = policies.get(account(r), QueryProtocol.params(r).get("PolicyArn"));
        return QueryProtocol.ok("GetPolicy", XMLNS, r, x -> IamXml.policy(x, "Policy", policy));
    }

    private AwsResponse listPolicies(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<ManagedPolicy> page = policies.list(account(r), IamParams.scope(p), IamParams.bool(p, "OnlyAttached"),
                p.get("PathPrefix"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListPolicies", XMLNS, r, x -> IamXml.page(x, "Policies", page,
                (w, policy) -> IamXml.policy(w, "member", policy)));
    }

    private AwsResponse deletePolicy(AwsRequest r) {
        policies.delete(account(r), QueryProtocol.params(r).get("PolicyArn"));
        return QueryProtocol.okNoResult("DeletePolicy", XMLNS, r);
    }

    private AwsResponse getPolicyVersion(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        PolicyVersion version = policies.getVersion(account(r), p.get("PolicyArn"), p.get("VersionId"));
        return QueryProtocol.ok("GetPolicyVersion", XMLNS, r, x -> IamXml.version(x, "PolicyVersion", version));
    }

    private AwsResponse createPolicyVersion(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        PolicyVersion version = policies.createVersion(account(r), p.get("PolicyArn"), p.get("PolicyDocument"),
                IamParams.bool(p, "SetAsDefault"));
        return QueryProtocol.ok("CreatePolicyVersion", XMLNS, r, x -> IamXml.version(x, "PolicyVersion", version));
    }

    private AwsResponse listPolicyVersions(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<PolicyVersion> page = policies.listVersions(account(r), p.get("PolicyArn"), p.get("Marker"),
                QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListPolicyVersions", XMLNS, r, x -> IamXml.page(x, "Versions", page,
                (w, version) -> IamXml.version(w, "member", version)));
    }

    private AwsResponse deletePolicyVersion(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        policies.deleteVersion(account(r), p.get("PolicyArn"), p.get("VersionId"));
        return QueryProtocol.okNoResult("DeletePolicyVersion", XMLNS, r);
    }

    private AwsResponse setDefaultPolicyVersion(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        policies.setDefaultVersion(account(r), p.get("PolicyArn"), p.get("VersionId"));
        return QueryProtocol.okNoResult("SetDefaultPolicyVersion", XMLNS, r);
    }

    private AwsResponse tagPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        policies.tag(account(r), p.get("PolicyArn"), IamParams.tags(p));
        return QueryProtocol.okNoResult("TagPolicy", XMLNS, r);
    }

    private AwsResponse untagPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        policies.untag(account(r), p.get("PolicyArn"), QueryProtocol.members(p, "TagKeys"));
        return QueryProtocol.okNoResult("UntagPolicy", XMLNS, r);
    }

    private AwsResponse listPolicyTags(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<IamTag> page = policies.listTags(account(r), p.get("PolicyArn"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListPolicyTags", XMLNS, r, x -> IamXml.page(x, "Tags", page, IamXml::tag));
    }

    private AwsResponse listEntitiesForPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<PolicyEntity> page = policies.listEntities(account(r), p.get("PolicyArn"), IamParams.entityFilter(p),
                p.get("PathPrefix"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListEntitiesForPolicy", XMLNS, r, x -> {
            x.empty("PolicyGroups");
            entities(x, "PolicyUsers", page, PolicyEntity.Kind.User, "UserName", "UserId");
            entities(x, "PolicyRoles", page, PolicyEntity.Kind.Role, "RoleName", "RoleId");
            x.element("IsTruncated", page.truncated()).element("Marker", page.marker());
        });
    }

    private static void entities(XmlWriter x, String element, IamPage<PolicyEntity> page, PolicyEntity.Kind kind, String name, String id) {
        x.start(element);
        for (PolicyEntity entity : page.items()) {
            if (entity.kind() == kind) {
                x.start("member").element(name, entity.name()).element(id, entity.id()).end();
            }
        }
        x.end();
    }
}
