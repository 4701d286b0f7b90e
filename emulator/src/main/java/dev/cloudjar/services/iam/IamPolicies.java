package dev.cloudjar.services.iam;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.iam.model.AttachedPolicy;
import dev.cloudjar.services.iam.model.IamPage;
import dev.cloudjar.services.iam.model.IamTag;
import dev.cloudjar.services.iam.model.ManagedPolicy;
import dev.cloudjar.services.iam.model.ManagedPolicyRecord;
import dev.cloudjar.services.iam.model.PolicyEntity;
import dev.cloudjar.services.iam.model.PolicyVersion;
import dev.cloudjar.services.iam.model.RoleRecord;
import dev.cloudjar.services.iam.model.UserRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Managed policies: the account's own (customer managed, with up to five versions) and the AWS
 * managed ones, which every account sees. Attachment counts are counted from the roles and users
 * of the account when asked, so they can never drift from the attachments themselves.
 */
public final class IamPolicies {
    /** Which policies ListPolicies shows, as its {@code Scope} parameter says. */
    public enum ListScope { All, AWS, Local }

    private static final int MAX_VERSIONS = 5;
    private static final int MAX_ATTACHED = 10;

    private final ServiceContext ctx;
    private final IamState state;
    private final AwsManagedPolicies aws;

    IamPolicies(ServiceContext ctx, IamState state, AwsManagedPolicies aws) {
        this.ctx = ctx;
        this.state = state;
        this.aws = aws;
    }

