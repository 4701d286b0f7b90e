package dev.cloudjar.services.iam;

import dev.cloudjar.ServiceContext;

/**
 * AWS Identity and Access Management, global (state keyed by account, never by region): roles with
 * trust policies, tags, inline and attached managed policies; customer managed policies with versions
 * and the AWS managed policies tutorials attach; users with access keys and policies; instance
 * profiles. Each part is its own class, reached through this one.
 *
 * <p>LIMITATIONS: policies are stored and returned, never enforced: every caller may do everything,
 * whatever the policies say, and trust policies do not restrict who may assume a role. Policy
 * documents are checked for JSON, the policy grammar's elements and AWS's size quotas, not for valid
 * action names, condition operators or ARNs. Access keys made by CreateAccessKey sign requests like any
 * key, and so do Inactive ones (the account of a request still comes from the default or a 12-digit key
 * id); no key use is recorded, so GetAccessKeyLastUsed always answers "N/A". No groups, login
 * profiles, MFA, OIDC/SAML providers, service-linked roles, server certificates, RoleLastUsed data,
 * credential reports or access advisor; permissions boundaries are stored, not applied. The AWS managed
 * policies are a fixed set of about twenty, each with its current default version only.
 */
public final class IamBackend {
    private final IamPolicies policies;
    private final IamRoles roles;
    private final IamUsers users;
    private final IamInstanceProfiles instanceProfiles;

    public IamBackend(ServiceContext ctx) {
        IamState state = new IamState(ctx.store());
        this.policies = new IamPolicies(ctx, state, AwsManagedPolicies.load());
        this.roles = new IamRoles(ctx, state, policies);
        this.users = new IamUsers(ctx, state, policies);
        this.instanceProfiles = new IamInstanceProfiles(ctx, state, roles);
    }

    public IamRoles roles() {
        return roles;
    }

    public IamPolicies policies() {
        return policies;
    }

    public IamUsers users() {
        return users;
    }

    public IamInstanceProfiles instanceProfiles() {
        return instanceProfiles;
    }
}
