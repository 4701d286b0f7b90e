package dev.cloudjar.services.lambda;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.lambda.code.CodeLimits;
import dev.cloudjar.services.lambda.code.FunctionPackage;
import dev.cloudjar.services.lambda.code.PackageStore;
import dev.cloudjar.services.lambda.model.CodeInput;
import dev.cloudjar.services.lambda.model.FunctionLayer;
import dev.cloudjar.services.lambda.model.LayerRecord;
import dev.cloudjar.services.lambda.model.LayerVersionRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lambda layers: versions published per layer name, numbered from 1 and never reused after deletion,
 * their zips kept in the BlobStore, their resource policies in {@link LayerPolicies}; and the check of a
 * function's {@code Layers}. A deleted version's zip stays while a function configuration still uses
 * it, as functions on AWS keep the layers they were configured with.
 *
 * <p>LIMITATIONS: Organization conditions of layer policies (OrganizationId) are stored but never grant
 * access (CloudJar has no organizations); AWS-published layers ({@code arn:aws:lambda:::awslayer:...}) do
 * not exist here.
 */
public final class Layers {
    static final int MAX_PER_FUNCTION = 5;
    /** The request size AWS accepts for PublishLayerVersion: a 50 MB zip as base64. */
    static final long MAX_PUBLISH_REQUEST = 69_905_067L;
    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");

    private final ServiceContext ctx;
    private final PackageStore packages;
    private final FunctionCode code;
    private final Predicate<String> blobInUse;
    private final PersistentMap<LayerRecord> layers;
    private final PersistentMap<LayerVersionRecord> versions;
    private final LayerPolicies policies;
    /** Zips of deleted versions are collected under the write lock; configurations gain references under the read lock. */
    private final ReadWriteLock collection = new ReentrantReadWriteLock();

    Layers(ServiceContext ctx, PackageStore packages, FunctionCode code, Predicate<String> blobInUse) {
        this.ctx = ctx;
        this.packages = packages;
        this.code = code;
        this.blobInUse = blobInUse;
        this.layers = ctx.store().map("lambda.layers", LayerRecord.class);
        this.versions = ctx.store().map("lambda.layerVersions", LayerVersionRecord.class);
        this.policies = new LayerPolicies(versions, () -> ctx.ids().uuid());
    }

    public LayerPolicies policies() {
        return policies;
    }

    /** PublishLayerVersion: stores the zip, then takes the layer's next version number. */
    public LayerVersionRecord publish(Scope caller, String layerName, String description, CodeInput content,
                                      List<String> compatibleRuntimes, List<String> compatibleArchitectures, String licenseInfo) {
        LayerRef ref = LayerRef.parse(caller, layerName, null);
        checkLength(description, 256, "description");
        checkLength(licenseInfo, 512, "licenseInfo");
        checkRuntimes(compatibleRuntimes);
        checkArchitectures(compatibleArchitectures);
        if (content == null) {
            throw LambdaErrors.validation("null", "content", "Member must not be null");
        }
        if (content.zipFile() != null && content.zipFile().length > CodeLimits.MAX_ZIPPED_BYTES) {
            throw LambdaErrors.requestTooLarge(MAX_PUBLISH_REQUEST, "PublishLayerVersion");
        }
        byte[] zip = code.read(ref.scope(), content, "layer");
        FunctionPackage pkg = packages.store(zip);
        long unzipped = PackageStore.unzippedSize(zip);
        LayerRecord counter = layers.compute(ref.layerKey(),
                current -> new LayerRecord(ref.name(), (current == null ? 0 : current.lastVersion()) + 1));
        LayerRef versioned = ref.withVersion(counter.lastVersion());
        LayerVersionRecord record = new LayerVersionRecord(ref.layerArn(), versioned.version(),
                description == null ? "" : description, compatibleRuntimes, compatibleArchitectures, licenseInfo,
                Functions.timestamp(ctx.clock().instant()), pkg.blobId(), pkg.sha256(), pkg.size(), unzipped, List.of(), null);
        versions.put(versioned.versionKey(), record);
        return record;
    }

    /** GetLayerVersion. */
    public LayerVersionRecord get(Scope caller, String layerName, String versionNumber) {
        return readable(caller, LayerRef.parse(caller, layerName, versionNumber));
    }

    /** GetLayerVersionByArn. */
    public LayerVersionRecord getByArn(Scope caller, String arn) {
        LayerRef ref = LayerRef.parseVersionArn(arn);
        if (ref == null) {
            throw LambdaErrors.validation(arn, "arn", "Member must satisfy regular expression pattern: " + LayerRef.VERSION_ARN_PATTERN);
        }
        return readable(caller, ref);
    }