    public ManagedPolicy create(String account, String policyName, String path, String document, String description,
                                List<IamTag> tags) {
        IamValidation.name(policyName, "policyName", 128);
        String checkedPath = IamValidation.path(path);
        IamValidation.required(document, "policyDocument");
        IamValidation.description(description);
        List<IamTag> checkedTags = IamValidation.tags(tags);
        validate(document);
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            String key = IamState.key(account, policyName);
            if (state.policies.containsKey(key)) {
                throw IamErrors.alreadyExists("A policy called " + policyName + " already exists. Duplicate names are not allowed.");
            }
            long now = ctx.clock().millis();
            String arn = "arn:aws:iam::" + account + ":policy" + checkedPath + policyName;
            ManagedPolicyRecord record = new ManagedPolicyRecord(1, policyName, "ANPA" + ctx.ids().base32(17), checkedPath, arn,
                    description, now, now, "v1", List.of(new PolicyVersion("v1", document, true, now)), 2, checkedTags);
            state.policies.put(key, record);
            return new ManagedPolicy(record, 0);
        } finally {
            lock.unlock();
        }
    }

    public ManagedPolicy get(String account, String policyArn) {
        ManagedPolicyRecord record = require(account, policyArn);
        return new ManagedPolicy(record, attachmentCounts(account).getOrDefault(record.arn(), 0));
    }

    public PolicyVersion getVersion(String account, String policyArn, String versionId) {
        ManagedPolicyRecord record = require(account, policyArn);
        IamValidation.required(versionId, "versionId");
        PolicyVersion version = record.findVersion(versionId);
        if (version == null) {
            throw IamErrors.noSuchEntity("Policy " + policyArn + " version " + versionId + " does not exist or is not attachable.");
        }
        return version;
    }

    public IamPage<ManagedPolicy> list(String account, ListScope scope, boolean onlyAttached, String pathPrefix, String marker,
                                       Integer maxItems) {
        String prefix = IamValidation.pathPrefix(pathPrefix);
        int max = IamValidation.maxItems(maxItems);
        ListScope listScope = scope == null ? ListScope.All : scope;
        Map<String, Integer> counts = attachmentCounts(account);
        List<ManagedPolicy> matching = new ArrayList<>();
        List<ManagedPolicyRecord> candidates = new ArrayList<>();
        if (listScope != ListScope.Local) {
            candidates.addAll(aws.all());
        }
        if (listScope != ListScope.AWS) {
            candidates.addAll(IamState.all(state.policies, account));
        }
        for (ManagedPolicyRecord record : candidates) {
            int count = counts.getOrDefault(record.arn(), 0);
            if (record.path().startsWith(prefix) && (!onlyAttached || count > 0)) {
                matching.add(new ManagedPolicy(record, count));
            }
        }
        matching.sort(Comparator.comparing(IamPolicies::sortKey));
        return IamState.page(matching, IamPolicies::sortKey, marker, max);
    }

    public void delete(String account, String policyArn) {
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            ManagedPolicyRecord record = requireOwn(account, policyArn, "Cannot delete policies outside your own account.");
            if (attachmentCounts(account).getOrDefault(record.arn(), 0) > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (record.versions().size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
            }
            state.policies.remove(IamState.key(account, record.policyName()));
        } finally {
            lock.unlock();
        }
    }

    public PolicyVersion createVersion(String account, String policyArn, String document, boolean setAsDefault) {
        IamValidation.required(document, "policyDocument");
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            ManagedPolicyRecord record = requireOwn(account, policyArn, "Cannot modify policies outside your own account.");
            validate(document);
            if (record.versions().size() >= MAX_VERSIONS) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + MAX_VERSIONS
                        + " versions. Before you create a new version, you must delete an existing version.");
            }
            long now = ctx.clock().millis();
            PolicyVersion created = new PolicyVersion("v" + record.nextVersion(), document, setAsDefault, now);
            List<PolicyVersion> versions = new ArrayList<>();
            for (PolicyVersion v : record.versions()) {
                versions.add(setAsDefault ? v.asDefault(false) : v);
            }
            versions.add(created);
            String defaultId = setAsDefault ? created.versionId() : record.defaultVersionId();
            save(account, record.withVersions(versions, defaultId, record.nextVersion() + 1, now));
            return created;
        } finally {
            lock.unlock();
        }
    }

    /** Newest first, as AWS lists them. */
    public IamPage<PolicyVersion> listVersions(String account, String policyArn, String marker, Integer maxItems) {
        int max = IamValidation.maxItems(maxItems);
        List<PolicyVersion> versions = new ArrayList<>(require(account, policyArn).versions());
        versions.sort(Comparator.comparing(IamPolicies::versionSortKey));
        return IamState.page(versions, IamPolicies::versionSortKey, marker, max);
    }

    public void deleteVersion(String account, String policyArn, String versionId) {
        IamValidation.required(versionId, "versionId");
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            ManagedPolicyRecord record = requireOwn(account, policyArn, "Cannot modify policies outside your own account.");
            PolicyVersion version = record.findVersion(versionId);
            if (version == null) {
                throw IamErrors.noSuchEntity("Policy " + policyArn + " version " + versionId + " does not exist or is not deletable.");
            }
            if (version.defaultVersion()) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            List<PolicyVersion> versions = new ArrayList<>(record.versions());
            versions.remove(version);
            save(account, record.withVersions(versions, record.defaultVersionId(), record.nextVersion(), ctx.clock().millis()));
        } finally {
            lock.unlock();
        }
    }

    public void setDefaultVersion(String account, String policyArn, String versionId) {
        IamValidation.required(versionId, "versionId");
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            ManagedPolicyRecord record = requireOwn(account, policyArn, "Cannot modify policies outside your own account.");
            if (record.findVersion(versionId) == null) {
                throw IamErrors.noSuchEntity("Policy " + policyArn + " version " + versionId + " does not exist or is not attachable.");
            }
            List<PolicyVersion> versions = new ArrayList<>();
            for (PolicyVersion v : record.versions()) {
                versions.add(v.asDefault(v.versionId().equals(versionId)));
            }
            save(account, record.withVersions(versions, versionId, record.nextVersion(), ctx.clock().millis()));
        } finally {
            lock.unlock();
        }
    }

    public void tag(String account, String policyArn, List<IamTag> tags) {
        IamValidation.required(tags, "tags");
        modifyOwn(account, policyArn, p -> p.withTags(IamValidation.mergeTags(p.tags(), tags)));
    }

    public void untag(String account, String policyArn, List<String> tagKeys) {
        modifyOwn(account, policyArn, p -> p.withTags(IamValidation.removeTags(p.tags(), tagKeys)));
    }

    public IamPage<IamTag> listTags(String account, String policyArn, String marker, Integer maxItems) {
        int max = IamValidation.maxItems(maxItems);
        return IamState.pageInOrder(require(account, policyArn).tags(), marker, max);
    }

    /** The roles and users of the account the policy is attached to (roles first), optionally of one kind and path. */
    public IamPage<PolicyEntity> listEntities(String account, String policyArn, PolicyEntity.Kind filter, String pathPrefix,
                                              String marker, Integer maxItems) {
        String arn = require(account, policyArn).arn();
        String prefix = IamValidation.pathPrefix(pathPrefix);
        int max = IamValidation.maxItems(maxItems);
        List<PolicyEntity> entities = new ArrayList<>();
        if (filter == null || filter == PolicyEntity.Kind.Role) {
            for (RoleRecord role : IamState.all(state.roles, account)) {
                if (role.attachedPolicies().contains(arn) && role.path().startsWith(prefix)) {
                    entities.add(new PolicyEntity(PolicyEntity.Kind.Role, role.roleName(), role.roleId()));
                }
            }
        }
        if (filter == null || filter == PolicyEntity.Kind.User) {
            for (UserRecord user : IamState.all(state.users, account)) {
                if (user.attachedPolicies().contains(arn) && user.path().startsWith(prefix)) {
                    entities.add(new PolicyEntity(PolicyEntity.Kind.User, user.userName(), user.userId()));
                }
            }
        }
        return IamState.pageInOrder(entities, marker, max);
    }

    /** The policy an Attach*Policy call names; NoSuchEntity "does not exist or is not attachable" otherwise. */
    ManagedPolicyRecord attachable(String account, String policyArn) {
        IamValidation.policyArn(policyArn);
        ManagedPolicyRecord record = find(account, policyArn);
        if (record == null) {
            throw IamErrors.notAttachable(policyArn);
        }
        return record;
    }

    /** The attached policies with one more; the same list when it is already attached; at most 10 ("PoliciesPerRole"...). */
    static List<String> attach(List<String> attached, String arn, String quotaName) {
        if (attached.contains(arn)) {
            return attached;
        }
        if (attached.size() >= MAX_ATTACHED) {
            throw IamErrors.limitExceeded("Cannot exceed quota for " + quotaName + ": " + MAX_ATTACHED);
        }
        List<String> result = new ArrayList<>(attached);
        result.add(arn);
        return List.copyOf(result);
    }

    /** The attached policies without one; NoSuchEntity when it is not attached. */
    static List<String> detach(List<String> attached, String arn) {
        if (!attached.contains(arn)) {
            throw IamErrors.noSuchPolicy(arn);
        }
        List<String> result = new ArrayList<>(attached);
        result.remove(arn);
        return List.copyOf(result);
    }

    /** How many roles and users of the account have each policy attached. */
    Map<String, Integer> attachmentCounts(String account) {
        Map<String, Integer> counts = new HashMap<>();
        for (RoleRecord role : IamState.all(state.roles, account)) {
            role.attachedPolicies().forEach(arn -> counts.merge(arn, 1, Integer::sum));
        }
        for (UserRecord user : IamState.all(state.users, account)) {
            user.attachedPolicies().forEach(arn -> counts.merge(arn, 1, Integer::sum));
        }
        return counts;
    }

    /** The attached policies of a role or user, in attach order, whose path starts with the prefix. */
    static IamPage<AttachedPolicy> listAttached(List<String> arns, String pathPrefix, String marker, Integer maxItems) {
        String prefix = IamValidation.pathPrefix(pathPrefix);
        int max = IamValidation.maxItems(maxItems);
        List<AttachedPolicy> matching = new ArrayList<>();
        for (String arn : arns) {
            String resource = arn.substring(arn.indexOf(":policy/") + ":policy".length());
            int slash = resource.lastIndexOf('/');
            if (resource.substring(0, slash + 1).startsWith(prefix)) {
                matching.add(new AttachedPolicy(resource.substring(slash + 1), arn));
            }
        }
        return IamState.pageInOrder(matching, marker, max);
    }

    static void validate(String document) {
        PolicyDocuments.validate(document, PolicyDocuments.Kind.PERMISSIONS);
        if (PolicyDocuments.quotaSize(document) > PolicyDocuments.MANAGED_POLICY_QUOTA) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PolicySize: " + PolicyDocuments.MANAGED_POLICY_QUOTA);
        }
    }

    private ManagedPolicyRecord require(String account, String policyArn) {
        IamValidation.policyArn(policyArn);
        ManagedPolicyRecord record = find(account, policyArn);
        if (record == null) {
            throw IamErrors.noSuchPolicy(policyArn);
        }
        return record;
    }

    private ManagedPolicyRecord requireOwn(String account, String policyArn, String awsManagedMessage) {
        ManagedPolicyRecord record = require(account, policyArn);
        if (AwsManagedPolicies.isAwsManaged(record.arn())) {
            throw new AwsException(403, "AccessDenied", awsManagedMessage);
        }
        return record;
    }

    private ManagedPolicyRecord find(String account, String policyArn) {
        if (AwsManagedPolicies.isAwsManaged(policyArn)) {
            return aws.find(policyArn);
        }
        Arn arn = Arn.parseOrNull(policyArn);
        if (arn == null || !account.equals(arn.account())) {
            return null;
        }
        String name = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
        ManagedPolicyRecord record = state.policies.get(IamState.key(account, name));
        return record != null && record.arn().equals(policyArn) ? record : null;
    }

    private void modifyOwn(String account, String policyArn, UnaryOperator<ManagedPolicyRecord> change) {
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            save(account, change.apply(requireOwn(account, policyArn, "Cannot modify policies outside your own account.")));
        } finally {
            lock.unlock();
        }
    }

    private void save(String account, ManagedPolicyRecord record) {
        state.policies.put(IamState.key(account, record.policyName()), record);
    }

    private static String sortKey(ManagedPolicy policy) {
        return policy.record().policyName().toLowerCase(Locale.ROOT) + '\u0000' + policy.record().arn();
    }

    /** v10 before v9 before v1: newest first. */
    private static String versionSortKey(PolicyVersion version) {
        int number = Integer.parseInt(version.versionId().substring(1));
        return String.format("%010d", Integer.MAX_VALUE - number);
    }
}
