package dev.cloudjar.services.iam;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.services.iam.model.AttachedPolicy;
import dev.cloudjar.services.iam.model.IamPage;
import dev.cloudjar.services.iam.model.IamTag;
import dev.cloudjar.services.iam.model.InlinePolicy;
import dev.cloudjar.services.iam.model.InstanceProfileRecord;
import dev.cloudjar.services.iam.model.RoleRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/** Roles: their trust policies, settings, tags, inline policies and attached managed policies. */
public final class IamRoles {
    private static final int MAX_ROLES = 1000;

    private final ServiceContext ctx;
    private final IamState state;
    private final IamPolicies policies;

    IamRoles(ServiceContext ctx, IamState state, IamPolicies policies) {
        this.ctx = ctx;
        this.state = state;
        this.policies = policies;
    }

    public RoleRecord create(String account, String roleName, String path, String assumeRolePolicyDocument, String description,
                             Integer maxSessionDuration, String permissionsBoundary, List<IamTag> tags) {
        IamValidation.name(roleName, "roleName", 64);
        String checkedPath = IamValidation.path(path);
        validateTrustPolicy(IamValidation.required(assumeRolePolicyDocument, "assumeRolePolicyDocument"));
        IamValidation.description(description);
        int duration = IamValidation.maxSessionDuration(maxSessionDuration, 3600);
        IamValidation.permissionsBoundary(permissionsBoundary);
        List<IamTag> checkedTags = IamValidation.tags(tags);
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            String key = IamState.key(account, roleName);
            if (state.roles.containsKey(key)) {
                throw IamErrors.alreadyExists("Role with name " + roleName + " already exists.");
            }
            if (IamState.all(state.roles, account).size() >= MAX_ROLES) {
                throw IamErrors.limitExceeded("Cannot exceed quota for RolesPerAccount: " + MAX_ROLES);
            }
            RoleRecord role = new RoleRecord(1, roleName, "AROA" + ctx.ids().base32(17), checkedPath,
                    "arn:aws:iam::" + account + ":role" + checkedPath + roleName, ctx.clock().millis(), assumeRolePolicyDocument,
                    description, duration, permissionsBoundary, checkedTags, Map.of(), List.of());
            state.roles.put(key, role);
            return role;
        } finally {
            lock.unlock();
        }
    }

    public RoleRecord get(String account, String roleName) {
        IamValidation.name(roleName, "roleName", 64);
        RoleRecord role = state.roles.get(IamState.key(account, roleName));
        if (role == null) {
            throw IamErrors.noSuchRole(roleName);
        }
        return role;
    }

    public IamPage<RoleRecord> list(String account, String pathPrefix, String marker, Integer maxItems) {
        String prefix = IamValidation.pathPrefix(pathPrefix);
        int max = IamValidation.maxItems(maxItems);
        List<RoleRecord> matching = new ArrayList<>();
        for (RoleRecord role : IamState.all(state.roles, account)) {
            if (role.path().startsWith(prefix)) {
                matching.add(role);
            }
        }
        return IamState.page(matching, IamRoles::sortKey, marker, max);
    }

    /** UpdateRole: only the parameters given change. */
    public void update(String account, String roleName, String description, Integer maxSessionDuration) {
        IamValidation.description(description);
        modify(account, roleName, role -> role.withSettings(description == null ? role.description() : description,
                IamValidation.maxSessionDuration(maxSessionDuration, role.maxSessionDuration())));
    }

    public RoleRecord updateDescription(String account, String roleName, String description) {
        IamValidation.description(IamValidation.required(description, "description"));
        modify(account, roleName, role -> role.withSettings(description, role.maxSessionDuration()));
        return get(account, roleName);
    }

    public void updateAssumeRolePolicy(String account, String roleName, String policyDocument) {
        validateTrustPolicy(IamValidation.required(policyDocument, "policyDocument"));
        modify(account, roleName, role -> role.withTrustPolicy(policyDocument));
    }

    public void delete(String account, String roleName) {
        IamValidation.name(roleName, "roleName", 64);
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            RoleRecord role = get(account, roleName);
            for (InstanceProfileRecord profile : IamState.all(state.instanceProfiles, account)) {
                if (profile.roleNames().stream().anyMatch(n -> n.equalsIgnoreCase(role.roleName()))) {
                    throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
                }
            }
            if (!role.attachedPolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!role.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            state.roles.remove(IamState.key(account, roleName));
        } finally {
            lock.unlock();
        }
    }

    public void tag(String account, String roleName, List<IamTag> tags) {
        IamValidation.required(tags, "tags");
        modify(account, roleName, role -> role.withTags(IamValidation.mergeTags(role.tags(), tags)));
    }

    public void untag(String account, String roleName, List<String> tagKeys) {
        modify(account, roleName, role -> role.withTags(IamValidation.removeTags(role.tags(), tagKeys)));
    }

    public IamPage<IamTag> listTags(String account, String roleName, String marker, Integer maxItems) {
        int max = IamValidation.maxItems(maxItems);
        return IamState.pageInOrder(get(account, roleName).tags(), marker, max);
    }

    // ---------------------------------------------------------------- inline policies

    public void putPolicy(String account, String roleName, String policyName, String policyDocument) {
        IamValidation.name(policyName, "policyName", 128);
        IamValidation.required(policyDocument, "policyDocument");
        modify(account, roleName, role -> role.withInlinePolicies(PolicyDocuments.withInline(role.inlinePolicies(), policyName,
                policyDocument, PolicyDocuments.ROLE_INLINE_QUOTA, "role " + role.roleName())));
    }

    public InlinePolicy getPolicy(String account, String roleName, String policyName) {
        IamValidation.name(policyName, "policyName", 128);
        RoleRecord role = get(account, roleName);
        String document = role.inlinePolicies().get(policyName);
        if (document == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + policyName + " cannot be found.");
        }
        return new InlinePolicy(role.roleName(), policyName, document);
    }

    public void deletePolicy(String account, String roleName, String policyName) {
        IamValidation.name(policyName, "policyName", 128);
        modify(account, roleName, role -> role.withInlinePolicies(PolicyDocuments.withoutInline(role.inlinePolicies(), policyName, "role")));
    }

    public IamPage<String> listPolicies(String account, String roleName, String marker, Integer maxItems) {
        int max = IamValidation.maxItems(maxItems);
        return IamState.page(List.copyOf(get(account, roleName).inlinePolicies().keySet()), name -> name, marker, max);
    }

    // ---------------------------------------------------------------- attached managed policies

    public void attachPolicy(String account, String roleName, String policyArn) {
        modify(account, roleName, role -> role.withAttachedPolicies(
                IamPolicies.attach(role.attachedPolicies(), policies.attachable(account, policyArn).arn(), "PoliciesPerRole")));
    }

    public void detachPolicy(String account, String roleName, String policyArn) {
        IamValidation.policyArn(policyArn);
        modify(account, roleName, role -> role.withAttachedPolicies(IamPolicies.detach(role.attachedPolicies(), policyArn)));
    }

    public IamPage<AttachedPolicy> listAttachedPolicies(String account, String roleName, String pathPrefix, String marker,
                                                        Integer maxItems) {
        return IamPolicies.listAttached(get(account, roleName).attachedPolicies(), pathPrefix, marker, maxItems);
    }

    // ---------------------------------------------------------------- helpers

    private void modify(String account, String roleName, UnaryOperator<RoleRecord> change) {
        IamValidation.name(roleName, "roleName", 64);
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            RoleRecord role = get(account, roleName);
            RoleRecord changed = change.apply(role);
            if (changed != role) {
                state.roles.put(IamState.key(account, roleName), changed);
            }
        } finally {
            lock.unlock();
        }
    }

    private static void validateTrustPolicy(String document) {
        PolicyDocuments.validate(document, PolicyDocuments.Kind.TRUST);
        if (PolicyDocuments.quotaSize(document) > PolicyDocuments.TRUST_POLICY_QUOTA) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + PolicyDocuments.TRUST_POLICY_QUOTA);
        }
    }

    private static String sortKey(RoleRecord role) {
        return role.roleName().toLowerCase(Locale.ROOT);
    }
}
