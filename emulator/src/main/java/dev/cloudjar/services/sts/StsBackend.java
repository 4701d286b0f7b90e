package dev.cloudjar.services.sts;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.PersistentMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * AWS Security Token Service: the caller's identity, AssumeRole and GetSessionToken. Issued
 * credentials are remembered until they expire (on the injected clock), so {@link #temporaryCredentials}
 * can tell whether an access key is one STS issued and still valid.
 *
 * <p>LIMITATIONS: trust policies are not evaluated: AssumeRole accepts any well-formed role ARN, of a
 * role IAM knows or not (a known role's MaxSessionDuration and RoleId are used; GetCallerIdentity
 * names the IAM user owning a long-term key); session policies,
 * tags, ExternalId, MFA and SourceIdentity are accepted and ignored; no federation
 * (AssumeRoleWithWebIdentity/SAML, GetFederationToken), no regional endpoints' differences.
 */
public final class StsBackend {
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final int PRUNE_EVERY = 256;

    private final ServiceContext ctx;
    private final PersistentMap<TemporaryCredentials> issued;
    private final AtomicLong issuedCount = new AtomicLong();
    private volatile IamDirectory iam = IamDirectory.NONE;

    public StsBackend(ServiceContext ctx) {
        this.ctx = ctx;
        this.issued = ctx.store().map("sts.credentials", TemporaryCredentials.class);
    }

    /** Lets STS use what IAM knows about roles and access keys; returns this backend for chaining. */
    public StsBackend useIamDirectory(IamDirectory directory) {
        this.iam = directory;
        return this;
    }

    /**
     * The caller: the assumed role of live temporary credentials, the IAM user owning a long-term key,
     * else the root of the request's account.
     */
    public CallerIdentity callerIdentity(Scope scope, String accessKeyId) {
        TemporaryCredentials credentials = temporaryCredentials(accessKeyId);
        if (credentials != null && credentials.assumedRoleArn() != null) {
            return new CallerIdentity(credentials.account(), credentials.assumedRoleId(), credentials.assumedRoleArn());
        }
        IamDirectory.KnownUser user = credentials == null ? iam.userOfAccessKey(scope.account(), accessKeyId) : null;
        if (user != null) {
            return new CallerIdentity(scope.account(), user.userId(), user.arn());
        }
        String account = credentials != null ? credentials.account() : scope.account();
        return new CallerIdentity(account, account, "arn:aws:iam::" + account + ":root");
    }

    public AssumedRole assumeRole(Scope scope, String roleArn, String roleSessionName, Integer durationSeconds) {
        Arn arn = roleArn(roleArn);
        sessionName(roleSessionName);
        IamDirectory.KnownRole known = iam.role(roleArn);
        int max = known == null ? 43200 : known.maxSessionDuration();
        int duration = duration(durationSeconds, 3600, 43200);
        if (duration > max) {
            throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        String roleName = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
        String roleId = known == null ? "AROA" + IdGenerator.base32Of(roleArn, 17) : known.roleId();
        String assumedRoleId = roleId + ":" + roleSessionName;
        String assumedArn = "arn:aws:sts::" + arn.account() + ":assumed-role/" + roleName + "/" + roleSessionName;
        TemporaryCredentials credentials = issue(arn.account(), duration, assumedArn, assumedRoleId);
        return new AssumedRole(credentials, assumedRoleId, assumedArn);
    }

    public TemporaryCredentials getSessionToken(Scope scope, Integer durationSeconds) {
        return issue(scope.account(), duration(durationSeconds, 43200, 129600), null, null);
    }

    /** Temporary credentials STS issued with that access key id and not yet expired, or null. */
    public TemporaryCredentials temporaryCredentials(String accessKeyId) {
        if (accessKeyId == null || !accessKeyId.startsWith("ASIA")) {
            return null;
        }
        TemporaryCredentials credentials = issued.get(accessKeyId);
        return credentials == null || credentials.expiredAt(ctx.clock().millis()) ? null : credentials;
    }

    /** Credentials STS issued with that access key id, expired or not (an expired token has its own error), or null. */
    public TemporaryCredentials issuedCredentials(String accessKeyId) {
        return accessKeyId == null || !accessKeyId.startsWith("ASIA") ? null : issued.get(accessKeyId);
    }

    private TemporaryCredentials issue(String account, int durationSeconds, String assumedRoleArn, String assumedRoleId) {
        IdGenerator ids = ctx.ids();
        long now = ctx.clock().millis();
        TemporaryCredentials credentials = new TemporaryCredentials(1, "ASIA" + ids.base32(16), ids.secret(40),
                "FQoGZXIvYXdzE" + ids.secret(343), now + durationSeconds * 1000L, account, assumedRoleArn, assumedRoleId);
        issued.put(credentials.accessKeyId(), credentials);
        if (issuedCount.incrementAndGet() % PRUNE_EVERY == 0) {
            pruneExpired(now);
        }
        return credentials;
    }

    private void pruneExpired(long now) {
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, TemporaryCredentials> entry : issued.range(null, null)) {
            if (entry.getValue().expiredAt(now)) {
                expired.add(entry.getKey());
            }
        }
        expired.forEach(issued::remove);
    }

    private static Arn roleArn(String roleArn) {
        if (roleArn == null) {
            throw constraint(null, "roleArn", "Member must not be null");
        }
        if (roleArn.length() < 20) {
            throw constraint(roleArn, "roleArn", "Member must have length greater than or equal to 20");
        }
        Arn arn = Arn.parseOrNull(roleArn);
        if (arn == null || !"iam".equals(arn.service()) || !arn.resource().startsWith("role/") || arn.resource().endsWith("/")
                || !arn.region().isEmpty() || !arn.account().matches("\\d{12}")) {
            throw validation(roleArn + " is invalid");
        }
        return arn;
    }

    private static void sessionName(String name) {
        if (name == null) {
            throw constraint(null, "roleSessionName", "Member must not be null");
        }
        if (name.length() < 2) {
            throw constraint(name, "roleSessionName", "Member must have length greater than or equal to 2");
        }
        if (name.length() > 64) {
            throw constraint(name, "roleSessionName", "Member must have length less than or equal to 64");
        }
        if (!SESSION_NAME.matcher(name).matches()) {
            throw constraint(name, "roleSessionName", "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
    }

    private static int duration(Integer seconds, int absent, int max) {
        if (seconds == null) {
            return absent;
        }
        if (seconds < 900) {
            throw constraint(seconds, "durationSeconds", "Member must have value greater than or equal to 900");
        }
        if (seconds > max) {
            throw constraint(seconds, "durationSeconds", "Member must have value less than or equal to " + max);
        }
        return seconds;
    }


    private static AwsException validation(String message) {
        return new AwsException(400, "ValidationError", message);
    }

    private static AwsException constraint(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return validation("1 validation error detected: Value " + shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }
}
