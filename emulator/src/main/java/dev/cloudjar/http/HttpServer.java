package dev.cloudjar.http;

import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.ServiceId;
import dev.cloudjar.protocol.auth.SigningSecrets;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.http.UriCompliance;

/**
 * The single Javalin server. Settings that matter for AWS clients: trailing slashes significant,
 * no compression, no automatic ETags, bodies streamed by the services, and URI compliance relaxed so
 * that S3 keys with encoded slashes reach S3 untouched.
 */
public final class HttpServer implements AutoCloseable {
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.PUT, HandlerType.POST,
            HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.PATCH);

    private final Javalin app;
    private final String host;
    private final int port;

    public HttpServer(String host, int port, List<String> allowedHosts, List<String> allowedOrigins,
                      Function<ServiceId, AwsService> services, IdGenerator ids, StateStore store, Scope defaults,
                      SigningSecrets strictSecrets, java.time.Clock clock) {
        this.host = host;
        this.port = port;
        GatewayHandler gateway = new GatewayHandler(services, ids, store, defaults, "http://" + host + ":" + port,
                new BrowserGuard(host, allowedHosts, allowedOrigins),
                strictSecrets == null ? null : new StrictAuthentication(strictSecrets, clock));
        this.app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.router.ignoreTrailingSlashes = false;
            config.router.treatMultipleSlashesAsSingleSlash = false;
            config.http.generateEtags = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.asyncTimeout = 0;
            config.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setUriCompliance(UriCompliance.UNSAFE);
                http.setSendServerVersion(false);
                http.setSendDateHeader(true);
                http.setRequestHeaderSize(EdgeErrors.MAX_HEADER_SECTION);
                // Jetty's header cache matches values case-insensitively and hands back its own spelling
                // ("charset=UTF-8" arrives as "charset=utf-8"): that breaks SigV4 and byte-for-byte metadata
                http.setHeaderCacheCaseSensitive(true);
            });
            config.jetty.addConnector((server, httpConfiguration) -> {
                org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(server,
                        new LenientExpectConnectionFactory(httpConfiguration));
                connector.setHost(host);
                connector.setPort(port);
                return connector;
            });
            config.jetty.modifyServletContextHandler(context -> {
                context.getServletHandler().setDecodeAmbiguousURIs(true);
                context.setErrorHandler(new EdgeErrors());
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new EdgeErrors()));
            for (HandlerType method : METHODS) {
                config.routes.addHttpHandler(method, "/", gateway);
                config.routes.addHttpHandler(method, "/*", gateway);
            }
        });
    }

    /** Starts listening; a port another process holds is named, with what to do about it. */
    public HttpServer start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException) {
                    throw new IllegalStateException("port " + port + " on " + host + " is already in use (is another CloudJar or "
                            + "LocalStack running?). Stop it, or choose another port with --port or CLOUDJAR_PORT (0 picks a free one).", e);
                }
            }
            throw e;
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
