package dev.cloudjar.services.s3;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.s3.model.AclInput;
import dev.cloudjar.services.s3.model.BucketAccess;
import dev.cloudjar.services.s3.model.BucketRecord;
import dev.cloudjar.services.s3.model.CorsRule;
import dev.cloudjar.services.s3.model.NotificationConfiguration;
import dev.cloudjar.services.s3.model.UploadRecord;
import dev.cloudjar.services.s3.model.VersioningConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Buckets and their configuration sub-resources (tagging, CORS, notifications). */
final class BucketOperations {
    static final String US_EAST_1 = "us-east-1";
    private final S3State state;

    BucketOperations(S3State state) {
        this.state = state;
    }

    /** Returns the created (or, for the us-east-1 no-op, existing) bucket. */
    BucketRecord create(Scope scope, String name, String locationConstraint, String objectOwnership, AclInput acl) {
        BucketNameRules.validate(name);
        String region = scope.region();
        String constraint = locationConstraint == null || locationConstraint.isEmpty() ? null : locationConstraint;
        if (US_EAST_1.equals(region)) {
            if (US_EAST_1.equals(constraint)) {
                throw S3Errors.invalidLocationConstraint(constraint);
            }
        } else if (constraint == null || !constraint.equals(region)) {
            if (!("EU".equals(constraint) && "eu-west-1".equals(region))) {
                throw S3Errors.illegalLocationConstraint(constraint, region);
            }
        }
        String bucketRegion = constraint == null ? region : ("EU".equals(constraint) ? "eu-west-1" : constraint);
        BucketAccess access = AccessControl.forNewBucket(scope.account(), objectOwnership, acl);
        BucketRecord created = new BucketRecord(name, scope.account(), bucketRegion, state.ctx.clock().instant(), null, null, null);
        BucketRecord existing = state.buckets.putIfAbsent(name, created);
        if (existing == null) {
            state.access.put(name, access);
            return created;
        }
        if (!existing.owner().equals(scope.account())) {
            throw S3Errors.bucketAlreadyExists(name);
        }
        if (US_EAST_1.equals(region)) {
            // S3's legacy answer in North Virginia: 200 OK, and the bucket's ACL is reset to the request's.
            state.access.compute(name, old -> (old == null ? AccessControl.defaults(existing.owner()) : old).withAcl(access.acl()));
            return existing;
        }
        throw S3Errors.bucketAlreadyOwnedByYou(name);
    }

    BucketRecord head(String name) {
        return state.bucket(name);
    }

    void delete(String name) {
        state.bucket(name);
        for (String ignored : state.objects.keys(S3State.bucketStart(name), S3State.bucketEnd(name))) {
            throw S3Errors.bucketNotEmpty(name);
        }
        for (String ignored : state.versions.keys(S3State.bucketStart(name), S3State.bucketEnd(name))) {
            throw S3Errors.bucketNotEmpty(name);
        }
        List<UploadRecord> pending = new ArrayList<>();
        for (Map.Entry<String, UploadRecord> e : state.uploads.range(S3State.bucketStart(name), S3State.bucketEnd(name))) {
            pending.add(e.getValue());
        }
        state.buckets.remove(name);
        state.versioning.remove(name);
        state.access.remove(name);
        List<String> completed = new ArrayList<>();
        for (String done : state.completedUploads.keys(S3State.bucketStart(name), S3State.bucketEnd(name))) {
            completed.add(done);
        }
        completed.forEach(state.completedUploads::remove);
        new BucketConfigurations(state).forget(name);
        for (UploadRecord upload : pending) {
            MultipartOperations.discard(state, upload);
        }
    }

    List<BucketRecord> list(Scope scope, String prefix) {
        List<BucketRecord> result = new ArrayList<>();
        for (Map.Entry<String, BucketRecord> e : state.buckets.range(prefix == null || prefix.isEmpty() ? null : prefix, null)) {
            if (prefix != null && !e.getKey().startsWith(prefix)) {
                break;
            }
            if (e.getValue().owner().equals(scope.account())) {
                result.add(e.getValue());
            }
        }
        return result;
    }

    void putTags(String name, Map<String, String> tags) {
        TagRules.validate(tags, 50);
        update(name, b -> b.withTags(tags));
    }

    Map<String, String> tags(String name) {
        Map<String, String> tags = state.bucket(name).tags();
        if (tags == null || tags.isEmpty()) {
            throw S3Errors.noSuchTagSet().with("BucketName", name);
        }
        return tags;
    }

    void deleteTags(String name) {
        update(name, b -> b.withTags(null));
    }

    void putCors(String name, List<CorsRule> rules) {
        CorsRules.validate(rules);
        update(name, b -> b.withCors(rules));
    }

    List<CorsRule> cors(String name) {
        List<CorsRule> rules = state.bucket(name).cors();
        if (rules == null || rules.isEmpty()) {
            throw S3Errors.noSuchCors(name);
        }
        return rules;
    }

    void deleteCors(String name) {
        update(name, b -> b.withCors(null));
    }

    /** Checks the configuration's shape (and that the bucket exists) without saving it. */
    void validateNotification(String name, NotificationConfiguration configuration) {
        state.bucket(name);
        NotificationRules.validate(configuration, state.ctx.ids());
    }

    void putNotification(String name, NotificationConfiguration configuration) {
        NotificationConfiguration checked = NotificationRules.validate(configuration, state.ctx.ids());
        update(name, b -> b.withNotification(checked.queueConfigurations().isEmpty() && checked.topicConfigurations().isEmpty()
                && checked.lambdaFunctionConfigurations().isEmpty() && !checked.eventBridgeEnabled() ? null : checked));
    }

    NotificationConfiguration notification(String name) {
        NotificationConfiguration configuration = state.bucket(name).notification();
        return configuration == null ? NotificationConfiguration.empty() : configuration;
    }

    private void update(String name, java.util.function.UnaryOperator<BucketRecord> change) {
        BucketRecord updated = state.buckets.compute(name, b -> b == null ? null : change.apply(b));
        if (updated == null) {
            throw S3Errors.noSuchBucket(name);
        }
    }

    void putVersioning(String name, VersioningConfiguration configuration) {
        state.bucket(name);
        String status = configuration.status();
        if (status != null && !"Enabled".equals(status) && !"Suspended".equals(status)) {
            throw S3Errors.malformedXml();
        }
        String mfa = configuration.mfaDelete();
        if (mfa != null && !"Enabled".equals(mfa) && !"Disabled".equals(mfa)) {
            throw S3Errors.malformedXml();
        }
        state.versioning.compute(name, old -> {
            if (status == null && old == null) {
                return mfa == null ? null : new VersioningConfiguration(null, mfa);
            }
            return new VersioningConfiguration(status != null ? status : old.status(), mfa != null ? mfa : old == null ? null : old.mfaDelete());
        });
    }

    VersioningConfiguration versioning(String name) {
        state.bucket(name);
        return state.versioning.get(name);
    }
}
