package dev.cloudjar.services.s3.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.CorsRule;
import java.util.ArrayList;
import java.util.List;

/** Bucket CORS configuration ({@code ?cors}), preflight (OPTIONS) answers and CORS headers on actual requests. */
final class CorsRoutes {
    private final S3Backend backend;

    CorsRoutes(S3Backend backend) {
        this.backend = backend;
    }

    AwsResponse put(AwsRequest request, S3Address address) {
        XmlNode root = S3Xml.parse(request);
        if (!"CORSConfiguration".equals(root.name())) {
            throw S3Errors.malformedXml();
        }
        List<CorsRule> rules = new ArrayList<>();
        for (XmlNode rule : root.children("CORSRule")) {
            String maxAge = rule.childText("MaxAgeSeconds");
            Integer maxAgeSeconds;
            try {
                maxAgeSeconds = maxAge == null ? null : Integer.valueOf(maxAge);
            } catch (NumberFormatException e) {
                throw S3Errors.malformedXml();
            }
            rules.add(new CorsRule(rule.childText("ID"), texts(rule, "AllowedMethod"), texts(rule, "AllowedOrigin"),
                    texts(rule, "AllowedHeader"), texts(rule, "ExposeHeader"), maxAgeSeconds));
        }
        backend.putBucketCors(address.bucket(), rules);
        return AwsResponse.ok().body(new byte[0], null);
    }

    private static List<String> texts(XmlNode node, String name) {
        List<String> values = new ArrayList<>();
        for (XmlNode child : node.children(name)) {
            values.add(child.text());
        }
        return values;
    }

    AwsResponse get(AwsRequest request, S3Address address) {
        XmlWriter xml = S3Xml.document("CORSConfiguration");
        for (CorsRule rule : backend.bucketCors(address.bucket())) {
            xml.start("CORSRule").element("ID", rule.id());
            rule.allowedHeaders().forEach(v -> xml.element("AllowedHeader", v));
            rule.allowedMethods().forEach(v -> xml.element("AllowedMethod", v));
            rule.allowedOrigins().forEach(v -> xml.element("AllowedOrigin", v));
            rule.exposeHeaders().forEach(v -> xml.element("ExposeHeader", v));
            if (rule.maxAgeSeconds() != null) {
                xml.element("MaxAgeSeconds", rule.maxAgeSeconds());
            }
            xml.end();
        }
        return S3Xml.ok(xml);
    }

    AwsResponse delete(AwsRequest request, S3Address address) {
        backend.deleteBucketCors(address.bucket());
        return AwsResponse.status(204);
    }

    AwsResponse preflight(AwsRequest request, S3Address address) {
        String origin = request.header("Origin");
        if (origin == null) {
            throw new AwsException(400, "BadRequest", "Insufficient information. Origin request header needed.");
        }
        String method = request.header("Access-Control-Request-Method");
        if (method == null || method.isEmpty()) {
            throw new AwsException(400, "BadRequest", "Invalid Access-Control-Request-Method: null");
        }
        if (address.bucket() == null) {
            throw S3Errors.corsForbidden("CORSResponse: Bucket not found");
        }
        List<String> requested = new ArrayList<>();
        String headerList = request.header("Access-Control-Request-Headers");
        if (headerList != null) {
            for (String h : headerList.split(",")) {
                if (!h.isBlank()) {
                    requested.add(h.trim());
                }
            }
        }
        CorsRule rule;
        try {
            rule = backend.corsPreflight(address.bucket(), origin, method, requested);
        } catch (AwsException e) {
            throw "AccessForbidden".equals(e.code()) ? e.with("Method", method).with("ResourceType", address.key() == null ? "BUCKET" : "OBJECT") : e;
        }
        AwsResponse response = AwsResponse.ok();
        allow(response, rule, origin);
        if (!requested.isEmpty()) {
            response.header("Access-Control-Allow-Headers", String.join(", ", requested));
        }
        response.header("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        return response.body(new byte[0], null);
    }

    boolean allows(AwsRequest request, S3Address address, String origin) {
        return address.bucket() != null && backend.corsRuleFor(address.bucket(), origin, request.method()) != null;
    }

    /** Adds the CORS answer headers to a cross-origin actual request's response when a rule allows it. */
    void decorate(AwsRequest request, S3Address address, AwsResponse response) {
        String origin = request.header("Origin");
        if (origin == null || address.bucket() == null) {
            return;
        }
        CorsRule rule = backend.corsRuleFor(address.bucket(), origin, request.method());
        if (rule != null) {
            allow(response, rule, origin);
            response.header("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        }
    }

    private static void allow(AwsResponse response, CorsRule rule, String origin) {
        boolean any = rule.allowedOrigins().contains("*");
        response.header("Access-Control-Allow-Origin", any ? "*" : origin);
        response.header("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (!rule.exposeHeaders().isEmpty()) {
            response.header("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (rule.maxAgeSeconds() != null) {
            response.header("Access-Control-Max-Age", String.valueOf(rule.maxAgeSeconds()));
        }
        if (!any) {
            response.header("Access-Control-Allow-Credentials", "true");
        }
    }
}
