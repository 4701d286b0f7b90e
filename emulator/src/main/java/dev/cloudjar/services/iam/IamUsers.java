package dev.cloudjar.services.iam;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.services.iam.model.AccessKeyRecord;
import dev.cloudjar.services.iam.model.AttachedPolicy;
import dev.cloudjar.services.iam.model.IamPage;
import dev.cloudjar.services.iam.model.IamTag;
import dev.cloudjar.services.iam.model.InlinePolicy;
import dev.cloudjar.services.iam.model.UserRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/** Users, their access keys, inline policies and attached managed policies. */
public final class IamUsers {
    private static final int MAX_ACCESS_KEYS = 2;

    private final ServiceContext ctx;
    private final IamState state;
    private final IamPolicies policies;
    private final long rootCreated;

    IamUsers(ServiceContext ctx, IamState state, IamPolicies policies) {
        this.ctx = ctx;
        this.state = state;
        this.policies = policies;
        this.rootCreated = ctx.clock().millis();
    }

    public UserRecord create(String account, String userName, String path, String permissionsBoundary, List<IamTag> tags) {
        IamValidation.name(userName, "userName", 64);
        String checkedPath = IamValidation.path(path);
        IamValidation.permissionsBoundary(permissionsBoundary);
        List<IamTag> checkedTags = IamValidation.tags(tags);
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            String key = IamState.key(account, userName);
            if (state.users.containsKey(key)) {
                throw IamErrors.alreadyExists("User with name " + userName + " already exists.");
            }
            UserRecord user = new UserRecord(1, userName, "AIDA" + ctx.ids().base32(17), checkedPath,
                    "arn:aws:iam::" + account + ":user" + checkedPath + userName, ctx.clock().millis(), permissionsBoundary,
                    checkedTags, Map.of(), List.of());
            state.users.put(key, user);
            return user;
        } finally {
            lock.unlock();
        }
    }

    /**
     * GetUser: the named user, or without a name the caller: the user owning the access key the
     * request was signed with, else the account's root user (which has no user name).
     */
    public UserRecord get(String account, String userName, String callerAccessKey) {
        if (userName != null) {
            return require(account, userName);
        }
        AccessKeyRecord key = callerAccessKey == null ? null : state.accessKeys.get(IamState.key(account, callerAccessKey));
        if (key != null) {
            return require(account, key.userName());
        }
        return new UserRecord(1, null, account, "/", "arn:aws:iam::" + account + ":root", rootCreated, null, List.of(), Map.of(),
                List.of());
    }

    public IamPage<UserRecord> list(String account, String pathPrefix, String marker, Integer maxItems) {
        String prefix = IamValidation.pathPrefix(pathPrefix);
        int max = IamValidation.maxItems(maxItems);
        List<UserRecord> matching = new ArrayList<>();
        for (UserRecord user : IamState.all(state.users, account)) {
            if (user.path().startsWith(prefix)) {
                matching.add(user);
            }
        }
        return IamState.page(matching, u -> u.userName().toLowerCase(Locale.ROOT), marker, max);
    }

    public void delete(String account, String userName) {
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            UserRecord user = require(account, userName);
            if (!keysOf(account, user.userName()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (!user.attachedPolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!user.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            state.users.remove(IamState.key(account, userName));
        } finally {
            lock.unlock();
        }
    }

    public void tag(String account, String userName, List<IamTag> tags) {
        IamValidation.required(tags, "tags");
        modify(account, userName, user -> user.withTags(IamValidation.mergeTags(user.tags(), tags)));
    }

    public void untag(String account, String userName, List<String> tagKeys) {
        modify(account, userName, user -> user.withTags(IamValidation.removeTags(user.tags(), tagKeys)));
    }

    public IamPage<IamTag> listTags(String account, String userName, String marker, Integer maxItems) {
        int max = IamValidation.maxItems(maxItems);
        return IamState.pageInOrder(require(account, userName).tags(), marker, max);
    }

    // ---------------------------------------------------------------- access keys

    /** A new Active key for the user (or, without a name, for the caller); at most two per user. */
    public AccessKeyRecord createAccessKey(String account, String userName, String callerAccessKey) {
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            UserRecord user = callerUser(account, userName, callerAccessKey);
            if (keysOf(account, user.userName()).size() >= MAX_ACCESS_KEYS) {
                throw IamErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + MAX_ACCESS_KEYS);
            }
            AccessKeyRecord key = new AccessKeyRecord(1, "AKIA" + ctx.ids().base32(16), ctx.ids().secret(40), user.userName(),
                    "Active", ctx.clock().millis());
            state.accessKeys.put(IamState.key(account, key.accessKeyId()), key);
            return key;
        } finally {
            lock.unlock();
        }
    }

    public IamPage<AccessKeyRecord> listAccessKeys(String account, String userName, String callerAccessKey, String marker,
                                                   Integer maxItems) {
        int max = IamValidation.maxItems(maxItems);
        UserRecord user = callerUser(account, userName, callerAccessKey);
        return IamState.page(keysOf(account, user.userName()), AccessKeyRecord::accessKeyId, marker, max);
    }

    public void deleteAccessKey(String account, String userName, String accessKeyId, String callerAccessKey) {
        IamValidation.required(accessKeyId, "accessKeyId");
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            ownKey(account, callerUser(account, userName, callerAccessKey), accessKeyId);
            state.accessKeys.remove(IamState.key(account, accessKeyId));
        } finally {
            lock.unlock();
        }
    }

    /** UpdateAccessKey: Active or Inactive (CloudJar does not refuse inactive keys; see IamBackend). */
    public void updateAccessKey(String account, String userName, String accessKeyId, String status, String callerAccessKey) {
        IamValidation.required(accessKeyId, "accessKeyId");
        if (!"Active".equals(IamValidation.required(status, "status")) && !"Inactive".equals(status)) {
            throw IamErrors.constraint(status, "status", "Member must satisfy enum value set: [Active, Inactive]");
        }
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            AccessKeyRecord key = ownKey(account, callerUser(account, userName, callerAccessKey), accessKeyId);
            state.accessKeys.put(IamState.key(account, accessKeyId), key.withStatus(status));
        } finally {
            lock.unlock();
        }
    }

    /** The access key with that id in the account, whoever owns it (GetAccessKeyLastUsed names the owner). */
    public AccessKeyRecord accessKey(String account, String accessKeyId) {
        IamValidation.required(accessKeyId, "accessKeyId");
        AccessKeyRecord key = state.accessKeys.get(IamState.key(account, accessKeyId));
        if (key == null) {
            throw noSuchKey(accessKeyId);
        }
        return key;
    }

    /** An access key and the account that holds it. */
    public record OwnedAccessKey(String account, AccessKeyRecord key) {
    }

    /**
     * The access key with that id in whichever account holds it (ids are unique across accounts), or null:
     * strict authentication learns a caller's account from its key. A scan: accounts hold few keys.
     */
    public OwnedAccessKey accessKeyInAnyAccount(String accessKeyId) {
        if (accessKeyId == null) {
            return null;
        }
        for (java.util.Map.Entry<String, AccessKeyRecord> entry : state.accessKeys.range("", String.valueOf(Character.MAX_VALUE))) {
            if (entry.getValue().accessKeyId().equals(accessKeyId)) {
                String key = entry.getKey();
                return new OwnedAccessKey(key.substring(0, key.indexOf(dev.cloudjar.persistence.KeyRanges.SEPARATOR)), entry.getValue());
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- policies

    public void attachPolicy(String account, String userName, String policyArn) {
        modify(account, userName, user -> user.withAttachedPolicies(
                IamPolicies.attach(user.attachedPolicies(), policies.attachable(account, policyArn).arn(), "PoliciesPerUser")));
    }

    public void detachPolicy(String account, String userName, String policyArn) {
        IamValidation.policyArn(policyArn);
        modify(account, userName, user -> user.withAttachedPolicies(IamPolicies.detach(user.attachedPolicies(), policyArn)));
    }

    public IamPage<AttachedPolicy> listAttachedPolicies(String account, String userName, String pathPrefix, String marker,
                                                        Integer maxItems) {
        return IamPolicies.listAttached(require(account, userName).attachedPolicies(), pathPrefix, marker, maxItems);
    }

    public void putPolicy(String account, String userName, String policyName, String policyDocument) {
        IamValidation.name(policyName, "policyName", 128);
        IamValidation.required(policyDocument, "policyDocument");
        modify(account, userName, user -> user.withInlinePolicies(PolicyDocuments.withInline(user.inlinePolicies(), policyName,
                policyDocument, PolicyDocuments.USER_INLINE_QUOTA, "user " + user.userName())));
    }

    public InlinePolicy getPolicy(String account, String userName, String policyName) {
        IamValidation.name(policyName, "policyName", 128);
        UserRecord user = require(account, userName);
        String document = user.inlinePolicies().get(policyName);
        if (document == null) {
            throw IamErrors.noSuchEntity("The user policy with name " + policyName + " cannot be found.");
        }
        return new InlinePolicy(user.userName(), policyName, document);
    }

    public void deletePolicy(String account, String userName, String policyName) {
        IamValidation.name(policyName, "policyName", 128);
        modify(account, userName, user -> user.withInlinePolicies(PolicyDocuments.withoutInline(user.inlinePolicies(), policyName, "user")));
    }

    public IamPage<String> listPolicies(String account, String userName, String marker, Integer maxItems) {
        int max = IamValidation.maxItems(maxItems);
        return IamState.page(List.copyOf(require(account, userName).inlinePolicies().keySet()), name -> name, marker, max);
    }

    // ---------------------------------------------------------------- helpers

    private UserRecord require(String account, String userName) {
        IamValidation.name(userName, "userName", 64);
        UserRecord user = state.users.get(IamState.key(account, userName));
        if (user == null) {
            throw IamErrors.noSuchUser(userName);
        }
        return user;
    }

    /** The named user, or the one owning the caller's access key; root's own keys are not modelled. */
    private UserRecord callerUser(String account, String userName, String callerAccessKey) {
        UserRecord user = get(account, userName, callerAccessKey);
        if (user.userName() == null) {
            throw IamErrors.validation("Must specify userName when calling with non-User credentials");
        }
        return user;
    }

    private AccessKeyRecord ownKey(String account, UserRecord user, String accessKeyId) {
        AccessKeyRecord key = state.accessKeys.get(IamState.key(account, accessKeyId));
        if (key == null || !key.userName().equalsIgnoreCase(user.userName())) {
            throw noSuchKey(accessKeyId);
        }
        return key;
    }

    private static RuntimeException noSuchKey(String accessKeyId) {
        return IamErrors.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }

    private List<AccessKeyRecord> keysOf(String account, String userName) {
        List<AccessKeyRecord> keys = new ArrayList<>();
        for (AccessKeyRecord key : IamState.all(state.accessKeys, account)) {
            if (key.userName().equalsIgnoreCase(userName)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private void modify(String account, String userName, UnaryOperator<UserRecord> change) {
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            UserRecord user = require(account, userName);
            UserRecord changed = change.apply(user);
            if (changed != user) {
                state.users.put(IamState.key(account, userName), changed);
            }
        } finally {
            lock.unlock();
        }
    }
}
