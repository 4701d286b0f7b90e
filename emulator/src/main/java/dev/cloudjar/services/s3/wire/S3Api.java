package dev.cloudjar.services.s3.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.RestOperations;
import dev.cloudjar.protocol.auth.PresignedUrls;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * S3's REST-XML wire adapter: finds bucket and key (virtual host or path), picks the operation from
 * method and sub-resource, checks presigned-URL expiry, and renders S3's {@code <Error>} documents
 * (no body on HEAD). Sub-resources CloudJar does not implement answer 501 NotImplemented.
 */
public final class S3Api implements AwsService {
    private static final String HOST_ID = "Y2xvdWRqYXIgczMgaG9zdCBpZCBmb3IgbG9jYWwgdXNl";
    private static final List<String> UNSUPPORTED_BUCKET = List.of("analytics", "intelligent-tiering",
            "inventory", "metrics", "object-lock", "replication", "session", "metadataTable");
    private static final List<String> UNSUPPORTED_OBJECT = List.of("legal-hold", "retention", "torrent",
            "renameObject");

    private final S3Backend backend;
    private final Clock clock;
    private final BucketRoutes buckets;
    private final ObjectRoutes objects;
    private final ListingRoutes listings;
    private final MultipartRoutes multipart;
    private final TaggingRoutes tagging;
    private final CorsRoutes cors;
    private final NotificationRoutes notifications;
    private final AccessRoutes access;
    private final AttributesRoutes attributes;
    private final ConfigRoutes configs;
    private final PostObjectRoutes posts;
    private final ObjectLockRoutes objectLock;
    private final IdConfigRoutes idConfigs;
    private final RestoreRoutes restores;
    private final SelectRoutes selects;

