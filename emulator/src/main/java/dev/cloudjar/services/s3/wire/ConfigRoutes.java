package dev.cloudjar.services.s3.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.LifecycleRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bucket lifecycle, website, encryption, request payment, accelerate and logging configurations: each
 * document is checked as S3 checks it, stored, and answered as it was put (or S3's default when none was).
 */
final class ConfigRoutes {
    private static final String MIN_SIZE = "x-amz-transition-default-minimum-object-size";
    private static final List<String> LIFECYCLE_ACTIONS = List.of("Expiration", "Transition", "NoncurrentVersionExpiration",
            "NoncurrentVersionTransition", "AbortIncompleteMultipartUpload");
    private final S3Backend backend;

    ConfigRoutes(S3Backend backend) {
        this.backend = backend;
    }

    /** A configuration request's body, read once: it is both checked and stored. */
    private record Body(XmlNode root, String text) {
    }

    private static Body body(AwsRequest request, String root) {
        byte[] bytes = S3Xml.bodyBytes(request);
        return new Body(document(bytes, root), new String(bytes, StandardCharsets.UTF_8));
    }

    private static XmlNode document(byte[] bytes, String root) {
        XmlNode node = S3Xml.parse(bytes);
        if (!root.equals(node.name())) {
            throw S3Errors.malformedXml();
        }
        return node;
    }

    private static AwsResponse stored(String document) {
        return AwsResponse.ok().body(document.getBytes(StandardCharsets.UTF_8), S3Xml.XML_TYPE);
    }

    private static String closed(dev.cloudjar.protocol.xml.XmlWriter xml) {
        return new String(xml.toBytes(), StandardCharsets.UTF_8);
    }

    private static AwsResponse empty() {
        return AwsResponse.ok().body(new byte[0], null);
    }

    /** The stored document, or S3's answer for a bucket that has none. */
    private AwsResponse get(S3Address address, String name, String fallback, AwsException missing) {
        String document = backend.bucketConfiguration(address.bucket(), name);
        if (document != null) {
            return stored(document);
        }
        if (missing != null) {
            throw missing;
        }
        return stored(fallback);
    }

    AwsResponse getLifecycle(AwsRequest request, S3Address address) {
        return get(address, "lifecycle", null, new AwsException(404, "NoSuchLifecycleConfiguration",
                "The lifecycle configuration does not exist").with("BucketName", address.bucket()))
                .header(MIN_SIZE, "all_storage_classes_128K");
    }

    AwsResponse putLifecycle(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        Body body = body(request, "LifecycleConfiguration");
        XmlNode root = body.root();
        List<LifecycleRule> rules = new ArrayList<>();
        for (XmlNode rule : root.children("Rule")) {
            int actions = 0;
            List<LifecycleRule.DayCount> days = new ArrayList<>();
            for (String action : LIFECYCLE_ACTIONS) {
                for (XmlNode node : rule.children(action)) {
                    actions++;
                    for (String element : List.of("Days", "NoncurrentDays", "DaysAfterInitiation")) {
                        boolean transition = action.endsWith("Transition");
                        if (node.child(element) != null && !transition) {
                            days.add(new LifecycleRule.DayCount(action, element, node.childText(element)));
                        }
                    }
                }
            }
            rules.add(new LifecycleRule(rule.childText("ID"), rule.childText("Status"), actions, days,
                    rule.child("Filter") != null || rule.child("Prefix") != null));
        }
        backend.putBucketLifecycle(address.bucket(), rules, body.text(), LifecycleRulesReader.read(root));
        return empty().header(MIN_SIZE, "all_storage_classes_128K");
    }

    AwsResponse getWebsite(AwsRequest request, S3Address address) {
        return get(address, "website", null, new AwsException(404, "NoSuchWebsiteConfiguration",
                "The specified bucket does not have a website configuration").with("BucketName", address.bucket()));
    }

    AwsResponse putWebsite(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        Body body = body(request, "WebsiteConfiguration");
        XmlNode root = body.root();
        XmlNode index = root.child("IndexDocument");
        if (root.child("RedirectAllRequestsTo") == null) {
            if (index == null) {
                throw S3Errors.invalidArgument("A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty",
                        "IndexDocument", null);
            }
            String suffix = index.childText("Suffix");
            if (suffix == null || suffix.isEmpty() || suffix.contains("/")) {
                throw S3Errors.invalidArgument("The IndexDocument Suffix is not well formed", "IndexDocument", suffix);
            }
        }
        backend.putBucketConfiguration(address.bucket(), "website", body.text());
        return empty();
    }

    /** Every bucket encrypts with SSE-S3 by default (AWS since January 2023); DeleteBucketEncryption returns to it. */
    AwsResponse getEncryption(AwsRequest request, S3Address address) {
        return get(address, "encryption", closed(S3Xml.document("ServerSideEncryptionConfiguration").start("Rule")
                .start("ApplyServerSideEncryptionByDefault").element("SSEAlgorithm", "AES256").end()
                .element("BucketKeyEnabled", false).end()), null);
    }

    AwsResponse putEncryption(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        Body body = body(request, "ServerSideEncryptionConfiguration");
        XmlNode root = body.root();
        List<XmlNode> rules = root.children("Rule");
        if (rules.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        for (XmlNode rule : rules) {
            XmlNode defaults = rule.child("ApplyServerSideEncryptionByDefault");
            if (defaults != null && !S3Backend.encryptionAlgorithm(defaults.childText("SSEAlgorithm"))) {
                throw S3Errors.malformedXml();
            }
        }
        backend.putBucketConfiguration(address.bucket(), "encryption", body.text());
        return empty();
    }

    AwsResponse getRequestPayment(AwsRequest request, S3Address address) {
        return get(address, "requestPayment", closed(S3Xml.document("RequestPaymentConfiguration").element("Payer", "BucketOwner")), null);
    }

    AwsResponse putRequestPayment(AwsRequest request, S3Address address) {
        return putChoice(request, address, "requestPayment", "RequestPaymentConfiguration", "Payer", Set.of("BucketOwner", "Requester"));
    }

    /** Stores a document whose one element {@code element} must be one of {@code allowed} (MalformedXML otherwise). */
    private AwsResponse putChoice(AwsRequest request, S3Address address, String name, String root, String element, Set<String> allowed) {
        backend.headBucket(address.bucket());
        Body body = body(request, root);
        choice(body.root().childText(element), allowed);
        backend.putBucketConfiguration(address.bucket(), name, body.text());
        return empty();
    }

    /** GetBucketAbac: attribute-based access control is off until PutBucketAbac turns it on. */
    AwsResponse getAbac(AwsRequest request, S3Address address) {
        return get(address, "abac", closed(S3Xml.document("AbacStatus").element("Status", "Disabled")), null);
    }

    AwsResponse putAbac(AwsRequest request, S3Address address) {
        return putChoice(request, address, "abac", "AbacStatus", "Status", Set.of("Enabled", "Disabled"));
    }

    AwsResponse getAccelerate(AwsRequest request, S3Address address) {
        return get(address, "accelerate", closed(S3Xml.document("AccelerateConfiguration")), null);
    }

    AwsResponse putAccelerate(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        Body body = body(request, "AccelerateConfiguration");
        choice(body.root().childText("Status"), Set.of("Enabled", "Suspended"));
        if (address.bucket().contains(".")) {
            throw S3Errors.invalidRequest("S3 Transfer Acceleration is not supported for buckets with periods (.) in their names");
        }
        backend.putBucketConfiguration(address.bucket(), "accelerate", body.text());
        return empty();
    }

    AwsResponse getLogging(AwsRequest request, S3Address address) {
        return get(address, "logging", closed(S3Xml.document("BucketLoggingStatus")), null);
    }

    AwsResponse putLogging(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        Body body = body(request, "BucketLoggingStatus");
        XmlNode enabled = body.root().child("LoggingEnabled");
        if (enabled == null) {
            backend.deleteBucketConfiguration(address.bucket(), "logging");
            return empty();
        }
        String target = enabled.childText("TargetBucket");
        if (target == null || enabled.child("TargetPrefix") == null) {
            throw S3Errors.malformedXml();
        }
        try {
            backend.headBucket(target);
        } catch (AwsException e) {
            throw new AwsException(400, "InvalidTargetBucketForLogging", "The target bucket for logging does not exist")
                    .with("TargetBucket", target);
        }
        backend.putBucketConfiguration(address.bucket(), "logging", body.text());
        return empty();
    }

    AwsResponse delete(AwsRequest request, S3Address address, String name) {
        backend.deleteBucketConfiguration(address.bucket(), name);
        return AwsResponse.status(204);
    }

    private static void choice(String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw S3Errors.malformedXml();
        }
    }
}
