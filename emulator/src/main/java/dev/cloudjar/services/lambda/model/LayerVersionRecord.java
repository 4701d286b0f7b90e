package dev.cloudjar.services.lambda.model;

import java.util.List;

/**
 * One published layer version: what GetLayerVersion shows, where its zip is kept (blob id, CodeSha256,
 * zipped and unzipped sizes) and its resource policy (AddLayerVersionPermission statements).
 */
public record LayerVersionRecord(
        String layerArn,
        long version,
        String description,
        List<String> compatibleRuntimes,
        List<String> compatibleArchitectures,
        String licenseInfo,
        String createdDate,
        String blobId,
        String codeSha256,
        long codeSize,
        long unzippedSize,
        List<PolicyStatement> policy,
        String policyRevision) {

    public LayerVersionRecord {
        compatibleRuntimes = compatibleRuntimes == null ? List.of() : List.copyOf(compatibleRuntimes);
        compatibleArchitectures = compatibleArchitectures == null ? List.of() : List.copyOf(compatibleArchitectures);
        policy = policy == null ? List.of() : List.copyOf(policy);
    }

    public String layerVersionArn() {
        return layerArn + ":" + version;
    }

    public LayerVersionRecord withPolicy(List<PolicyStatement> statements, String revision) {
        return new LayerVersionRecord(layerArn, version, description, compatibleRuntimes, compatibleArchitectures,
                licenseInfo, createdDate, blobId, codeSha256, codeSize, unzippedSize, statements, revision);
    }
}
