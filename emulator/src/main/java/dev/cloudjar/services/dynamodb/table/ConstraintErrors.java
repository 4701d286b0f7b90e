package dev.cloudjar.services.dynamodb.table;

import dev.cloudjar.core.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects model constraint violations and reports them the way DynamoDB does:
 * {@code 1 validation error detected: Value 'x' at 'tableName' failed to satisfy constraint: ...},
 * several joined with "; ".
 */
public final class ConstraintErrors {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private final List<String> errors = new ArrayList<>();

    public ConstraintErrors add(Object value, String path, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        errors.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    public ConstraintErrors notNull(Object value, String path) {
        if (value == null) {
            errors.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /** Table and index names: 3..255 characters of [a-zA-Z0-9_.-]. */
    public ConstraintErrors name(String value, String path) {
        if (value == null) {
            return notNull(null, path);
        }
        if (!NAME.matcher(value).matches()) {
            add(value, path, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        if (value.length() < 3) {
            add(value, path, "Member must have length greater than or equal to 3");
        } else if (value.length() > 255) {
            add(value, path, "Member must have length less than or equal to 255");
        }
        return this;
    }

    /** A key attribute name (KeySchemaAttributeName): 1..255 characters. */
    public ConstraintErrors keyAttributeName(String value, String path) {
        if (value != null && value.isEmpty()) {
            add(value, path, "Member must have length greater than or equal to 1");
        } else if (value != null && value.length() > 255) {
            add(value, path, "Member must have length less than or equal to 255");
        }
        return this;
    }

    public ConstraintErrors oneOf(String value, String path, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(value, path, "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    public ConstraintErrors atLeast(Long value, long min, String path) {
        if (value != null && value < min) {
            add(value, path, "Member must have value greater than or equal to " + min);
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        String head = errors.size() + (errors.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        throw new AwsException(400, "ValidationException", head + String.join("; ", errors));
    }
}
