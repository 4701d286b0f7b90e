package dev.cloudjar.services.lambda.runtime;

import java.util.Map;
import java.util.Properties;

/**
 * System properties that a function's threads see overlaid with that function's variables. One JVM
 * has one process environment, so {@code System.getenv} cannot differ per function; instead each
 * execution environment's threads read their function's {@code Environment.Variables}, the runtime
 * variables ({@code AWS_REGION}, {@code AWS_LAMBDA_FUNCTION_NAME}...) and the SDK settings
 * ({@code aws.region}, {@code aws.endpointUrl}, credentials) through {@code System.getProperty}.
 * Every other thread sees the ordinary properties. See docs/decisions/0007-lambda-environment.md.
 */
public final class FunctionProperties extends Properties {
    private static final long serialVersionUID = 1L;
    private static final InheritableThreadLocal<Map<String, String>> OVERLAY = new InheritableThreadLocal<>();

    private FunctionProperties(Properties original) {
        super();
        putAll(original);
    }

    /** Installs the overlay-aware properties object once per JVM, keeping every existing property. */
    public static synchronized void install() {
        if (!(System.getProperties() instanceof FunctionProperties)) {
            System.setProperties(new FunctionProperties(System.getProperties()));
        }
    }

    /** Binds the current thread, and threads it creates later, to a function's variables. */
    public static void bind(Map<String, String> variables) {
        OVERLAY.set(variables);
    }

    /** Sets a JVM-wide property unless something already set it. */
    public static void setIfUnset(String key, String value) {
        if (System.getProperty(key) == null && OVERLAY.get() == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public String getProperty(String key) {
        Map<String, String> overlay = OVERLAY.get();
        if (overlay != null) {
            String value = overlay.get(key);
            if (value != null) {
                return value;
            }
        }
        return super.getProperty(key);
    }

    @Override
    public String getProperty(String key, String defaultValue) {
        String value = getProperty(key);
        return value == null ? defaultValue : value;
    }

    @Override
    public synchronized boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public synchronized int hashCode() {
        return super.hashCode();
    }
}
