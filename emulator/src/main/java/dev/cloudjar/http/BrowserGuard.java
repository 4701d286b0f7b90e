package dev.cloudjar.http;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.Protocol;
import dev.cloudjar.protocol.ServiceId;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps web pages from driving CloudJar. SDKs and the CLI never send {@code Origin} or
 * {@code Sec-Fetch-Site}; browsers do, so those headers tell a page's request from a tool's:
 * <ul>
 * <li>the {@code Host} must name this server (loopback, {@code localhost}, {@code *.localhost}, the bind
 * address, or a configured name), which defeats DNS rebinding;</li>
 * <li>a request with an {@code Origin} passes only when S3 lets that origin in by the bucket's CORS
 * rules, when it is CloudJar's own page calling {@code /_cloudjar/}, or when the origin is configured;</li>
 * <li>a cross-site request without an {@code Origin} (a link, an image, a frame) may only read S3 or
 * CloudJar's own pages;</li>
 * <li>Lambda's JSON API does not run a body a form could send without a preflight.</li>
 * </ul>
 */
final class BrowserGuard {
    private static final String ALL = "*";
    private static final List<String> EXPOSED = List.of("x-amzn-RequestId", "x-amzn-ErrorType", "x-amz-request-id",
            "x-amz-id-2", "x-amz-crc32", "x-amz-function-error", "x-amz-log-result", "x-amz-executed-version",
            "ETag", "Date");

    private final Set<String> exactHosts = new HashSet<>();
    private final List<String> hostSuffixes;
    private final boolean anyHost;
    private final Set<String> origins;

    BrowserGuard(String bindHost, List<String> allowedHosts, List<String> allowedOrigins) {
        exactHosts.add("localhost");
        exactHosts.add(normalizeHost(bindHost));
        if (isWildcard(bindHost)) {
            exactHosts.addAll(localAddresses());
        }
        List<String> suffixes = new java.util.ArrayList<>();
        suffixes.add(".localhost");
        boolean any = false;
        for (String host : allowedHosts) {
            String name = host.trim().toLowerCase(Locale.ROOT);
            if (name.equals(ALL)) {
                any = true;
            } else if (name.startsWith("*.")) {
                suffixes.add(name.substring(1));
            } else if (!name.isEmpty()) {
                exactHosts.add(normalizeHost(name));
            }
        }
        this.hostSuffixes = List.copyOf(suffixes);
        this.anyHost = any;
        Set<String> allowed = new HashSet<>();
        for (String origin : allowedOrigins) {
            String value = origin.trim();
            if (!value.isEmpty()) {
                allowed.add(value.equals(ALL) ? ALL : stripTrailingSlash(value).toLowerCase(Locale.ROOT));
            }
        }
        this.origins = Set.copyOf(allowed);
    }

