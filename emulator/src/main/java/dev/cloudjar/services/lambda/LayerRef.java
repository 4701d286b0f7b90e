package dev.cloudjar.services.lambda;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A layer as a caller names it: a plain name (in the caller's scope) or a layer ARN, whose account and
 * region select the scope; with a version number once one is known.
 */
record LayerRef(Scope scope, String name, long version) {
    static final String NAME_PATTERN = "(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+";
    static final String VERSION_ARN_PATTERN = "arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Pattern VERSION_ARN =
            Pattern.compile("arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\\d{12}):layer:([a-zA-Z0-9-_]+):([0-9]{1,18})");

    /** LayerName (a name or a layer ARN) with the VersionNumber of the path, or 0 when there is none. */
    static LayerRef parse(Scope caller, String layerName, String versionNumber) {
        if (layerName == null || layerName.isEmpty() || layerName.length() > 140) {
            throw LambdaErrors.validation(layerName, "layerName", layerName == null || layerName.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 140");
        }
        if (!NAME.matcher(layerName).matches()) {
            throw LambdaErrors.validation(layerName, "layerName", "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        long version = versionNumber == null ? 0 : number(versionNumber);
        if (layerName.startsWith("arn:")) {
            Arn arn = Arn.parseOrNull(layerName);
            return new LayerRef(new Scope(arn.account(), arn.region()), arn.resource().substring("layer:".length()), version);
        }
        return new LayerRef(caller, layerName, version);
    }

    /** A layer version ARN, or null when the text is not one. */
    static LayerRef parseVersionArn(String text) {
        Matcher m = text == null || text.length() > 140 ? null : VERSION_ARN.matcher(text);
        if (m == null || !m.matches()) {
            return null;
        }
        return new LayerRef(new Scope(m.group(2), m.group(1)), m.group(3), Long.parseLong(m.group(4)));
    }

    private static long number(String text) {
        long version;
        try {
            version = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw LambdaErrors.validation(text, "versionNumber", "Member must be a number");
        }
        if (version < 1) {
            throw LambdaErrors.invalid("Layer Version Cannot be less than 1");
        }
        return version;
    }

    LayerRef withVersion(long value) {
        return new LayerRef(scope, name, value);
    }

    String layerArn() {
        return Arn.of("lambda", scope, "layer:" + name).toString();
    }

    String versionArn() {
        return layerArn() + ":" + version;
    }

    String layerKey() {
        return KeyRanges.compose(scope.account(), scope.region(), name);
    }

    String versionKey() {
        return KeyRanges.compose(scope.account(), scope.region(), name, String.format("%019d", version));
    }

    /** The prefix of every version key of this layer. */
    String versionsPrefix() {
        return layerKey() + KeyRanges.SEPARATOR;
    }
}
