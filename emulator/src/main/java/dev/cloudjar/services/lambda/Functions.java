package dev.cloudjar.services.lambda;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.lambda.code.FunctionPackage;
import dev.cloudjar.services.lambda.code.PackageStore;
import dev.cloudjar.services.lambda.model.AliasRecord;
import dev.cloudjar.services.lambda.model.FunctionConfig;
import dev.cloudjar.services.lambda.model.FunctionLayer;
import dev.cloudjar.services.lambda.model.FunctionRecord;
import dev.cloudjar.services.lambda.model.FunctionSettings;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Functions and their published versions in the store: create, read, update, delete, publish. Code
 * blobs are shared between $LATEST and the versions published from it and deleted with the last
 * configuration referring to them; layers a removed configuration used are handed to {@code layersReleased}.
 */
final class Functions {
    static final String LATEST = "$LATEST";
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final ServiceContext ctx;
    private final PackageStore packages;
    private final Consumer<List<FunctionLayer>> layersReleased;
    final PersistentMap<FunctionRecord> functions;
    final PersistentMap<FunctionConfig> versions;
    final PersistentMap<AliasRecord> aliases;

    Functions(ServiceContext ctx, PackageStore packages, Consumer<List<FunctionLayer>> layersReleased) {
        this.ctx = ctx;
        this.packages = packages;
        this.layersReleased = layersReleased;
        this.functions = ctx.store().map("lambda.functions", FunctionRecord.class);
        this.versions = ctx.store().map("lambda.versions", FunctionConfig.class);
        this.aliases = ctx.store().map("lambda.aliases", AliasRecord.class);
    }

    static String key(Scope scope, String name) {
        return KeyRanges.compose(scope.account(), scope.region(), name);
    }

    static String versionKey(Scope scope, String name, String version) {
        return KeyRanges.compose(scope.account(), scope.region(), name, String.format("%010d", Integer.parseInt(version)));
    }

    String now() {
        return timestamp(ctx.clock().instant());
    }

    /** AWS's LastModified / CreatedDate format, {@code 2024-01-31T12:00:00.000+0000}. */
    static String timestamp(java.time.Instant instant) {
        return MODIFIED.format(instant);
    }

    String newRevision() {
        return ctx.ids().uuid();
    }

    FunctionRecord create(Scope scope, String name, FunctionSettings s, FunctionPackage code, List<FunctionLayer> layers,
                          Map<String, String> tags) {
        FunctionConfig config = new FunctionConfig(name, LATEST, s.runtime(), s.role(), s.handler(),
                s.description() == null ? "" : s.description(), s.timeout() == null ? 3 : s.timeout(),
                s.memorySize() == null ? 128 : s.memorySize(), s.variables(), emptyToNull(s.deadLetterTarget()),
                code.blobId(), code.sha256(), code.size(), now(), newRevision(), s.architectures(),
                s.ephemeralStorage() == null ? 512 : s.ephemeralStorage(), layers);
        FunctionRecord record = new FunctionRecord(config, tags, List.of(), null, 0, null);
        if (functions.putIfAbsent(key(scope, name), record) != null) {
            packages.delete(code.blobId());
            throw LambdaErrors.conflict("Function already exist: " + name);
        }
        return record;
    }

    FunctionRecord record(FunctionRef ref) {
        FunctionRecord record = functions.get(key(ref.scope(), ref.name()));
        if (record == null) {
            throw LambdaErrors.functionNotFound(ref.arn());
        }
        return record;
    }

    /** The configuration a qualifier names: $LATEST (or none), a version number, or an alias's main version. */
    FunctionConfig config(FunctionRef ref) {
        FunctionRecord record = record(ref);
        String qualifier = ref.qualifier();
        if (qualifier == null || LATEST.equals(qualifier)) {
            return record.latest();
        }
        if (qualifier.chars().allMatch(Character::isDigit)) {
            FunctionConfig version = versions.get(versionKey(ref.scope(), ref.name(), qualifier));
            if (version == null) {
                throw LambdaErrors.functionNotFound(ref.arn());
            }
            return version;
        }
        AliasRecord alias = aliases.get(KeyRanges.compose(ref.scope().account(), ref.scope().region(), ref.name(), qualifier));
        if (alias == null) {
            throw LambdaErrors.functionNotFound(ref.arn());
        }
        return config(ref.withQualifier(alias.functionVersion()));
    }

    FunctionRecord update(FunctionRef ref, String expectedRevision, java.util.function.UnaryOperator<FunctionRecord> change) {
        AtomicReference<FunctionRecord> result = new AtomicReference<>();
        functions.compute(key(ref.scope(), ref.name()), current -> {
            if (current == null) {
                throw LambdaErrors.functionNotFound(ref.unqualifiedArn());
            }
            if (expectedRevision != null && !expectedRevision.equals(current.latest().revisionId())) {
                throw LambdaErrors.preconditionFailed();
            }
            FunctionRecord next = change.apply(current);
            result.set(next);
            return next;
        });
        return result.get();
    }

    /** The configuration with the given settings applied; {@code layers} null keeps the current ones. */
    FunctionConfig applySettings(FunctionConfig c, FunctionSettings s, List<FunctionLayer> layers) {
        String dlq = s.deadLetterTarget() == null ? c.deadLetterTarget() : emptyToNull(s.deadLetterTarget());
        return new FunctionConfig(c.functionName(), c.version(), pick(s.runtime(), c.runtime()), pick(s.role(), c.role()),
                pick(s.handler(), c.handler()), pick(s.description(), c.description()), pick(s.timeout(), c.timeout()),
                pick(s.memorySize(), c.memorySize()), s.variables() == null ? c.variables() : s.variables(), dlq,
                c.codeBlobId(), c.codeSha256(), c.codeSize(), now(), newRevision(),
                s.architectures() == null ? c.architectures() : s.architectures(),
                pick(s.ephemeralStorage(), c.ephemeralStorage()), pick(layers, c.layers()));
    }

