package dev.cloudjar.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.services.iam.model.ManagedPolicyRecord;
import dev.cloudjar.services.iam.model.PolicyVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS managed policies that tutorials and templates attach ({@code arn:aws:iam::aws:policy/...}),
 * with their real paths and their current documents, read from {@code aws-managed-policies.json}.
 * They belong to no account, cannot be changed or deleted, and their ids are derived from their names
 * so they are the same on every start.
 */
final class AwsManagedPolicies {
    static final String ARN_PREFIX = "arn:aws:iam::aws:policy";

    private final Map<String, ManagedPolicyRecord> byArn;

    private AwsManagedPolicies(Map<String, ManagedPolicyRecord> byArn) {
        this.byArn = Collections.unmodifiableMap(byArn);
    }

    static AwsManagedPolicies load() {
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream("aws-managed-policies.json")) {
            if (in == null) {
                throw new IllegalStateException("aws-managed-policies.json is missing from the classpath");
            }
            Map<String, ManagedPolicyRecord> policies = new TreeMap<>();
            for (JsonNode p : new ObjectMapper().readTree(in)) {
                String name = p.get("PolicyName").asText();
                String path = p.get("Path").asText();
                String defaultVersion = p.get("DefaultVersionId").asText();
                long created = Instant.parse(p.get("CreateDate").asText()).toEpochMilli();
                long updated = Instant.parse(p.get("UpdateDate").asText()).toEpochMilli();
                String arn = ARN_PREFIX + path + name;
                PolicyVersion version = new PolicyVersion(defaultVersion, p.get("Document").asText(), true, updated);
                policies.put(arn, new ManagedPolicyRecord(1, name, "ANPA" + IdGenerator.base32Of(name.toUpperCase(Locale.ROOT), 17), path,
                        arn, p.get("Description").asText(), created, updated, defaultVersion, List.of(version),
                        Integer.parseInt(defaultVersion.substring(1)) + 1, List.of()));
            }
            return new AwsManagedPolicies(policies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isAwsManaged(String arn) {
        return arn.startsWith(ARN_PREFIX + "/");
    }

    /** The policy with that ARN, or null. */
    ManagedPolicyRecord find(String arn) {
        return byArn.get(arn);
    }

    /** All of them in ARN order. */
    List<ManagedPolicyRecord> all() {
        return List.copyOf(byArn.values());
    }

}
