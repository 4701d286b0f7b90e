package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.RestoreStatus;
import java.util.List;

/**
 * RestoreObject ({@code POST /bucket/key?restore} with a RestoreRequest document), the
 * {@code x-amz-restore} header of GET/HEAD, and the RestoreStatus listings show when asked with
 * {@code x-amz-optional-object-attributes: RestoreStatus}.
 */
final class RestoreRoutes {
    static final String OPTIONAL_ATTRIBUTES = "x-amz-optional-object-attributes";
    private final S3Backend backend;

    RestoreRoutes(S3Backend backend) {
        this.backend = backend;
    }

    AwsResponse restore(AwsRequest request, S3Address address) {
        XmlNode root = S3Xml.parse(request);
        if (!"RestoreRequest".equals(root.name())) {
            throw S3Errors.malformedXml();
        }
        if (root.child("SelectParameters") != null || root.child("OutputLocation") != null || root.child("Type") != null) {
            throw S3Errors.notImplemented("SelectParameters"); // SELECT restores: S3 no longer offers S3 Select to new accounts
        }
        Integer days = null;
        String daysText = root.childText("Days");
        if (daysText != null) {
            try {
                days = Integer.valueOf(daysText.trim());
            } catch (NumberFormatException e) {
                throw S3Errors.malformedXml();
            }
        }
        XmlNode job = root.child("GlacierJobParameters");
        String tier = root.childText("Tier");
        if (job != null) {
            tier = job.childText("Tier");
            if (tier == null) {
                throw S3Errors.malformedXml(); // GlacierJobParameters requires its Tier
            }
        }
        boolean restored = backend.restoreObject(request.scope(), address.bucket(), address.key(), request.queryParameter("versionId"),
                days, tier, ObjectRoutes.caller(request));
        return AwsResponse.status(restored ? 200 : 202).body(new byte[0], null);
    }

    /** {@code x-amz-restore} on GET/HEAD of a version that has (or is getting) a restored copy. */
    void writeHeader(AwsResponse response, ObjectRecord object) {
        RestoreStatus status = backend.restoreStatus(object);
        if (status != null) {
            response.header("x-amz-restore", status.inProgress() ? "ongoing-request=\"true\""
                    : "ongoing-request=\"false\", expiry-date=\"" + S3Xml.httpDate(status.expiryDate()) + "\"");
        }
    }

    /** True when a listing asked for RestoreStatus ({@code x-amz-optional-object-attributes}). */
    static boolean wanted(AwsRequest request) {
        List<String> values = request.headers().all(OPTIONAL_ATTRIBUTES);
        for (String value : values) {
            for (String name : value.split(",")) {
                if ("RestoreStatus".equals(name.trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A listing entry's RestoreStatus element (nothing for versions never restored). */
    void writeStatus(XmlWriter xml, ObjectRecord object) {
        RestoreStatus status = backend.restoreStatus(object);
        if (status != null) {
            xml.start("RestoreStatus").element("IsRestoreInProgress", status.inProgress())
                    .element("RestoreExpiryDate", status.expiryDate() == null ? null : S3Xml.iso(status.expiryDate())).end();
        }
    }
}
