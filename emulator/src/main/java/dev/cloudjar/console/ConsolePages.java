package dev.cloudjar.console;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console's static files (docs/console.md), served from the jar's {@code cloudjar-console/}
 * resources at {@code /_cloudjar/console/}; {@code /_cloudjar/} redirects there. Only the files named
 * in {@link #FILES} exist, so no request path ever reaches the class path or the file system. The page
 * reads the {@code /_cloudjar/api/} views.
 */
public final class ConsolePages {
    public static final String PATH = "/_cloudjar/console/";
    private static final Map<String, String> FILES = Map.of(
            "", "index.html",
            "index.html", "index.html",
            "console.css", "console.css",
            "console.js", "console.js");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** {@code path} is what follows {@code /_cloudjar/}. */
    public AwsResponse serve(AwsRequest request, String path) {
        if (path.isEmpty() || path.equals("console")) {
            return AwsResponse.status(302).header("Location", PATH).body(new byte[0], "text/plain");
        }
        String name = FILES.get(path.substring("console/".length()));
        if (name == null) {
            throw new AwsException(404, "ResourceNotFoundException", "No console page /_cloudjar/" + path);
        }
        byte[] body = cache.computeIfAbsent(name, ConsolePages::load);
        return AwsResponse.ok().header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
                .body(body, type(name));
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsolePages.class.getResourceAsStream("/cloudjar-console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the console file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "text/javascript; charset=utf-8";
    }
}
