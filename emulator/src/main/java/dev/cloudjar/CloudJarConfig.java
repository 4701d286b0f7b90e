package dev.cloudjar;

import java.nio.file.Path;
import java.util.List;

/**
 * Every setting with its default. {@code dataDir == null} means in-memory; port 0 picks a free port.
 * {@code allowedHosts} and {@code allowedOrigins} widen what the browser guard accepts beyond this
 * machine's own names and same-origin pages (see docs/security.md). {@code python} and {@code node}
 * choose the interpreters of process runtimes (null: {@code python3} and {@code node} on PATH).
 */
public record CloudJarConfig(
        String host,
        int port,
        Path dataDir,
        String region,
        String accountId,
        String logLevel,
        String smtp,
        Path init,
        List<String> allowedHosts,
        List<String> allowedOrigins,
        String python,
        String node) {

    public CloudJarConfig {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    public static CloudJarConfig defaults() {
        return new CloudJarConfig(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_REGION, DEFAULT_ACCOUNT, "info", null, null, List.of(), List.of(), null, null);
    }

    public CloudJarConfig withPort(int value) {
        return new CloudJarConfig(host, value, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, python, node);
    }

    public CloudJarConfig withDataDir(Path value) {
        return new CloudJarConfig(host, port, value, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, python, node);
    }

    public CloudJarConfig withHost(String value) {
        return new CloudJarConfig(value, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, python, node);
    }

    public CloudJarConfig withSmtp(String value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, value, init, allowedHosts, allowedOrigins, python, node);
    }

    public CloudJarConfig withInit(Path value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, value, allowedHosts, allowedOrigins, python, node);
    }

    public CloudJarConfig withAllowedHosts(List<String> value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, value, allowedOrigins, python, node);
    }

    /** The interpreter for Python functions: a command on PATH or a path; null means python3. */
    public CloudJarConfig withPython(String value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, value, node);
    }

    /** The interpreter for Node.js functions: a command on PATH or a path; null means node. */
    public CloudJarConfig withNode(String value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, python, value);
    }

    public CloudJarConfig withAllowedOrigins(List<String> value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, value, python, node);
    }
}