    /** The zip of a version, for Content.Location (a link, like AWS's presigned one: no caller check). */
    public InputStream content(Scope caller, String layerName, String versionNumber) {
        LayerVersionRecord record = versions.get(LayerRef.parse(caller, layerName, versionNumber).versionKey());
        if (record == null) {
            throw LambdaErrors.notFound("The resource you requested does not exist.");
        }
        try {
            return packages.open(record.blobId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LayerVersionRecord readable(Scope caller, LayerRef ref) {
        LayerVersionRecord record = versions.get(ref.versionKey());
        if (!ref.scope().account().equals(caller.account()) && (record == null || !policies.grants(record, caller.account()))) {
            throw LambdaErrors.layerAccessDenied(caller.account(), "lambda:GetLayerVersion", ref.versionArn());
        }
        if (record == null) {
            throw LambdaErrors.notFound("The resource you requested does not exist.");
        }
        return record;
    }

    /** ListLayers: each layer of the caller's scope with its newest version matching the filters, in name order. */
    public List<LayerVersionRecord> listLayers(Scope caller, String runtime, String architecture, String maxItems) {
        checkFilters(runtime, architecture, maxItems);
        List<LayerVersionRecord> out = new ArrayList<>();
        String prefix = KeyRanges.compose(caller.account(), caller.region()) + KeyRanges.SEPARATOR;
        for (Map.Entry<String, LayerRecord> e : layers.prefix(prefix)) {
            LayerRef ref = new LayerRef(caller, e.getValue().layerName(), 0);
            for (Map.Entry<String, LayerVersionRecord> v : versions.rangeDescending(ref.versionsPrefix(),
                    KeyRanges.prefixEnd(ref.versionsPrefix()))) {
                if (matches(v.getValue(), runtime, architecture)) {
                    out.add(v.getValue());
                    break;
                }
            }
        }
        return out;
    }

    /** The zipped size of every layer version of the scope (GetAccountSettings' TotalCodeSize counts them). */
    long totalCodeSize(Scope scope) {
        long total = 0;
        for (Map.Entry<String, LayerVersionRecord> v : versions.prefix(KeyRanges.compose(scope.account(), scope.region())
                + KeyRanges.SEPARATOR)) {
            total += v.getValue().codeSize();
        }
        return total;
    }

    /** ListLayerVersions: newest first; a layer that does not exist has no versions. */
    public List<LayerVersionRecord> listVersions(Scope caller, String layerName, String runtime, String architecture,
                                                 String maxItems) {
        LayerRef ref = LayerRef.parse(caller, layerName, null);
        checkFilters(runtime, architecture, maxItems);
        boolean own = ref.scope().account().equals(caller.account());
        List<LayerVersionRecord> out = new ArrayList<>();
        for (Map.Entry<String, LayerVersionRecord> v : versions.rangeDescending(ref.versionsPrefix(),
                KeyRanges.prefixEnd(ref.versionsPrefix()))) {
            LayerVersionRecord record = v.getValue();
            if (matches(record, runtime, architecture) && (own || policies.grants(record, caller.account()))) {
                out.add(record);
            }
        }
        return out;
    }

    /** DeleteLayerVersion: idempotent; the zip goes once no function configuration uses it. */
    public void delete(Scope caller, String layerName, String versionNumber) {
        LayerRef ref = LayerRef.parse(caller, layerName, versionNumber);
        if (!ref.scope().account().equals(caller.account())) {
            throw LambdaErrors.layerAccessDenied(caller.account(), "lambda:DeleteLayerVersion", ref.versionArn());
        }
        collection.writeLock().lock();
        try {
            LayerVersionRecord record = versions.get(ref.versionKey());
            if (record != null && versions.remove(ref.versionKey()) && !blobInUse.test(record.blobId())) {
                packages.delete(record.blobId());
            }
        } finally {
            collection.writeLock().unlock();
        }
    }

    /**
     * Runs a change that makes function configurations refer to layer versions (resolve, then store), so a
     * DeleteLayerVersion in between cannot collect a zip the new configuration is about to use.
     */
    <T> T referencing(Supplier<T> change) {
        collection.readLock().lock();
        try {
            return change.get();
        } finally {
            collection.readLock().unlock();
        }
    }

    /**
     * The layers of CreateFunction / UpdateFunctionConfiguration, checked as AWS checks them; null when
     * the request has no Layers member.
     */
    List<FunctionLayer> resolve(Scope function, List<String> arns) {
        if (arns == null) {
            return null;
        }
        if (arns.size() > MAX_PER_FUNCTION) {
            throw LambdaErrors.invalid("Cannot reference more than 5 layers.");
        }
        Map<String, String> seen = new HashMap<>();
        List<FunctionLayer> out = new ArrayList<>();
        for (String arn : arns) {
            LayerRef ref = LayerRef.parseVersionArn(arn);
            if (ref == null) {
                throw LambdaErrors.validation("[" + String.join(", ", arns) + "]", "layers", "Member must satisfy constraint: "
                        + "[Member must have length less than or equal to 140, Member must have length greater than or equal to 1, "
                        + "Member must satisfy regular expression pattern: (" + LayerRef.VERSION_ARN_PATTERN + ")|"
                        + "(arn:[a-zA-Z0-9-]+:lambda:::awslayer:[a-zA-Z0-9-_]+), Member must not be null]");
            }
            if (!ref.scope().region().equals(function.region())) {
                throw LambdaErrors.invalid("Layers are not in the same region as the function. Layers are expected to be in region "
                        + function.region() + ".");
            }
            LayerVersionRecord record = versions.get(ref.versionKey());
            if (!ref.scope().account().equals(function.account())) {
                if (record == null || !policies.grants(record, function.account())) {
                    throw LambdaErrors.layerAccessDenied(function.account(), "lambda:GetLayerVersion", arn);
                }
            } else if (record == null) {
                throw LambdaErrors.invalid("Layer version " + arn + " does not exist.");
            }
            String earlier = seen.putIfAbsent(ref.layerArn(), arn);
            if (earlier != null) {
                throw LambdaErrors.invalid("Two different versions of the same layer are not allowed to be referenced in the "
                        + "same function. " + earlier + " and " + arn + " are versions of the same layer.");
            }
            out.add(new FunctionLayer(ref.versionArn(), record.codeSize(), record.blobId(), record.unzippedSize()));
        }
        return out;
    }

    /** Deletes the zips of deleted layer versions that the given, no longer used, layers were the last users of. */
    void release(List<FunctionLayer> released) {
        for (FunctionLayer layer : released) {
            LayerRef ref = LayerRef.parseVersionArn(layer.arn());
            if (ref == null || versions.containsKey(ref.versionKey())) {
                continue;
            }
            collection.writeLock().lock();
            try {
                if (!blobInUse.test(layer.blobId())) {
                    packages.delete(layer.blobId());
                }
            } finally {
                collection.writeLock().unlock();
            }
        }
    }

    private static boolean matches(LayerVersionRecord record, String runtime, String architecture) {
        return (runtime == null || record.compatibleRuntimes().contains(runtime))
                && (architecture == null || record.compatibleArchitectures().contains(architecture));
    }

    private static void checkFilters(String runtime, String architecture, String maxItems) {
        if (runtime != null && !FunctionValidation.isModelRuntime(runtime)) {
            throw LambdaErrors.validation(runtime, "compatibleRuntime", "Member must satisfy enum value set: "
                    + FunctionValidation.modelRuntimes());
        }
        if (architecture != null && !ARCHITECTURES.contains(architecture)) {
            throw LambdaErrors.validation(architecture, "compatibleArchitecture", "Member must satisfy enum value set: [x86_64, arm64]");
        }
        if (maxItems != null) {
            int max;
            try {
                max = Integer.parseInt(maxItems);
            } catch (NumberFormatException e) {
                throw LambdaErrors.validation(maxItems, "maxItems", "Member must be a number");
            }
            if (max < 1 || max > 50) {
                throw LambdaErrors.validation(maxItems, "maxItems", max < 1 ? "Member must have value greater than or equal to 1"
                        : "Member must have value less than or equal to 50");
            }
        }
    }

    private static void checkRuntimes(List<String> runtimes) {
        if (runtimes == null) {
            return;
        }
        if (runtimes.size() > 15) {
            throw LambdaErrors.validation(runtimes.toString(), "compatibleRuntimes", "Member must have length less than or equal to 15");
        }
        if (!runtimes.stream().allMatch(FunctionValidation::isModelRuntime)) {
            throw LambdaErrors.validation(runtimes.toString(), "compatibleRuntimes", "Member must satisfy enum value set: "
                    + FunctionValidation.modelRuntimes());
        }
    }

    private static void checkArchitectures(List<String> architectures) {
        if (architectures == null) {
            return;
        }
        if (architectures.size() > 2) {
            throw LambdaErrors.validation(architectures.toString(), "compatibleArchitectures", "Member must have length less than or equal to 2");
        }
        if (!ARCHITECTURES.containsAll(architectures)) {
            throw LambdaErrors.validation(architectures.toString(), "compatibleArchitectures",
                    "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]");
        }
    }

    private static void checkLength(String value, int max, String member) {
        if (value != null && value.length() > max) {
            throw LambdaErrors.validation(value, member, "Member must have length less than or equal to " + max);
        }
    }
}
