package dev.cloudjar.services.iam.wire;

import static dev.cloudjar.services.iam.wire.IamApi.XMLNS;
import static dev.cloudjar.services.iam.wire.IamApi.account;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.services.iam.IamInstanceProfiles;
import dev.cloudjar.services.iam.IamUsers;
import dev.cloudjar.services.iam.model.AccessKeyRecord;
import dev.cloudjar.services.iam.model.AttachedPolicy;
import dev.cloudjar.services.iam.model.IamPage;
import dev.cloudjar.services.iam.model.IamTag;
import dev.cloudjar.services.iam.model.InlinePolicy;
import dev.cloudjar.services.iam.model.InstanceProfile;
import dev.cloudjar.services.iam.model.UserRecord;
import java.util.Map;

/** IAM's user, access key and instance profile operations, registered into {@link IamApi}'s table. */
final class IamUserOperations {
    private final IamUsers users;
    private final IamInstanceProfiles profiles;

    IamUserOperations(IamUsers users, IamInstanceProfiles profiles) {
        this.users = users;
        this.profiles = profiles;
    }

    void register(OperationTable operations) {
        operations.register("CreateUser", this::createUser)
                .register("GetUser", this::getUser)
                .register("ListUsers", this::listUsers)
                .register("DeleteUser", this::deleteUser)
                .register("TagUser", this::tagUser)
                .register("UntagUser", this::untagUser)
                .register("ListUserTags", this::listUserTags)
                .register("UpdateAccessKey", this::updateAccessKey)
                .register("GetAccessKeyLastUsed", this::getAccessKeyLastUsed)
                .register("ListAccountAliases", this::listAccountAliases)
                .register("CreateAccessKey", this::createAccessKey)
                .register("ListAccessKeys", this::listAccessKeys)
                .register("DeleteAccessKey", this::deleteAccessKey)
                .register("AttachUserPolicy", this::attachUserPolicy)
                .register("DetachUserPolicy", this::detachUserPolicy)
                .register("ListAttachedUserPolicies", this::listAttachedUserPolicies)
                .register("PutUserPolicy", this::putUserPolicy)
                .register("GetUserPolicy", this::getUserPolicy)
                .register("DeleteUserPolicy", this::deleteUserPolicy)
                .register("ListUserPolicies", this::listUserPolicies)
                .register("CreateInstanceProfile", this::createInstanceProfile)
                .register("GetInstanceProfile", this::getInstanceProfile)
                .register("ListInstanceProfiles", this::listInstanceProfiles)
                .register("ListInstanceProfilesForRole", this::listInstanceProfilesForRole)
                .register("AddRoleToInstanceProfile", this::addRoleToInstanceProfile)
                .register("RemoveRoleFromInstanceProfile", this::removeRoleFromInstanceProfile)
                .register("DeleteInstanceProfile", this::deleteInstanceProfile);
    }

    private static String accessKey(AwsRequest r) {
        return r.credential() == null ? null : r.credential().accessKey();
    }

    // ---------------------------------------------------------------- users

    private AwsResponse createUser(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        UserRecord user = users.create(account(r), p.get("UserName"), p.get("Path"), p.get("PermissionsBoundary"), IamParams.tags(p));
        return QueryProtocol.ok("CreateUser", XMLNS, r, x -> IamXml.user(x, "User", user, true));
    }

    private AwsResponse getUser(AwsRequest r) {
        UserRecord user = users.get(account(r), QueryProtocol.params(r).get("UserName"), accessKey(r));
        return QueryProtocol.ok("GetUser", XMLNS, r, x -> IamXml.user(x, "User", user, true));
    }

