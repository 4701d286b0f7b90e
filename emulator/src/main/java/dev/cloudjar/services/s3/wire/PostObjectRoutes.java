package dev.cloudjar.services.s3.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.Headers;
import dev.cloudjar.protocol.MultipartForm;
import dev.cloudjar.protocol.QueryString;
import dev.cloudjar.protocol.auth.PostPolicySignatures;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.AclInput;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PutObjectInput;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * POST Object: a browser form upload to {@code POST /<bucket>}. The fields before the {@code file} part are
 * read (20 KB at most, as S3 allows), fields after it are ignored as S3 ignores them; the file streams into the
 * blob store through the same digesting body a PUT uses. The policy's conditions are always enforced; its
 * signature only where {@link AwsRequest#postPolicySignatures()} is set (strict authentication).
 */
final class PostObjectRoutes {
    /** "The form data and boundaries (excluding the contents of the file) cannot exceed 20KB." */
    static final int MAX_PRE_DATA = 20 * 1024;
    private static final long MAX_OBJECT = 5L * 1024 * 1024 * 1024;
    private static final String FILENAME = "${filename}";

    private final S3Backend backend;
    private final Clock clock;

    PostObjectRoutes(S3Backend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** The form as read up to the file: fields by lower-case name (repeats joined by commas), names as sent. */
    private record Form(Map<String, String> fields, List<String> names, MultipartForm.Part file) {
        String get(String name) {
            return fields.get(name);
        }
    }

    AwsResponse post(AwsRequest request, S3Address address) {
        String type = request.header("Content-Type");
        if (!MultipartForm.isFormData(type)) {
            throw new AwsException(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold")
                    .with("Condition", "Bucket POST must be of the enclosure-type multipart/form-data");
        }
        String boundary = MultipartForm.boundary(type);
        if (boundary == null) {
            throw malformed();
        }
        MultipartForm multipart = new MultipartForm(request.body(), boundary);
        Form form;
        try {
            form = readForm(multipart);
        } catch (MultipartForm.Malformed e) {
            throw malformed();
        } catch (IOException e) {
            throw AwsRequest.bodyCutOff(e);
        }
        String keyTemplate = form.get("key");
        if (keyTemplate == null) {
            throw missingField("key");
        }
        String filename = form.file().filename();
        String key = expand(keyTemplate, filename);
        if (key.isEmpty()) {
            throw missingField("key");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.fields().forEach((name, value) -> fields.put(name, expand(value, filename)));
        fields.put("key", key);
        String policyText = form.get("policy");
        Scope scope = authorize(request, form, policyText);
        if (policyText != null) {
            PostPolicy policy = PostPolicy.parse(policyText);
            policy.check(Instant.now(clock), fields, address.bucket(), form.names());
            return store(request, scope, address, key, fields, form.file(), policy.minSize(), policy.maxSize());
        }
        return store(request, scope, address, key, fields, form.file(), 0, Long.MAX_VALUE);
    }

    private static Form readForm(MultipartForm multipart) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        int used = 0;
        for (MultipartForm.Part part = multipart.next(); part != null; part = multipart.next()) {
            if (part.name().equalsIgnoreCase("file")) {
                return new Form(fields, names, part);
            }
            String value = part.text(MAX_PRE_DATA - used);
            used += part.name().length() + (value == null ? MAX_PRE_DATA : value.length());
            if (value == null || used > MAX_PRE_DATA) {
                throw new AwsException(400, "MaxPostPreDataLengthExceeded",
                        "Your POST request fields preceeding the upload file was too large.")
                        .with("MaxPostPreDataLengthBytes", String.valueOf(MAX_PRE_DATA));
            }
            names.add(part.name());
            fields.merge(part.name().toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b);
        }
        throw S3Errors.invalidArgument("POST requires exactly one file upload per request.", "file", "0");
    }

    /** The fields a signed form must carry, the signature check in strict mode, and the account that signed. */
    private static Scope authorize(AwsRequest request, Form form, String policy) {
        PostPolicySignatures signatures = request.postPolicySignatures();
        boolean v4 = form.get("x-amz-algorithm") != null || form.get("x-amz-credential") != null || form.get("x-amz-signature") != null;
        boolean v2 = !v4 && (form.get("awsaccesskeyid") != null || form.get("signature") != null);
        if (policy == null || (!v4 && !v2)) {
            if (signatures != null) {
                throw new AwsException(403, "AccessDenied", "Access Denied");
            }
            return request.scope();
        }
        String token = form.get("x-amz-security-token");
        String account;
        String region = request.scope().region();
        if (v4) {
            for (String[] required : new String[][] {{"x-amz-algorithm", "X-Amz-Algorithm"}, {"x-amz-credential", "X-Amz-Credential"},
                {"x-amz-date", "X-Amz-Date"}, {"x-amz-signature", "X-Amz-Signature"}}) {
                if (form.get(required[0]) == null) {
                    throw missingField(required[1]);
                }
            }
            String date = form.get("x-amz-date");
            if (!date.matches("\\d{8}T\\d{6}Z")) {
                throw S3Errors.invalidArgument("X-Amz-Date must be formated via ISO8601 Long format", "X-Amz-Date", date);
            }
            String credential = form.get("x-amz-credential");
            String[] parts = credential.split("/");
            region = parts.length == 5 ? parts[2] : region;
            account = signatures == null ? accountOf(parts[0])
                    : signatures.verifySigV4(credential, policy, form.get("x-amz-signature"), token);
        } else {
            if (form.get("awsaccesskeyid") == null) {
                throw missingField("AWSAccessKeyId");
            }
            if (form.get("signature") == null) {
                throw missingField("Signature");
            }
            account = signatures == null ? accountOf(form.get("awsaccesskeyid"))
                    : signatures.verifySigV2(form.get("awsaccesskeyid"), policy, form.get("signature"), token);
        }
        return account == null ? request.scope() : new Scope(account, region);
    }

    /** Outside strict mode a 12-digit access key names its account, as for signed requests. */
    private static String accountOf(String accessKey) {
        return accessKey != null && accessKey.length() == 12 && accessKey.chars().allMatch(Character::isDigit) ? accessKey : null;
    }

    private AwsResponse store(AwsRequest request, Scope scope, S3Address address, String key, Map<String, String> fields,
                              MultipartForm.Part file, long minSize, long maxSize) {
        Map<String, String> meta = new TreeMap<>();
        Headers checksumHeaders = new Headers();
        boolean checksumNamed = false;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            if (name.startsWith("x-amz-meta-") && name.length() > "x-amz-meta-".length()) {
                meta.put(name.substring("x-amz-meta-".length()), field.getValue());
            } else if (name.startsWith("x-amz-checksum-") || name.equals("content-md5")) {
                checksumHeaders.add(name, field.getValue());
                checksumNamed |= name.startsWith("x-amz-checksum-");
            }
        }
        if (!checksumNamed) {
            checksumHeaders.add("x-amz-checksum-algorithm", "CRC64NVME"); // S3 answers a POST with its default checksum
        }
        ObjectHeaders headers = new ObjectHeaders(fields.get("content-type"), fields.get("content-encoding"),
                fields.get("content-disposition"), fields.get("content-language"), fields.get("cache-control"), fields.get("expires"),
                fields.get("x-amz-website-redirect-location"), ObjectHeaderCodec.storageClass(fields.get("x-amz-storage-class")), meta);
        Map<String, String> tags = fields.get("tagging") == null ? null : TaggingRoutes.parse(fields.get("tagging").getBytes(StandardCharsets.UTF_8));
        AclInput acl = new AclInput(fields.get("acl"), null);
        AwsRequest bodyRequest = AwsRequest.builder().headers(checksumHeaders).body(file.content(), -1).build();
        StreamedUploadBody body = new StreamedUploadBody(bodyRequest, true);
        ObjectRecord object = backend.postObject(scope, new PutObjectInput(address.bucket(), key, headers, tags, null, null, acl),
                new SizeRangeBody(body, minSize, Math.min(maxSize, MAX_OBJECT)), ObjectRoutes.caller(request));
        return answer(request, address, key, fields, object);
    }

    private static AwsResponse answer(AwsRequest request, S3Address address, String key, Map<String, String> fields, ObjectRecord object) {
        String eTag = S3Xml.quote(object.eTag());
        String location = objectUrl(request, address, key);
        String redirect = fields.get("success_action_redirect") != null ? fields.get("success_action_redirect") : fields.get("redirect");
        AwsResponse response;
        if (redirect != null && isAbsoluteUrl(redirect)) {
            String target = redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + form(address.bucket()) + "&key=" + form(key)
                    + "&etag=" + form(eTag);
            response = AwsResponse.status(303).header("Location", target).body(new byte[0], null);
        } else {
            String status = fields.get("success_action_status");
            if ("201".equals(status)) {
                XmlWriter xml = new XmlWriter().declaration().start("PostResponse").element("Location", location)
                        .element("Bucket", address.bucket()).element("Key", key).element("ETag", eTag).end();
                response = AwsResponse.status(201).header("Location", location).body(xml.toBytes(), S3Xml.XML_TYPE);
            } else {
                response = AwsResponse.status("200".equals(status) ? 200 : 204).header("Location", location);
                if ("200".equals(status)) {
                    response.body(new byte[0], null);
                }
            }
        }
        response.header("ETag", eTag).header(ObjectRoutes.SSE, ObjectRoutes.AES256);
        ObjectRoutes.checksumHeaders(response, object.checksum());
        return ObjectRoutes.versionHeader(response, object);
    }

    /** The object's URL as S3 answers it: the key percent-encoded, slashes included. */
    private static String objectUrl(AwsRequest request, S3Address address, String key) {
        boolean virtualHost = S3Address.bucketFromHost(request.header("Host")) != null;
        return request.endpoint() + (virtualHost ? "" : "/" + address.bucket()) + "/" + QueryString.encode(key, false);
    }

    /** "If Amazon S3 cannot interpret the URL, it acts as if the field is not present." */
    private static boolean isAbsoluteUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code ${filename}} stands for the file's name without its path, when the file part names one. */
    private static String expand(String value, String filename) {
        if (filename == null || !value.contains(FILENAME)) {
            return value;
        }
        String base = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        return value.replace(FILENAME, base);
    }

    private static AwsException missingField(String name) {
        return S3Errors.invalidArgument("Bucket POST must contain a field named '" + name + "'.  If it is specified, please check the order of the fields.",
                name, "");
    }

    private static AwsException malformed() {
        return new AwsException(400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data.");
    }
}
