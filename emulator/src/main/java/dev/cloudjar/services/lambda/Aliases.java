package dev.cloudjar.services.lambda;

import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.lambda.model.AliasRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** Aliases of a function: names for versions, with optional weighted routing to a second version. */
final class Aliases {
    private static final Pattern NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    private final Functions functions;

    Aliases(Functions functions) {
        this.functions = functions;
    }

    private static String key(FunctionRef ref, String alias) {
        return KeyRanges.compose(ref.scope().account(), ref.scope().region(), ref.name(), alias);
    }

    AliasRecord create(FunctionRef ref, String name, String version, String description, Map<String, Double> weights) {
        functions.record(ref);
        if (name == null || name.length() > 128 || !NAME.matcher(name).matches()) {
            throw LambdaErrors.validation(String.valueOf(name), "name", "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        }
        checkVersions(ref, version, weights);
        AliasRecord alias = new AliasRecord(name, version, description == null ? "" : description, weights, functions.newRevision());
        if (functions.aliases.putIfAbsent(key(ref, name), alias) != null) {
            throw LambdaErrors.conflict("Alias already exists: " + ref.unqualifiedArn() + ":" + name);
        }
        return alias;
    }

    private void checkVersions(FunctionRef ref, String version, Map<String, Double> weights) {
        functions.config(ref.withQualifier(version));
        if (weights != null) {
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                functions.config(ref.withQualifier(e.getKey()));
                if (e.getValue() < 0 || e.getValue() > 1) {
                    throw LambdaErrors.invalid("Invalid function version weight " + e.getValue() + ". Weights must be between 0 and 1.");
                }
            }
            if (weights.size() > 1) {
                throw LambdaErrors.invalid("Number of items in AdditionalVersionWeights cannot be greater than 1");
            }
            if (weights.containsKey(version)) {
                throw LambdaErrors.invalid("Invalid function version " + version + ". Function version " + version
                        + " is already included in routing configuration.");
            }
        }
    }

    AliasRecord get(FunctionRef ref, String name) {
        functions.record(ref);
        AliasRecord alias = functions.aliases.get(key(ref, name));
        if (alias == null) {
            throw LambdaErrors.notFound("Cannot find alias arn: " + ref.unqualifiedArn() + ":" + name);
        }
        return alias;
    }

    AliasRecord update(FunctionRef ref, String name, String version, String description, Map<String, Double> weights,
                       String revisionId) {
        AliasRecord current = get(ref, name);
        if (revisionId != null && !revisionId.equals(current.revisionId())) {
            throw LambdaErrors.preconditionFailed();
        }
        String newVersion = version == null ? current.functionVersion() : version;
        Map<String, Double> newWeights = weights == null ? current.additionalVersionWeights() : weights;
        checkVersions(ref, newVersion, newWeights);
        AliasRecord next = new AliasRecord(name, newVersion, description == null ? current.description() : description,
                newWeights, functions.newRevision());
        functions.aliases.put(key(ref, name), next);
        return next;
    }

    void delete(FunctionRef ref, String name) {
        functions.record(ref);
        functions.aliases.remove(key(ref, name));
    }

    List<AliasRecord> list(FunctionRef ref, String version) {
        functions.record(ref);
        String prefix = KeyRanges.compose(ref.scope().account(), ref.scope().region(), ref.name()) + KeyRanges.SEPARATOR;
        List<AliasRecord> out = new ArrayList<>();
        for (Map.Entry<String, AliasRecord> e : functions.aliases.prefix(prefix)) {
            if (version == null || version.equals(e.getValue().functionVersion())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** The version an invocation of the alias runs, honouring the routing weights. */
    String route(FunctionRef ref, String alias) {
        AliasRecord record = get(ref, alias);
        AtomicReference<String> chosen = new AtomicReference<>(record.functionVersion());
        double roll = ThreadLocalRandom.current().nextDouble();
        double cumulative = 0;
        for (Map.Entry<String, Double> e : record.additionalVersionWeights().entrySet()) {
            cumulative += e.getValue();
            if (roll < cumulative) {
                chosen.set(e.getKey());
                break;
            }
        }
        return chosen.get();
    }
}
