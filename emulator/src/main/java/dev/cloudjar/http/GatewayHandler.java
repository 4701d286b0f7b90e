package dev.cloudjar.http;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.Headers;
import dev.cloudjar.protocol.QueryString;
import dev.cloudjar.protocol.ServiceId;
import dev.cloudjar.protocol.auth.Credential;
import dev.cloudjar.protocol.auth.SignatureParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: turns the servlet request into an {@link AwsRequest}, routes it, calls the
 * service and writes its {@link AwsResponse}. Any failure becomes the protocol's error shape.
 */
final class GatewayHandler implements Handler {
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.cloudjar.access");
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);
    private static final int MAX_FORM_BODY = 16 * 1024 * 1024;

    private final ServiceResolver resolver = new ServiceResolver();
    private final Function<ServiceId, AwsService> services;
    private final IdGenerator ids;
    private final StateStore store;
    private final Scope defaults;
    private final String fallbackEndpoint;
    private final BrowserGuard guard;
    private final StrictAuthentication strict;

    GatewayHandler(Function<ServiceId, AwsService> services, IdGenerator ids, StateStore store, Scope defaults,
                   String fallbackEndpoint, BrowserGuard guard, StrictAuthentication strict) {
        this.guard = guard;
        this.strict = strict;
        this.services = services;
        this.ids = ids;
        this.store = store;
        this.defaults = defaults;
        this.fallbackEndpoint = fallbackEndpoint;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        long started = System.nanoTime();
        HttpServletRequest req = ctx.req();
        HttpServletResponse res = ctx.res();
        AwsRequest request = null;
        AwsService service = null;
        ServiceId serviceId = null;
        AwsResponse response;
        try {
            Bound bound = bind(req);
            request = bound.request();
            serviceId = bound.service();
            service = services.apply(serviceId);
            AwsException malformed = SignatureParser.malformed(request.credential(), request.protocol());
            if (malformed != null) {
                throw malformed;
            }
            if (strict != null) {
                if (StrictAuthentication.isBrowserPost(request, serviceId)) {
                    request = request.toBuilder().postPolicySignatures(strict).build();
                }
                request = strict.verify(request, serviceId);
            }
            AwsResponse granted = guard.admit(request, serviceId, service);
            if (granted != null) {
                response = granted;
            } else if (serviceId == ServiceId.UNSUPPORTED) {
                response = FallbackErrors.unsupportedService(request);
            } else {
                response = dispatch(service, request);
            }
        } catch (AwsException e) {
            if (request == null) {
                request = minimal(req);
            }
            response = renderError(service, e, request);
        } catch (RuntimeException e) {
            if (request == null) {
                request = minimal(req);
                serviceId = ServiceId.S3;
            }
            LOG.error("request {} failed: {} {}", request.requestId(), req.getMethod(), req.getRequestURI(), e);
            response = renderError(service, FallbackErrors.internal(request), request);
        }
        CompletableFuture<AwsResponse> deferred = response.deferredResult();
        if (deferred != null) {
            AwsRequest finalRequest = request;
            AwsService finalService = service;
            ServiceId finalId = serviceId;
            ctx.future(() -> deferred
                    .exceptionally(failure -> renderError(finalService, asAwsException(failure, finalRequest), finalRequest))
                    .thenAccept(result -> finish(res, finalId, finalRequest, result, started)));
            return;
        }
        finish(res, serviceId, request, response, started);
    }

    private static AwsException asAwsException(Throwable failure, AwsRequest request) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AwsException e) {
            return e;
        }
        LOG.error("deferred request {} failed", request.requestId(), cause);
        return FallbackErrors.internal(request);
    }

    private AwsResponse dispatch(AwsService service, AwsRequest request) {
        if (service == null) {
            return FallbackErrors.notImplemented(request);
        }
        AwsResponse response = service.handle(request);
        store.awaitDurable();
        return response;
    }

    private AwsResponse renderError(AwsService service, AwsException e, AwsRequest request) {
        if (service != null) {
            try {
                return service.error(e, request);
            } catch (RuntimeException renderFailure) {
                LOG.error("rendering error {} failed", e.code(), renderFailure);
            }
        }
        return FallbackErrors.render(e, request);
    }

    private void finish(HttpServletResponse res, ServiceId serviceId, AwsRequest request, AwsResponse response, long started) {
        guard.decorate(request, serviceId, response);
        try {
            write(res, request, response);
        } catch (IOException | RuntimeException e) {
            LOG.debug("writing response {} failed: {}", request.requestId(), e.toString());
        }
        if (ACCESS.isInfoEnabled()) {
            String operation = operationName(serviceId, request);
            ACCESS.info("{} {} {} {}ms", serviceId == null ? "-" : serviceId.name().toLowerCase(), operation, response.status(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private String operationName(ServiceId serviceId, AwsRequest request) {
        String name = null;
        AwsService service = serviceId == null || serviceId == ServiceId.CONTROL || serviceId == ServiceId.UNSUPPORTED ? null : services.apply(serviceId);
        try {
            name = service == null ? request.target() : service.operationName(request);
        } catch (RuntimeException e) {
            LOG.debug("naming the operation of {} failed: {}", request.requestId(), e.toString());
        }
        return name != null ? name : request.method() + " " + request.rawPath();
    }

    private record Bound(AwsRequest request, ServiceId service) {
    }

    private Bound bind(HttpServletRequest req) throws IOException {
        String method = req.getMethod();
        String rawPath = req.getRequestURI();
        if (rawPath == null || rawPath.isEmpty()) {
            rawPath = "/";
        }
        String rawQuery = req.getQueryString() == null ? "" : req.getQueryString();
        Headers headers = new Headers();
        Enumeration<String> names = req.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = req.getHeaders(name);
            while (values.hasMoreElements()) {
                headers.add(name, values.nextElement());
            }
        }
        Map<String, List<String>> query = QueryString.parse(rawQuery);
        Credential credential = SignatureParser.parse(headers, query);
        InputStream body = new DeferredBody(req);
        long length = req.getContentLengthLong();
        Route route = resolver.resolve(method, rawPath, headers, query, credential);
        if (route == null) {
            byte[] form = readBounded(body, length);
            route = resolver.resolveForm(rawPath, QueryString.parse(new String(form, StandardCharsets.UTF_8)), credential);
            body = new java.io.ByteArrayInputStream(form);
            length = form.length;
        }
        AwsRequest request = AwsRequest.builder()
                .method(method)
                .rawPath(rawPath)
                .rawQuery(rawQuery)
                .headers(headers)
                .body(body, length)
                .protocol(route.protocol())
                .target(route.target())
                .scope(scopeOf(credential))
                .credential(credential)
                .requestId(ids.uuid())
                .endpoint(endpointOf(headers))
                .remoteAddress(req.getRemoteAddr())
                .build();
        return new Bound(request, route.service());
    }

    /** A request that failed before it was bound: answered as Query when it was a form, else as S3. */
    private AwsRequest minimal(HttpServletRequest req) {
        String type = req.getContentType();
        boolean form = type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
        return AwsRequest.builder().method(req.getMethod()).rawPath(req.getRequestURI()).requestId(ids.uuid())
                .protocol(form ? dev.cloudjar.protocol.Protocol.QUERY : dev.cloudjar.protocol.Protocol.REST_XML).build();
    }

    private static byte[] readBounded(InputStream body, long length) throws IOException {
        if (length > MAX_FORM_BODY) {
            throw new AwsException(413, "RequestEntityTooLarge", "Request body is larger than " + MAX_FORM_BODY + " bytes");
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_FORM_BODY + 1);
        } catch (IOException e) {
            throw AwsRequest.bodyCutOff(e);
        }
        if (bytes.length > MAX_FORM_BODY) {
            throw new AwsException(413, "RequestEntityTooLarge", "Request body is larger than " + MAX_FORM_BODY + " bytes");
        }
        return bytes;
    }

    private Scope scopeOf(Credential credential) {
        if (credential == null) {
            return defaults;
        }
        String account = defaults.account();
        String key = credential.accessKey();
        if (key != null && key.length() == 12 && key.chars().allMatch(Character::isDigit)) {
            account = key;
        }
        String region = credential.region() == null || credential.region().isEmpty() ? defaults.region() : credential.region();
        if (account.equals(defaults.account()) && region.equals(defaults.region())) {
            return defaults;
        }
        return new Scope(account, region);
    }

    private String endpointOf(Headers headers) {
        String host = headers.get("Host");
        return host == null || host.isEmpty() ? fallbackEndpoint : "http://" + host;
    }

    /**
     * The servlet API respells a Content-Type it parses ({@code text/plain; charset=UTF-8} goes out as
     * {@code text/plain;charset=utf-8}); S3 returns the stored one byte for byte, so it goes into Jetty's own fields.
     */
    private static void setContentTypeAsIs(HttpServletResponse res, String type) {
        org.eclipse.jetty.ee10.servlet.ServletContextResponse jetty = org.eclipse.jetty.ee10.servlet.ServletContextResponse.getServletContextResponse(res);
        if (jetty == null) {
            res.setContentType(type);
            return;
        }
        // the servlet layer's own fields respell what is put in them: the core response's fields beneath do not
        jetty.getWrapped().getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, type);
    }

    private static void write(HttpServletResponse res, AwsRequest request, AwsResponse response) throws IOException {
        res.setStatus(response.status());
        for (Map.Entry<String, String> header : response.headers()) {
            res.addHeader(header.getKey(), header.getValue());
        }
        if (response.headerValue("x-amzn-RequestId") == null && response.headerValue("x-amz-request-id") == null) {
            res.setHeader(request.protocol() == dev.cloudjar.protocol.Protocol.REST_XML ? "x-amz-request-id" : "x-amzn-RequestId", request.requestId());
        }
        if (response.contentType() != null) {
            setContentTypeAsIs(res, response.contentType());
        }
        byte[] bytes = response.bytes();
        boolean head = "HEAD".equals(request.method());
        if (bytes != null) {
            res.setContentLength(bytes.length);
            if (!head && bytes.length > 0) {
                OutputStream out = res.getOutputStream();
                out.write(bytes);
            }
        } else if (response.writer() != null) {
            if (response.contentLength() >= 0) {
                res.setContentLengthLong(response.contentLength());
            }
            if (!head) {
                OutputStream out = res.getOutputStream();
                response.writer().writeTo(out);
            }
        } else {
            res.setContentLengthLong(Math.max(0, response.contentLength()));
        }
    }
}
