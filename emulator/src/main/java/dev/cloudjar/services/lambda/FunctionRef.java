package dev.cloudjar.services.lambda;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.Scope;
import java.util.regex.Pattern;

/**
 * A function as a caller names it: a plain name, a partial ARN ({@code 123456789012:function:name}) or
 * a full ARN, each optionally with {@code :qualifier}, plus a separate Qualifier parameter that must
 * agree with it. An ARN's account and region select the scope.
 */
public record FunctionRef(Scope scope, String name, String qualifier) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
    private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9-_]{1,128}");
    static final String NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
            + "(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

    public static FunctionRef parse(Scope scope, String text, String qualifierParam) {
        if (text == null || text.isEmpty() || text.length() > 170) {
            throw LambdaErrors.validation(text, "functionName", "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        Scope effective = scope;
        String rest = text;
        if (text.startsWith("arn:")) {
            Arn arn = Arn.parseOrNull(text);
            if (arn == null || !"lambda".equals(arn.service()) || !arn.resource().startsWith("function:")) {
                throw LambdaErrors.validation(text, "functionName", "Member must satisfy regular expression pattern: " + NAME_PATTERN);
            }
            effective = new Scope(arn.account(), arn.region());
            rest = arn.resource().substring("function:".length());
        } else if (text.matches("\\d{12}:function:.*")) {
            effective = new Scope(text.substring(0, 12), scope.region());
            rest = text.substring(22);
        }
        String name = rest;
        String qualifier = null;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            name = rest.substring(0, colon);
            qualifier = rest.substring(colon + 1);
        }
        if (!NAME.matcher(name).matches() || (qualifier != null && !QUALIFIER.matcher(qualifier).matches())) {
            throw LambdaErrors.validation(text, "functionName", "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        if (qualifierParam != null && !qualifierParam.isEmpty()) {
            if (qualifier != null && !qualifier.equals(qualifierParam)) {
                throw LambdaErrors.invalid("The derived qualifier from the function name does not match the specified qualifier.");
            }
            qualifier = qualifierParam;
        }
        return new FunctionRef(effective, name, qualifier);
    }

    public String unqualifiedArn() {
        return Arn.of("lambda", scope, "function:" + name).toString();
    }

    /** The ARN with the qualifier when one was given. */
    public String arn() {
        return qualifier == null ? unqualifiedArn() : unqualifiedArn() + ":" + qualifier;
    }

    public FunctionRef withQualifier(String value) {
        return new FunctionRef(scope, name, value);
    }
}
