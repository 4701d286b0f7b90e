package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.ObjectLocks;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectLock;
import dev.cloudjar.services.s3.model.ObjectLockConfiguration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Put/GetObjectLockConfiguration, Put/GetObjectRetention, Put/GetObjectLegalHold, and the
 * {@code x-amz-object-lock-*} headers of writes and reads.
 */
final class ObjectLockRoutes {
    static final String MODE = "x-amz-object-lock-mode";
    static final String RETAIN_UNTIL = "x-amz-object-lock-retain-until-date";
    static final String LEGAL_HOLD = "x-amz-object-lock-legal-hold";
    static final String BYPASS = "x-amz-bypass-governance-retention";
    private static final Set<String> MODES = Set.of(ObjectLock.GOVERNANCE, ObjectLock.COMPLIANCE);
    private static final Set<String> HOLDS = Set.of("ON", "OFF");
    private final S3Backend backend;

    ObjectLockRoutes(S3Backend backend) {
        this.backend = backend;
    }

    private ObjectLocks locks() {
        return backend.objectLock();
    }

    private static boolean oneOf(Set<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    static boolean bypass(AwsRequest request) {
        return "true".equalsIgnoreCase(request.header(BYPASS));
    }

    /** The request's Object Lock headers added to {@code headers} (unchanged when it sent none). */
    static ObjectHeaders withLockHeaders(AwsRequest request, ObjectHeaders headers) {
        String mode = request.header(MODE);
        String until = request.header(RETAIN_UNTIL);
        String hold = request.header(LEGAL_HOLD);
        if (mode == null && until == null && hold == null) {
            return headers;
        }
        if (mode != null && !oneOf(MODES, mode)) {
            throw S3Errors.invalidArgument("Unknown wormMode directive.", MODE, mode);
        }
        if (hold != null && !oneOf(HOLDS, hold)) {
            throw S3Errors.invalidArgument("Legal Hold must be either of 'ON' or 'OFF'", LEGAL_HOLD, hold);
        }
        Instant date = null;
        if (until != null) {
            date = instant(until);
            if (date == null) {
                throw S3Errors.invalidArgument("The retain until date must be provided in ISO 8601 format", RETAIN_UNTIL, until);
            }
        }
        return headers.withLock(new ObjectLock(mode, date, hold));
    }

    /**
     * S3 takes Object Lock parameters on a PutObject only with an integrity check of the body
     * (Content-MD5 or a flexible checksum, as every current SDK sends by default).
     */
    static void requireIntegrity(AwsRequest request) {
        if (request.header(MODE) == null && request.header(RETAIN_UNTIL) == null && request.header(LEGAL_HOLD) == null) {
            return;
        }
        if (!hasIntegrity(request)) {
            throw S3Errors.invalidRequest("Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with "
                    + "Object Lock parameters");
        }
    }

    private static boolean hasIntegrity(AwsRequest request) {
        if (request.header("Content-MD5") != null || request.header("x-amz-sdk-checksum-algorithm") != null
                || request.header("x-amz-trailer") != null) {
            return true;
        }
        for (String name : request.headers().names()) {
            if (name.regionMatches(true, 0, "x-amz-checksum-", 0, "x-amz-checksum-".length())) {
                return true;
            }
        }
        return false;
    }

    /** PutObjectLockConfiguration and friends require a body digest (botocore: requestChecksumRequired). */
    private static void requireDigest(AwsRequest request) {
        if (!hasIntegrity(request)) {
            throw S3Errors.invalidRequest("Missing required header for this request: Content-MD5");
        }
    }

    static void writeHeaders(AwsResponse response, ObjectLock lock) {
        if (lock == null) {
            return;
        }
        if (lock.mode() != null) {
            response.header(MODE, lock.mode()).header(RETAIN_UNTIL, S3Xml.iso(lock.retainUntil()));
        }
        response.header(LEGAL_HOLD, lock.legalHold());
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static AwsResponse empty() {
        return AwsResponse.ok().body(new byte[0], null);
    }

    private static XmlNode document(AwsRequest request, String root) {
        requireDigest(request);
        XmlNode node = S3Xml.parse(request);
        if (!root.equals(node.name())) {
            throw S3Errors.malformedXml();
        }
        return node;
    }

    AwsResponse putConfiguration(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        XmlNode root = document(request, "ObjectLockConfiguration");
        if (!"Enabled".equals(root.childText("ObjectLockEnabled"))) {
            throw S3Errors.malformedXml();
        }
        XmlNode rule = root.child("Rule");
        ObjectLockConfiguration configuration = ObjectLockConfiguration.enabledWithoutRule();
        if (rule != null) {
            XmlNode retention = rule.child("DefaultRetention");
            if (retention == null || !oneOf(MODES, retention.childText("Mode"))) {
                throw S3Errors.malformedXml();
            }
            boolean days = retention.child("Days") != null;
            if (days == (retention.child("Years") != null)) {
                throw S3Errors.malformedXml();
            }
            Integer period = integer(retention.childText(days ? "Days" : "Years"));
            configuration = new ObjectLockConfiguration(retention.childText("Mode"), days ? period : null, days ? null : period);
        }
        locks().putConfiguration(address.bucket(), configuration);
        return empty();
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw S3Errors.malformedXml();
        }
    }

    AwsResponse getConfiguration(AwsRequest request, S3Address address) {
        ObjectLockConfiguration configuration = locks().configuration(address.bucket());
        XmlWriter xml = S3Xml.document("ObjectLockConfiguration").element("ObjectLockEnabled", "Enabled");
        if (configuration.hasDefaultRetention()) {
            xml.start("Rule").start("DefaultRetention").element("Mode", configuration.mode());
            if (configuration.days() != null) {
                xml.element("Days", configuration.days());
            } else {
                xml.element("Years", configuration.years());
            }
            xml.end().end();
        }
        return S3Xml.ok(xml);
    }

    AwsResponse putRetention(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        XmlNode root = document(request, "Retention");
        String mode = root.childText("Mode");
        String until = root.childText("RetainUntilDate");
        if (mode != null && !oneOf(MODES, mode) || (mode == null) != (until == null)) {
            throw S3Errors.malformedXml();
        }
        Instant date = until == null ? null : instant(until);
        if (until != null && date == null) {
            throw S3Errors.malformedXml();
        }
        locks().putRetention(address.bucket(), address.key(), request.queryParameter("versionId"), mode, date, bypass(request));
        return empty();
    }

    AwsResponse getRetention(AwsRequest request, S3Address address) {
        ObjectLock lock = locks().retention(address.bucket(), address.key(), request.queryParameter("versionId"));
        return S3Xml.ok(S3Xml.document("Retention").element("Mode", lock.mode())
                .element("RetainUntilDate", S3Xml.iso(lock.retainUntil())));
    }

    AwsResponse putLegalHold(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        XmlNode root = document(request, "LegalHold");
        String status = root.childText("Status");
        if (!oneOf(HOLDS, status)) {
            throw S3Errors.malformedXml();
        }
        locks().putLegalHold(address.bucket(), address.key(), request.queryParameter("versionId"), status);
        return empty();
    }

    AwsResponse getLegalHold(AwsRequest request, S3Address address) {
        String status = locks().legalHold(address.bucket(), address.key(), request.queryParameter("versionId"));
        return S3Xml.ok(S3Xml.document("LegalHold").element("Status", status));
    }
}
