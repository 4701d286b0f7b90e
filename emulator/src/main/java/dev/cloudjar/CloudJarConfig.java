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
        String auth,
        List<String> credentials,
        String python,
        String node) {

    /** Signatures are not checked ("off", the default) or must be made with a known secret ("strict"). */
    public static final String AUTH_OFF = "off";
    public static final String AUTH_STRICT = "strict";
    /** The conventional dummy key of local AWS tools, the one strict mode knows when given none. */
    public static final List<String> DEFAULT_CREDENTIALS = List.of("test:test");

    public CloudJarConfig {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        auth = auth == null ? AUTH_OFF : auth;
        credentials = credentials == null || credentials.isEmpty() ? DEFAULT_CREDENTIALS : List.copyOf(credentials);
    }

    public boolean strictAuth() {
        return AUTH_STRICT.equals(auth);
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    public static CloudJarConfig defaults() {
        return new CloudJarConfig(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_REGION, DEFAULT_ACCOUNT, "info", null, null, List.of(), List.of(), AUTH_OFF, DEFAULT_CREDENTIALS, null, null);
    }

    public CloudJarConfig withPort(int value) {
        return new CloudJarConfig(host, value, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, auth, credentials, python, node);
    }

    public CloudJarConfig withDataDir(Path value) {
        return new CloudJarConfig(host, port, value, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, auth, credentials, python, node);
    }

    public CloudJarConfig withHost(String value) {
        return new CloudJarConfig(value, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, auth, credentials, python, node);
    }

    public CloudJarConfig withSmtp(String value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, value, init, allowedHosts, allowedOrigins, auth, credentials, python, node);
    }

    public CloudJarConfig withInit(Path value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, value, allowedHosts, allowedOrigins, auth, credentials, python, node);
    }

    public CloudJarConfig withAllowedHosts(List<String> value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, value, allowedOrigins, auth, credentials, python, node);
    }

    public CloudJarConfig withAllowedOrigins(List<String> value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, value, auth, credentials, python, node);
    }

    public CloudJarConfig withAuth(String value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, value, credentials, python, node);
    }

    public CloudJarConfig withCredentials(List<String> value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, auth, value, python, node);
    }

    /** The interpreter for Python functions: a command on PATH or a path; null means python3. */
    public CloudJarConfig withPython(String value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, auth, credentials, value, node);
    }

    /** The interpreter for Node.js functions: a command on PATH or a path; null means node. */
    public CloudJarConfig withNode(String value) {
        return new CloudJarConfig(host, port, dataDir, region, accountId, logLevel, smtp, init, allowedHosts, allowedOrigins, auth, credentials, python, value);
    }
}