    private AwsResponse listUsers(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<UserRecord> page = users.list(account(r), p.get("PathPrefix"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListUsers", XMLNS, r, x -> IamXml.page(x, "Users", page, (w, u) -> IamXml.user(w, "member", u, false)));
    }

    private AwsResponse deleteUser(AwsRequest r) {
        users.delete(account(r), QueryProtocol.params(r).get("UserName"));
        return QueryProtocol.okNoResult("DeleteUser", XMLNS, r);
    }

    private AwsResponse tagUser(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        users.tag(account(r), p.get("UserName"), IamParams.tags(p));
        return QueryProtocol.okNoResult("TagUser", XMLNS, r);
    }

    private AwsResponse untagUser(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        users.untag(account(r), p.get("UserName"), QueryProtocol.members(p, "TagKeys"));
        return QueryProtocol.okNoResult("UntagUser", XMLNS, r);
    }

    private AwsResponse listUserTags(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<IamTag> page = users.listTags(account(r), p.get("UserName"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListUserTags", XMLNS, r, x -> IamXml.page(x, "Tags", page, IamXml::tag));
    }

    /** An account without an alias, as every CloudJar account is. */
    private AwsResponse listAccountAliases(AwsRequest r) {
        return QueryProtocol.ok("ListAccountAliases", XMLNS, r, x -> x.empty("AccountAliases").element("IsTruncated", false));
    }

    private AwsResponse createAccessKey(AwsRequest r) {
        AccessKeyRecord key = users.createAccessKey(account(r), QueryProtocol.params(r).get("UserName"), accessKey(r));
        return QueryProtocol.ok("CreateAccessKey", XMLNS, r, x -> IamXml.accessKey(x, "AccessKey", key, true));
    }

    private AwsResponse listAccessKeys(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<AccessKeyRecord> page = users.listAccessKeys(account(r), p.get("UserName"), accessKey(r), p.get("Marker"),
                QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListAccessKeys", XMLNS, r, x -> IamXml.page(x, "AccessKeyMetadata", page,
                (w, key) -> IamXml.accessKey(w, "member", key, false)));
    }

    private AwsResponse deleteAccessKey(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        users.deleteAccessKey(account(r), p.get("UserName"), p.get("AccessKeyId"), accessKey(r));
        return QueryProtocol.okNoResult("DeleteAccessKey", XMLNS, r);
    }

    private AwsResponse updateAccessKey(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        users.updateAccessKey(account(r), p.get("UserName"), p.get("AccessKeyId"), p.get("Status"), accessKey(r));
        return QueryProtocol.okNoResult("UpdateAccessKey", XMLNS, r);
    }

    /** CloudJar records no key use: AWS's answer for a key never used. */
    private AwsResponse getAccessKeyLastUsed(AwsRequest r) {
        AccessKeyRecord key = users.accessKey(account(r), QueryProtocol.params(r).get("AccessKeyId"));
        return QueryProtocol.ok("GetAccessKeyLastUsed", XMLNS, r, x -> x.element("UserName", key.userName())
                .start("AccessKeyLastUsed").element("ServiceName", "N/A").element("Region", "N/A").end());
    }

    private AwsResponse attachUserPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        users.attachPolicy(account(r), p.get("UserName"), p.get("PolicyArn"));
        return QueryProtocol.okNoResult("AttachUserPolicy", XMLNS, r);
    }

    private AwsResponse detachUserPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        users.detachPolicy(account(r), p.get("UserName"), p.get("PolicyArn"));
        return QueryProtocol.okNoResult("DetachUserPolicy", XMLNS, r);
    }

    private AwsResponse listAttachedUserPolicies(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<AttachedPolicy> page = users.listAttachedPolicies(account(r), p.get("UserName"), p.get("PathPrefix"),
                p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListAttachedUserPolicies", XMLNS, r, x -> IamXml.page(x, "AttachedPolicies", page, IamXml::attached));
    }

    private AwsResponse putUserPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        users.putPolicy(account(r), p.get("UserName"), p.get("PolicyName"), p.get("PolicyDocument"));
        return QueryProtocol.okNoResult("PutUserPolicy", XMLNS, r);
    }

    private AwsResponse getUserPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        InlinePolicy policy = users.getPolicy(account(r), p.get("UserName"), p.get("PolicyName"));
        return QueryProtocol.ok("GetUserPolicy", XMLNS, r, x -> x.element("UserName", policy.entityName())
                .element("PolicyName", policy.policyName()).element("PolicyDocument", IamXml.document(policy.document())));
    }

    private AwsResponse deleteUserPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        users.deletePolicy(account(r), p.get("UserName"), p.get("PolicyName"));
        return QueryProtocol.okNoResult("DeleteUserPolicy", XMLNS, r);
    }

    private AwsResponse listUserPolicies(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<String> page = users.listPolicies(account(r), p.get("UserName"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListUserPolicies", XMLNS, r, x -> IamXml.page(x, "PolicyNames", page, (w, n) -> w.element("member", n)));
    }

    // ---------------------------------------------------------------- instance profiles

    private AwsResponse createInstanceProfile(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        InstanceProfile profile = profiles.create(account(r), p.get("InstanceProfileName"), p.get("Path"), IamParams.tags(p));
        return QueryProtocol.ok("CreateInstanceProfile", XMLNS, r, x -> IamXml.instanceProfile(x, "InstanceProfile", profile));
    }

    private AwsResponse getInstanceProfile(AwsRequest r) {
        InstanceProfile profile = profiles.get(account(r), QueryProtocol.params(r).get("InstanceProfileName"));
        return QueryProtocol.ok("GetInstanceProfile", XMLNS, r, x -> IamXml.instanceProfile(x, "InstanceProfile", profile));
    }

    private AwsResponse listInstanceProfiles(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<InstanceProfile> page = profiles.list(account(r), p.get("PathPrefix"), p.get("Marker"), QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListInstanceProfiles", XMLNS, r, x -> IamXml.page(x, "InstanceProfiles", page,
                (w, profile) -> IamXml.instanceProfile(w, "member", profile)));
    }

    private AwsResponse listInstanceProfilesForRole(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        IamPage<InstanceProfile> page = profiles.listForRole(account(r), p.get("RoleName"), p.get("Marker"),
                QueryProtocol.integer(p, "MaxItems"));
        return QueryProtocol.ok("ListInstanceProfilesForRole", XMLNS, r, x -> IamXml.page(x, "InstanceProfiles", page,
                (w, profile) -> IamXml.instanceProfile(w, "member", profile)));
    }

    private AwsResponse addRoleToInstanceProfile(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        profiles.addRole(account(r), p.get("InstanceProfileName"), p.get("RoleName"));
        return QueryProtocol.okNoResult("AddRoleToInstanceProfile", XMLNS, r);
    }

    private AwsResponse removeRoleFromInstanceProfile(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        profiles.removeRole(account(r), p.get("InstanceProfileName"), p.get("RoleName"));
        return QueryProtocol.okNoResult("RemoveRoleFromInstanceProfile", XMLNS, r);
    }

    private AwsResponse deleteInstanceProfile(AwsRequest r) {
        profiles.delete(account(r), QueryProtocol.params(r).get("InstanceProfileName"));
        return QueryProtocol.okNoResult("DeleteInstanceProfile", XMLNS, r);
    }
}