    public S3Api(S3Backend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
        this.buckets = new BucketRoutes(backend);
        this.objects = new ObjectRoutes(backend);
        this.listings = new ListingRoutes(backend);
        this.multipart = new MultipartRoutes(backend);
        this.tagging = new TaggingRoutes(backend);
        this.cors = new CorsRoutes(backend);
        this.notifications = new NotificationRoutes(backend);
        this.access = new AccessRoutes(backend);
        this.attributes = new AttributesRoutes(backend);
        this.configs = new ConfigRoutes(backend);
        this.posts = new PostObjectRoutes(backend, clock);
        this.objectLock = new ObjectLockRoutes(backend);
        this.idConfigs = new IdConfigRoutes(backend);
        this.restores = new RestoreRoutes(backend);
        this.selects = new SelectRoutes(backend);
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    public S3Backend backend() {
        return backend;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        if (PresignedUrls.isPresigned(request::queryParameter)) {
            PresignedUrls.checkNotExpired(request::queryParameter, Instant.now(clock));
        }
        S3Address address = S3Address.of(request.rawPath(), request.header("Host"));
        if ((request.anonymous() || request.verified()) && !"OPTIONS".equals(request.method())) {
            backend.checkAccess(address.bucket(), address.key(), PolicyActions.of(operationName(request), request),
                    request.anonymous() ? null : request.scope().account());
        }
        AwsResponse response = route(request, address);
        if (!"OPTIONS".equals(request.method())) {
            cors.decorate(request, address, response);
        }
        return response;
    }

    /** Virtual-hosted requests name their bucket in the Host header: the model's templates want it in the path. */
    @Override
    public String operationName(AwsRequest request) {
        S3Address a = S3Address.of(request.rawPath(), request.header("Host"));
        if ("POST".equals(request.method()) && a.bucket() != null && a.key() == null && !request.hasQueryParameter("delete")) {
            return "PostObject"; // a browser form upload: not in the SDKs' model, so RestOperations cannot name it
        }
        if (a.bucket() == null && directory(request)) {
            return "ListDirectoryBuckets";
        }
        String path = a.bucket() == null ? "/" : "/" + a.bucket() + (a.key() == null ? "" : "/" + a.key());
        return RestOperations.of("s3").name(request.method(), path, request.queryParameters(), request.headers());
    }

    /** ListDirectoryBuckets and ListBuckets are both {@code GET /}: the SDKs sign the first for {@code s3express}. */
    private static boolean directory(AwsRequest request) {
        return request.credential() != null && "s3express".equals(request.credential().service());
    }

    /** A preflight is S3's own to answer; an actual request needs a CORS rule of its bucket. */
    @Override
    public boolean allowsCrossOrigin(AwsRequest request, String origin) {
        return "OPTIONS".equals(request.method()) || cors.allows(request, S3Address.of(request.rawPath(), request.header("Host")), origin);
    }

    private AwsResponse route(AwsRequest r, S3Address a) {
        String method = r.method();
        if ("OPTIONS".equals(method)) {
            return cors.preflight(r, a);
        }
        if (a.bucket() == null) {
            if ("GET".equals(method)) {
                return directory(r) ? buckets.listDirectory(r) : buckets.list(r);
            }
            throw S3Errors.methodNotAllowed(method, "SERVICE");
        }
        if (!a.keyIsUtf8(r.rawPath())) {
            throw S3Errors.invalidUri();
        }
        return a.key() == null ? bucketLevel(method, r, a) : objectLevel(method, r, a);
    }

    private AwsResponse bucketLevel(String method, AwsRequest r, S3Address a) {
        switch (method) {
            case "GET":
                if (r.hasQueryParameter("location")) return buckets.location(r, a);
                if (r.hasQueryParameter("tagging")) return tagging.getBucket(r, a);
                if (r.hasQueryParameter("cors")) return cors.get(r, a);
                if (r.hasQueryParameter("notification")) return notifications.get(r, a);
                if (r.hasQueryParameter("uploads")) return multipart.listUploads(r, a);
                if (r.hasQueryParameter("versioning")) return buckets.versioning(r, a);
                if (r.hasQueryParameter("versions")) return listings.listVersions(r, a);
                if (r.hasQueryParameter("acl")) return access.getBucketAcl(r, a);
                if (r.hasQueryParameter("policy")) return access.getPolicy(r, a);
                if (r.hasQueryParameter("policyStatus")) return access.policyStatus(r, a);
                if (r.hasQueryParameter("encryption")) return configs.getEncryption(r, a);
                if (r.hasQueryParameter("lifecycle")) return configs.getLifecycle(r, a);
                if (r.hasQueryParameter("website")) return configs.getWebsite(r, a);
                if (r.hasQueryParameter("requestPayment")) return configs.getRequestPayment(r, a);
                if (r.hasQueryParameter("accelerate")) return configs.getAccelerate(r, a);
                if (r.hasQueryParameter("abac")) return configs.getAbac(r, a);
                if (r.hasQueryParameter("logging")) return configs.getLogging(r, a);
                if (r.hasQueryParameter("ownershipControls")) return access.getOwnership(r, a);
                if (r.hasQueryParameter("publicAccessBlock")) return access.getPublicAccessBlock(r, a);
                if (r.hasQueryParameter("object-lock")) return objectLock.getConfiguration(r, a);
                if (IdConfigRoutes.kindOf(r) != null) return idConfigs.get(r, a, IdConfigRoutes.kindOf(r));
                if (r.hasQueryParameter("replication")) return idConfigs.getReplication(r, a);
                unsupported(r, UNSUPPORTED_BUCKET);
                return "2".equals(r.queryParameter("list-type")) ? listings.listV2(r, a) : listings.listV1(r, a);
            case "PUT":
                if (r.hasQueryParameter("tagging")) return tagging.putBucket(r, a);
                if (r.hasQueryParameter("cors")) return cors.put(r, a);
                if (r.hasQueryParameter("notification")) return notifications.put(r, a);
                if (r.hasQueryParameter("versioning")) return buckets.putVersioning(r, a);
                if (r.hasQueryParameter("acl")) return access.putBucketAcl(r, a);
                if (r.hasQueryParameter("policy")) return access.putPolicy(r, a);
                if (r.hasQueryParameter("ownershipControls")) return access.putOwnership(r, a);
                if (r.hasQueryParameter("publicAccessBlock")) return access.putPublicAccessBlock(r, a);
                if (r.hasQueryParameter("encryption")) return configs.putEncryption(r, a);
                if (r.hasQueryParameter("lifecycle")) return configs.putLifecycle(r, a);
                if (r.hasQueryParameter("website")) return configs.putWebsite(r, a);
                if (r.hasQueryParameter("requestPayment")) return configs.putRequestPayment(r, a);
                if (r.hasQueryParameter("accelerate")) return configs.putAccelerate(r, a);
                if (r.hasQueryParameter("abac")) return configs.putAbac(r, a);
                if (r.hasQueryParameter("logging")) return configs.putLogging(r, a);
                if (r.hasQueryParameter("object-lock")) return objectLock.putConfiguration(r, a);
                if (IdConfigRoutes.kindOf(r) != null) return idConfigs.put(r, a, IdConfigRoutes.kindOf(r));
                if (r.hasQueryParameter("replication")) return idConfigs.putReplication(r, a);
                unsupported(r, UNSUPPORTED_BUCKET);
                return buckets.create(r, a);
            case "HEAD":
                return buckets.head(r, a);
            case "DELETE":
                if (r.hasQueryParameter("tagging")) return tagging.deleteBucket(r, a);
                if (r.hasQueryParameter("cors")) return cors.delete(r, a);
                if (r.hasQueryParameter("policy")) return access.deletePolicy(r, a);
                if (r.hasQueryParameter("ownershipControls")) return access.deleteOwnership(r, a);
                if (r.hasQueryParameter("publicAccessBlock")) return access.deletePublicAccessBlock(r, a);
                if (r.hasQueryParameter("encryption")) return configs.delete(r, a, "encryption");
                if (r.hasQueryParameter("lifecycle")) return configs.delete(r, a, "lifecycle");
                if (r.hasQueryParameter("website")) return configs.delete(r, a, "website");
                if (IdConfigRoutes.kindOf(r) != null) return idConfigs.delete(r, a, IdConfigRoutes.kindOf(r));
                if (r.hasQueryParameter("replication")) return idConfigs.deleteReplication(r, a);
                unsupported(r, UNSUPPORTED_BUCKET);
                return buckets.delete(r, a);
            case "POST":
                if (r.hasQueryParameter("delete")) return objects.deleteObjects(r, a);
                return posts.post(r, a);
            default:
                throw S3Errors.methodNotAllowed(method, "BUCKET");
        }
    }

    private AwsResponse objectLevel(String method, AwsRequest r, S3Address a) {
        switch (method) {
            case "GET":
                if (r.hasQueryParameter("uploadId")) return multipart.listParts(r, a);
                if (r.hasQueryParameter("tagging")) return tagging.getObject(r, a);
                if (r.hasQueryParameter("acl")) return access.getObjectAcl(r, a);
                if (r.hasQueryParameter("attributes")) return attributes.get(r, a);
                if (r.hasQueryParameter("retention")) return objectLock.getRetention(r, a);
                if (r.hasQueryParameter("legal-hold")) return objectLock.getLegalHold(r, a);
                unsupported(r, UNSUPPORTED_OBJECT);
                return objects.get(r, a, false);
            case "HEAD":
                return objects.get(r, a, true);
            case "PUT":
                if (r.hasQueryParameter("uploadId") && r.hasQueryParameter("partNumber")) {
                    return r.header("x-amz-copy-source") != null ? multipart.uploadPartCopy(r, a) : multipart.uploadPart(r, a);
                }
                if (r.hasQueryParameter("tagging")) return tagging.putObject(r, a);
                if (r.hasQueryParameter("acl")) return access.putObjectAcl(r, a);
                if (r.hasQueryParameter("retention")) return objectLock.putRetention(r, a);
                if (r.hasQueryParameter("legal-hold")) return objectLock.putLegalHold(r, a);
                if (r.hasQueryParameter("encryption")) return objects.updateEncryption(r, a);
                unsupported(r, UNSUPPORTED_OBJECT);
                return r.header("x-amz-copy-source") != null ? objects.copy(r, a) : objects.put(r, a);
            case "DELETE":
                if (r.hasQueryParameter("uploadId")) return multipart.abort(r, a);
                if (r.hasQueryParameter("tagging")) return tagging.deleteObject(r, a);
                return objects.delete(r, a);
            case "POST":
                if (r.hasQueryParameter("uploads")) return multipart.create(r, a);
                if (r.hasQueryParameter("uploadId")) return multipart.complete(r, a);
                if (r.hasQueryParameter("restore")) return restores.restore(r, a);
                if (r.hasQueryParameter("select")) return selects.select(r, a);
                unsupported(r, UNSUPPORTED_OBJECT);
                throw S3Errors.notImplemented("POST");
            default:
                throw S3Errors.methodNotAllowed(method, "OBJECT");
        }
    }

    private static void unsupported(AwsRequest request, List<String> names) {
        for (String name : names) {
            if (request.hasQueryParameter(name)) {
                throw S3Errors.notImplemented("?" + name);
            }
        }
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        AwsResponse response = AwsResponse.status(error.status())
                .header("x-amz-request-id", request.requestId())
                .header("x-amz-id-2", HOST_ID);
        if (error instanceof S3Errors.Headed headed) {
            headed.headers().forEach(response::header);
        }
        if (error.status() == 304 || "HEAD".equals(request.method())) {
            Object eTag = error.details().get("ETag");
            if (error.status() == 304 && eTag != null) {
                response.header("ETag", S3Xml.quote(eTag.toString()));
            }
            response.contentLengthOnly(0, null);
        } else {
            XmlWriter xml = new XmlWriter().declaration().start("Error")
                    .element("Code", error.code())
                    .element("Message", error.getMessage());
            for (Map.Entry<String, Object> detail : error.details().entrySet()) {
                xml.element(detail.getKey(), String.valueOf(detail.getValue()));
            }
            xml.element("RequestId", request.requestId()).element("HostId", HOST_ID);
            response.body(xml.toBytes(), S3Xml.XML_TYPE);
        }
        if (request.rawPath() != null && !"OPTIONS".equals(request.method())) {
            try {
                cors.decorate(request, S3Address.of(request.rawPath(), request.header("Host")), response);
            } catch (RuntimeException ignored) {
                // CORS headers on an error are a courtesy; the error itself must still go out
            }
        }
        return response;
    }
}
