package dev.cloudjar.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The operations a wire adapter implements, by AWS operation name. Registering them in one place is
 * what makes an unimplemented operation answer AWS's error naming it instead of a silent 200.
 */
public final class OperationTable {
    /** One operation: bind, call the backend, render. */
    @FunctionalInterface
    public interface Operation {
        AwsResponse handle(AwsRequest request);
    }

    private final Map<String, Operation> operations = new LinkedHashMap<>();

    public OperationTable register(String name, Operation operation) {
        if (operations.putIfAbsent(name, operation) != null) {
            throw new IllegalStateException("operation registered twice: " + name);
        }
        return this;
    }

    /** The operation, or null when CloudJar does not implement it. */
    public Operation find(String name) {
        return name == null ? null : operations.get(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(operations.keySet());
    }
}