    /**
     * Refuses what a browser page may not do, in the addressed protocol's terms, before the service
     * runs. Returns the answer to a preflight CloudJar itself grants, else null to go on.
     */
    AwsResponse admit(AwsRequest request, ServiceId service, AwsService handler) {
        String host = request.header("Host");
        if (host != null && !hostAllowed(host)) {
            throw denied(request, "CloudJar does not answer requests for host '" + host + "'. Only this machine's "
                    + "own names are served, so a web page cannot reach CloudJar by DNS rebinding; add a name with "
                    + "--allowed-hosts (CLOUDJAR_ALLOWED_HOSTS).");
        }
        String origin = request.header("Origin");
        if (origin != null) {
            return admitOrigin(request, service, handler, origin, host);
        }
        String site = request.header("Sec-Fetch-Site");
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))
                && !(isRead(request) && (service == ServiceId.S3 || service == ServiceId.CONTROL))) {
            throw denied(request, "CloudJar refuses a " + site.toLowerCase(Locale.ROOT) + " browser request that "
                    + "would change state; a page may only read S3 objects and CloudJar's own pages.");
        }
        if (service != ServiceId.EXECUTE_API) {
            // an API Gateway stage is the user's own web API: forms are what it may be for
            refuseFormBody(request);
        }
        return null;
    }

    private AwsResponse admitOrigin(AwsRequest request, ServiceId service, AwsService handler, String origin, String host) {
        if (configured(origin)) {
            // a preflight to "/" carries no X-Amz-Target or Action yet, so it looks like S3's; only a
            // bucket's own path is S3's to answer from its rules
            if (isPreflight(request) && (service != ServiceId.S3 || request.rawPath().equals("/"))) {
                return preflight(request, origin);
            }
            refuseFormBody(request);
            return null;
        }
        if (service == ServiceId.S3 && handler != null && handler.allowsCrossOrigin(request, origin)) {
            return null;
        }
        if (service == ServiceId.CONTROL && host != null && sameOrigin(origin, host)) {
            return null;
        }
        String hint = " Allow a page's origin for every service with --allowed-origins (CLOUDJAR_ALLOWED_ORIGINS).";
        if (service == ServiceId.S3) {
            throw new AwsException(403, "AccessForbidden", "CORSResponse: This CORS request is not allowed. This is "
                    + "usually because the evalution of Origin, request method / Access-Control-Request-Method or "
                    + "Access-Control-Request-Headers are not whitelisted by the resource's CORS spec." + hint);
        }
        throw denied(request, "CloudJar refuses requests from the web page origin '" + origin + "'." + hint);
    }

    /** Adds the CORS headers CloudJar grants a configured origin (S3 answers with its bucket's rules). */
    void decorate(AwsRequest request, ServiceId service, AwsResponse response) {
        String origin = request.header("Origin");
        if (origin == null || service == ServiceId.S3 || !configured(origin)) {
            return;
        }
        response.header("Access-Control-Allow-Origin", origins.contains(ALL) ? ALL : origin);
        response.header("Access-Control-Expose-Headers", String.join(", ", EXPOSED));
        response.header("Vary", "Origin");
    }

    boolean hostAllowed(String hostHeader) {
        if (anyHost) {
            return true;
        }
        String host = normalizeHost(withoutPort(hostHeader.trim()));
        if (host.isEmpty()) {
            return false;
        }
        if (exactHosts.contains(host) || isLoopback(host)) {
            return true;
        }
        for (String suffix : hostSuffixes) {
            if (host.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private boolean configured(String origin) {
        return origins.contains(ALL) || origins.contains(stripTrailingSlash(origin).toLowerCase(Locale.ROOT));
    }

    private static boolean sameOrigin(String origin, String host) {
        String value = origin.toLowerCase(Locale.ROOT);
        return value.equals("http://" + host.toLowerCase(Locale.ROOT)) || value.equals("https://" + host.toLowerCase(Locale.ROOT));
    }

    private static AwsResponse preflight(AwsRequest request, String origin) {
        AwsResponse response = AwsResponse.ok().header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, HEAD, PATCH")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        String headers = request.header("Access-Control-Request-Headers");
        if (headers != null && !headers.isBlank()) {
            response.header("Access-Control-Allow-Headers", headers);
        }
        return response.body(new byte[0], null);
    }

    /**
     * Lambda's JSON API (and CloudJar's own) do not act on a body of a type an HTML form or a
     * no-preflight fetch may send; AWS answers such an Invoke with UnsupportedMediaTypeException.
     */
    private static void refuseFormBody(AwsRequest request) {
        if (request.protocol() != Protocol.REST_JSON || isRead(request) || "DELETE".equals(request.method())) {
            return;
        }
        String type = request.header("Content-Type");
        if (type == null) {
            return;
        }
        String media = type.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        if (media.equals("text/plain") || media.equals("multipart/form-data") || media.equals("application/x-www-form-urlencoded")) {
            throw new AwsException(415, "UnsupportedMediaTypeException", "The content type of the request body is not JSON: " + media);
        }
    }

    private static AwsException denied(AwsRequest request, String message) {
        String code = switch (request.protocol()) {
            case REST_XML, QUERY -> "AccessDenied";
            default -> "AccessDeniedException";
        };
        return new AwsException(403, code, message);
    }

    private static boolean isPreflight(AwsRequest request) {
        return "OPTIONS".equals(request.method()) && request.header("Access-Control-Request-Method") != null;
    }

    private static boolean isRead(AwsRequest request) {
        return "GET".equals(request.method()) || "HEAD".equals(request.method());
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
    }

    private static String normalizeHost(String host) {
        String value = host.toLowerCase(Locale.ROOT);
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.indexOf(':') >= 0) {
            try {
                // one spelling per IPv6 address: "::1" and "0:0:0:0:0:0:0:1" are the same host
                value = InetAddress.getByName(value).getHostAddress();
                int zone = value.indexOf('%');
                value = zone < 0 ? value : value.substring(0, zone);
            } catch (UnknownHostException notAnAddress) {
                return value;
            }
        }
        return value;
    }

    private static boolean isLoopback(String host) {
        if (host.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWildcard(String bindHost) {
        return bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.equals("[::]") || bindHost.equals("0:0:0:0:0:0:0:0");
    }

    /** Bound to every interface: the machine's own addresses and name name this server too. */
    private static Set<String> localAddresses() {
        Set<String> names = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    names.add(normalizeHost(address.getHostAddress()));
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: loopback names still work
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // the machine has no resolvable name
        }
        return names;
    }

    private static String stripTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