    FunctionConfig withCode(FunctionConfig c, FunctionPackage code) {
        return new FunctionConfig(c.functionName(), c.version(), c.runtime(), c.role(), c.handler(), c.description(),
                c.timeout(), c.memorySize(), c.variables(), c.deadLetterTarget(), code.blobId(), code.sha256(), code.size(),
                now(), newRevision(), c.architectures(), c.ephemeralStorage(), c.layers());
    }

    /** Publishes $LATEST as the next version unless the newest version already has the same code and configuration. */
    FunctionConfig publish(FunctionRef ref, String codeSha256, String description, String revisionId) {
        FunctionRecord current = record(ref);
        if (revisionId != null && !revisionId.equals(current.latest().revisionId())) {
            throw LambdaErrors.preconditionFailed();
        }
        if (codeSha256 != null && !codeSha256.equals(current.latest().codeSha256())) {
            throw LambdaErrors.invalid("CodeSha256 (" + codeSha256 + ") is different from current CodeSha256 in $LATEST ("
                    + current.latest().codeSha256() + "). Please try again with the CodeSha256 in $LATEST.");
        }
        if (current.lastVersion() > 0) {
            FunctionConfig newest = versions.get(versionKey(ref.scope(), ref.name(), Integer.toString(current.lastVersion())));
            if (newest != null && sameContent(newest, current.latest())) {
                return newest;
            }
        }
        AtomicReference<FunctionConfig> published = new AtomicReference<>();
        update(ref.withQualifier(null), null, r -> {
            int number = r.lastVersion() + 1;
            FunctionConfig version = r.latest().asVersion(Integer.toString(number), now(), newRevision(),
                    description == null ? r.latest().description() : description);
            versions.put(versionKey(ref.scope(), ref.name(), Integer.toString(number)), version);
            published.set(version);
            return r.withLastVersion(number);
        });
        return published.get();
    }

    private static boolean sameContent(FunctionConfig a, FunctionConfig b) {
        return a.codeSha256().equals(b.codeSha256()) && a.handler().equals(b.handler()) && a.runtime().equals(b.runtime())
                && a.timeout() == b.timeout() && a.memorySize() == b.memorySize() && a.variables().equals(b.variables())
                && a.layers().equals(b.layers());
    }

    List<FunctionConfig> versionsOf(Scope scope, String name) {
        List<FunctionConfig> out = new ArrayList<>();
        for (Map.Entry<String, FunctionConfig> e : versions.prefix(key(scope, name) + KeyRanges.SEPARATOR)) {
            out.add(e.getValue());
        }
        return out;
    }

    /** Deletes a version, or the whole function with its versions, aliases and unreferenced code. */
    void delete(FunctionRef ref) {
        FunctionRecord record = record(ref);
        String q = ref.qualifier();
        if (q != null && !LATEST.equals(q)) {
            if (!q.chars().allMatch(Character::isDigit)) {
                throw LambdaErrors.invalid("Deletion of aliases is not currently supported.");
            }
            FunctionConfig version = versions.get(versionKey(ref.scope(), ref.name(), q));
            if (version != null) {
                versions.remove(versionKey(ref.scope(), ref.name(), q));
                deleteUnreferenced(ref.scope(), ref.name(), record, Set.of(version.codeBlobId()));
                layersReleased.accept(version.layers());
            }
            return;
        }
        if (LATEST.equals(q)) {
            throw LambdaErrors.invalid("$LATEST version cannot be deleted without deleting the function.");
        }
        Set<String> blobs = new HashSet<>();
        List<FunctionLayer> layers = new ArrayList<>(record.latest().layers());
        blobs.add(record.latest().codeBlobId());
        for (FunctionConfig version : versionsOf(ref.scope(), ref.name())) {
            blobs.add(version.codeBlobId());
            layers.addAll(version.layers());
        }
        String prefix = key(ref.scope(), ref.name()) + KeyRanges.SEPARATOR;
        for (String k : List.copyOf(toList(versions.keys(prefix, KeyRanges.prefixEnd(prefix))))) {
            versions.remove(k);
        }
        for (String k : List.copyOf(toList(aliases.keys(prefix, KeyRanges.prefixEnd(prefix))))) {
            aliases.remove(k);
        }
        functions.remove(key(ref.scope(), ref.name()));
        blobs.forEach(packages::delete);
        layersReleased.accept(layers);
    }

    /** True when any configuration of any function, in any scope, uses the layer content blob. */
    boolean usesLayerBlob(String blobId) {
        for (Map.Entry<String, FunctionRecord> e : functions.range(null, null)) {
            if (e.getValue().latest().layers().stream().anyMatch(l -> l.blobId().equals(blobId))) {
                return true;
            }
        }
        for (Map.Entry<String, FunctionConfig> e : versions.range(null, null)) {
            if (e.getValue().layers().stream().anyMatch(l -> l.blobId().equals(blobId))) {
                return true;
            }
        }
        return false;
    }

    /** Deletes code blobs no remaining configuration of the function uses. */
    void deleteUnreferenced(Scope scope, String name, FunctionRecord record, Set<String> candidates) {
        Set<String> used = new HashSet<>();
        used.add(record.latest().codeBlobId());
        versionsOf(scope, name).forEach(v -> used.add(v.codeBlobId()));
        for (String blob : candidates) {
            if (!used.contains(blob)) {
                packages.delete(blob);
            }
        }
    }

    private static List<String> toList(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(out::add);
        return out;
    }

    private static <T> T pick(T given, T current) {
        return given == null ? current : given;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
