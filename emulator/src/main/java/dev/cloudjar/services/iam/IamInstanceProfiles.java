package dev.cloudjar.services.iam;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.services.iam.model.IamPage;
import dev.cloudjar.services.iam.model.IamTag;
import dev.cloudjar.services.iam.model.InstanceProfile;
import dev.cloudjar.services.iam.model.InstanceProfileRecord;
import dev.cloudjar.services.iam.model.RoleRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/** Instance profiles: a named container for at most one role, as EC2 launch templates reference them. */
public final class IamInstanceProfiles {
    private final ServiceContext ctx;
    private final IamState state;
    private final IamRoles roles;

    IamInstanceProfiles(ServiceContext ctx, IamState state, IamRoles roles) {
        this.ctx = ctx;
        this.state = state;
        this.roles = roles;
    }

    public InstanceProfile create(String account, String name, String path, List<IamTag> tags) {
        IamValidation.name(name, "instanceProfileName", 128);
        String checkedPath = IamValidation.path(path);
        List<IamTag> checkedTags = IamValidation.tags(tags);
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            String key = IamState.key(account, name);
            if (state.instanceProfiles.containsKey(key)) {
                throw IamErrors.alreadyExists("Instance Profile " + name + " already exists.");
            }
            InstanceProfileRecord profile = new InstanceProfileRecord(1, name, "AIPA" + ctx.ids().base32(17), checkedPath,
                    "arn:aws:iam::" + account + ":instance-profile" + checkedPath + name, ctx.clock().millis(), List.of(), checkedTags);
            state.instanceProfiles.put(key, profile);
            return new InstanceProfile(profile, List.of());
        } finally {
            lock.unlock();
        }
    }

    public InstanceProfile get(String account, String name) {
        return resolve(account, require(account, name));
    }

    public IamPage<InstanceProfile> list(String account, String pathPrefix, String marker, Integer maxItems) {
        String prefix = IamValidation.pathPrefix(pathPrefix);
        int max = IamValidation.maxItems(maxItems);
        List<InstanceProfileRecord> matching = new ArrayList<>();
        for (InstanceProfileRecord profile : IamState.all(state.instanceProfiles, account)) {
            if (profile.path().startsWith(prefix)) {
                matching.add(profile);
            }
        }
        return resolve(account, IamState.page(matching, IamInstanceProfiles::sortKey, marker, max));
    }

    public IamPage<InstanceProfile> listForRole(String account, String roleName, String marker, Integer maxItems) {
        int max = IamValidation.maxItems(maxItems);
        RoleRecord role = roles.get(account, roleName);
        List<InstanceProfileRecord> matching = new ArrayList<>();
        for (InstanceProfileRecord profile : IamState.all(state.instanceProfiles, account)) {
            if (profile.roleNames().stream().anyMatch(n -> n.equalsIgnoreCase(role.roleName()))) {
                matching.add(profile);
            }
        }
        return resolve(account, IamState.page(matching, IamInstanceProfiles::sortKey, marker, max));
    }

    public void addRole(String account, String name, String roleName) {
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            InstanceProfileRecord profile = require(account, name);
            RoleRecord role = roles.get(account, roleName);
            if (profile.roleNames().stream().anyMatch(n -> n.equalsIgnoreCase(role.roleName()))) {
                throw IamErrors.alreadyExists("Instance Profile " + profile.instanceProfileName() + " already has role " + role.roleName() + ".");
            }
            if (!profile.roleNames().isEmpty()) {
                throw IamErrors.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
            }
            state.instanceProfiles.put(IamState.key(account, name), profile.withRoleNames(List.of(role.roleName())));
        } finally {
            lock.unlock();
        }
    }

    public void removeRole(String account, String name, String roleName) {
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            InstanceProfileRecord profile = require(account, name);
            IamValidation.name(roleName, "roleName", 64);
            List<String> remaining = new ArrayList<>(profile.roleNames());
            if (!remaining.removeIf(n -> n.equalsIgnoreCase(roleName))) {
                throw IamErrors.noSuchRole(roleName);
            }
            state.instanceProfiles.put(IamState.key(account, name), profile.withRoleNames(remaining));
        } finally {
            lock.unlock();
        }
    }

    public void delete(String account, String name) {
        ReentrantLock lock = state.lock(account);
        lock.lock();
        try {
            InstanceProfileRecord profile = require(account, name);
            if (!profile.roleNames().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            state.instanceProfiles.remove(IamState.key(account, name));
        } finally {
            lock.unlock();
        }
    }

    private InstanceProfileRecord require(String account, String name) {
        IamValidation.name(name, "instanceProfileName", 128);
        InstanceProfileRecord profile = state.instanceProfiles.get(IamState.key(account, name));
        if (profile == null) {
            throw IamErrors.noSuchInstanceProfile(name);
        }
        return profile;
    }

    private IamPage<InstanceProfile> resolve(String account, IamPage<InstanceProfileRecord> page) {
        return new IamPage<>(page.items().stream().map(p -> resolve(account, p)).toList(), page.marker());
    }

    private InstanceProfile resolve(String account, InstanceProfileRecord profile) {
        List<RoleRecord> resolved = new ArrayList<>();
        for (String roleName : profile.roleNames()) {
            RoleRecord role = state.roles.get(IamState.key(account, roleName));
            if (role != null) {
                resolved.add(role);
            }
        }
        return new InstanceProfile(profile, resolved);
    }

    private static String sortKey(InstanceProfileRecord profile) {
        return profile.instanceProfileName().toLowerCase(Locale.ROOT);
    }
}
