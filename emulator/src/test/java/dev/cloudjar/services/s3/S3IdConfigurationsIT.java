package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AnalyticsConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.IntelligentTieringAccessTier;
import software.amazon.awssdk.services.s3.model.IntelligentTieringConfiguration;
import software.amazon.awssdk.services.s3.model.IntelligentTieringStatus;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryFormat;
import software.amazon.awssdk.services.s3.model.InventoryFrequency;
import software.amazon.awssdk.services.s3.model.InventoryIncludedObjectVersions;
import software.amazon.awssdk.services.s3.model.ListBucketMetricsConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.MetricsConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Inventory, analytics, metrics, intelligent-tiering and replication configurations through the SDK v2 client. */
@ExtendWith(CloudJarExtension.class)
class S3IdConfigurationsIT {

    private static void assertError(int status, String code, Executable call) {
        S3Exception e = assertThrows(S3Exception.class, call);
        assertEquals(status, e.statusCode(), e.getMessage());
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    }

    private static InventoryConfiguration inventory(String id) {
        return InventoryConfiguration.builder().id(id).isEnabled(true)
                .destination(d -> d.s3BucketDestination(b -> b.bucket("arn:aws:s3:::idc-reports").format(InventoryFormat.CSV).prefix("inv")))
                .includedObjectVersions(InventoryIncludedObjectVersions.CURRENT)
                .schedule(s -> s.frequency(InventoryFrequency.DAILY)).optionalFieldsWithStrings("Size", "ETag").build();
    }

    @Test
    void inventoryConfigurationsAreStoredListedAndDeleted(S3Client s3) {
        s3.createBucket(b -> b.bucket("idc-inventory"));
        s3.putBucketInventoryConfiguration(b -> b.bucket("idc-inventory").id("daily").inventoryConfiguration(inventory("daily")));
        s3.putBucketInventoryConfiguration(b -> b.bucket("idc-inventory").id("another").inventoryConfiguration(inventory("another")));
        InventoryConfiguration got = s3.getBucketInventoryConfiguration(b -> b.bucket("idc-inventory").id("daily")).inventoryConfiguration();
        assertEquals(inventory("daily"), got);
        var listed = s3.listBucketInventoryConfigurations(b -> b.bucket("idc-inventory"));
        assertEquals(List.of("another", "daily"), listed.inventoryConfigurationList().stream().map(InventoryConfiguration::id).toList());
        assertFalse(listed.isTruncated());
        assertEquals(inventory("daily"), listed.inventoryConfigurationList().get(1));

        assertError(404, "NoSuchConfiguration", () -> s3.getBucketInventoryConfiguration(b -> b.bucket("idc-inventory").id("absent")));
        assertError(404, "NoSuchConfiguration", () -> s3.deleteBucketInventoryConfiguration(b -> b.bucket("idc-inventory").id("absent")));
        assertError(400, "MalformedXML", () -> s3.putBucketInventoryConfiguration(b -> b.bucket("idc-inventory").id("bad")
                .inventoryConfiguration(inventory("bad").toBuilder()
                        .destination(d -> d.s3BucketDestination(x -> x.bucket("arn:aws:s3:::idc-reports").format("JSON"))).build())));
        assertError(400, "InvalidArgument", () -> s3.putBucketInventoryConfiguration(b -> b.bucket("idc-inventory").id("one")
                .inventoryConfiguration(inventory("other"))));
        assertError(404, "NoSuchBucket", () -> s3.listBucketInventoryConfigurations(b -> b.bucket("idc-no-such-bucket")));

        s3.deleteBucketInventoryConfiguration(b -> b.bucket("idc-inventory").id("daily"));
        assertError(404, "NoSuchConfiguration", () -> s3.getBucketInventoryConfiguration(b -> b.bucket("idc-inventory").id("daily")));
        assertEquals(1, s3.listBucketInventoryConfigurations(b -> b.bucket("idc-inventory")).inventoryConfigurationList().size());
    }

    @Test
    void metricsListsPageByContinuationToken(S3Client s3) {
        s3.createBucket(b -> b.bucket("idc-metrics"));
        for (int i = 0; i < 105; i++) {
            String id = String.format("m%03d", i);
            s3.putBucketMetricsConfiguration(b -> b.bucket("idc-metrics").id(id)
                    .metricsConfiguration(m -> m.id(id).filter(f -> f.prefix("logs/" + id))));
        }
        MetricsConfiguration one = s3.getBucketMetricsConfiguration(b -> b.bucket("idc-metrics").id("m007")).metricsConfiguration();
        assertEquals("logs/m007", one.filter().prefix());
        ListBucketMetricsConfigurationsResponse first = s3.listBucketMetricsConfigurations(b -> b.bucket("idc-metrics"));
        assertTrue(first.isTruncated());
        assertEquals(100, first.metricsConfigurationList().size());
        assertNull(first.continuationToken());
        ListBucketMetricsConfigurationsResponse second = s3.listBucketMetricsConfigurations(b -> b.bucket("idc-metrics")
                .continuationToken(first.nextContinuationToken()));
        assertFalse(second.isTruncated());
        assertEquals(first.nextContinuationToken(), second.continuationToken());
        assertNull(second.nextContinuationToken());
        List<String> ids = new ArrayList<>();
        first.metricsConfigurationList().forEach(m -> ids.add(m.id()));
        second.metricsConfigurationList().forEach(m -> ids.add(m.id()));
        assertEquals(105, ids.size());
        assertEquals("m000", ids.get(0));
        assertEquals("m104", ids.get(104));
        s3.deleteBucketMetricsConfiguration(b -> b.bucket("idc-metrics").id("m000"));
        assertError(404, "NoSuchConfiguration", () -> s3.getBucketMetricsConfiguration(b -> b.bucket("idc-metrics").id("m000")));
    }

    @Test
    void analyticsAndIntelligentTiering(S3Client s3) {
        s3.createBucket(b -> b.bucket("idc-tiers"));
        AnalyticsConfiguration analytics = AnalyticsConfiguration.builder().id("a1").filter(f -> f.prefix("data/"))
                .storageClassAnalysis(s -> s.dataExport(d -> d.outputSchemaVersion("V_1")
                        .destination(x -> x.s3BucketDestination(y -> y.bucket("arn:aws:s3:::idc-reports").format("CSV"))))).build();
        s3.putBucketAnalyticsConfiguration(b -> b.bucket("idc-tiers").id("a1").analyticsConfiguration(analytics));
        assertEquals(analytics, s3.getBucketAnalyticsConfiguration(b -> b.bucket("idc-tiers").id("a1")).analyticsConfiguration());
        assertEquals(List.of(analytics), s3.listBucketAnalyticsConfigurations(b -> b.bucket("idc-tiers")).analyticsConfigurationList());
        s3.deleteBucketAnalyticsConfiguration(b -> b.bucket("idc-tiers").id("a1"));
        assertTrue(s3.listBucketAnalyticsConfigurations(b -> b.bucket("idc-tiers")).analyticsConfigurationList().isEmpty());

        IntelligentTieringConfiguration tiering = IntelligentTieringConfiguration.builder().id("cold").status(IntelligentTieringStatus.ENABLED)
                .tierings(t -> t.accessTier(IntelligentTieringAccessTier.ARCHIVE_ACCESS).days(90),
                        t -> t.accessTier(IntelligentTieringAccessTier.DEEP_ARCHIVE_ACCESS).days(180)).build();
        s3.putBucketIntelligentTieringConfiguration(b -> b.bucket("idc-tiers").id("cold").intelligentTieringConfiguration(tiering));
        assertEquals(tiering, s3.getBucketIntelligentTieringConfiguration(b -> b.bucket("idc-tiers").id("cold")).intelligentTieringConfiguration());
        assertEquals(List.of(tiering), s3.listBucketIntelligentTieringConfigurations(b -> b.bucket("idc-tiers"))
                .intelligentTieringConfigurationList());
        assertError(400, "MalformedXML", () -> s3.putBucketIntelligentTieringConfiguration(b -> b.bucket("idc-tiers").id("x")
                .intelligentTieringConfiguration(tiering.toBuilder().id("x").tierings(List.of()).build())));
        s3.deleteBucketIntelligentTieringConfiguration(b -> b.bucket("idc-tiers").id("cold"));
        assertError(404, "NoSuchConfiguration", () -> s3.getBucketIntelligentTieringConfiguration(b -> b.bucket("idc-tiers").id("cold")));
        s3.putBucketIntelligentTieringConfiguration(b -> b.bucket("idc-tiers").id("cold").intelligentTieringConfiguration(tiering));
        s3.deleteBucket(b -> b.bucket("idc-tiers"));
        s3.createBucket(b -> b.bucket("idc-tiers"));
        assertTrue(s3.listBucketIntelligentTieringConfigurations(b -> b.bucket("idc-tiers")).intelligentTieringConfigurationList().isEmpty());
    }

    private static ReplicationConfiguration replication(String destination) {
        return ReplicationConfiguration.builder().role("arn:aws:iam::000000000000:role/replication")
                .rules(r -> r.id("all").priority(1).status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix(""))
                        .deleteMarkerReplication(d -> d.status("Disabled"))
                        .destination(d -> d.bucket("arn:aws:s3:::" + destination))).build();
    }

    private static void versioning(S3Client s3, String bucket, BucketVersioningStatus status) {
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(status)));
    }

    @Test
    void replicationNeedsVersioningOnBothSides(S3Client s3) {
        s3.createBucket(b -> b.bucket("idc-source"));
        s3.createBucket(b -> b.bucket("idc-target"));
        assertError(404, "ReplicationConfigurationNotFoundError", () -> s3.getBucketReplication(b -> b.bucket("idc-source")));
        S3Exception unversioned = assertThrows(S3Exception.class, () -> s3.putBucketReplication(b -> b.bucket("idc-source")
                .replicationConfiguration(replication("idc-target"))));
        assertEquals("InvalidRequest", unversioned.awsErrorDetails().errorCode());
        assertEquals("Versioning must be 'Enabled' on the bucket to apply a replication configuration", unversioned.awsErrorDetails().errorMessage());
        versioning(s3, "idc-source", BucketVersioningStatus.ENABLED);
        assertError(400, "InvalidRequest", () -> s3.putBucketReplication(b -> b.bucket("idc-source").replicationConfiguration(replication("idc-target"))));
        assertError(400, "InvalidRequest", () -> s3.putBucketReplication(b -> b.bucket("idc-source").replicationConfiguration(replication("idc-nowhere"))));
        assertError(400, "MalformedXML", () -> s3.putBucketReplication(b -> b.bucket("idc-source")
                .replicationConfiguration(replication("idc-target").toBuilder().rules(List.of()).build())));
        versioning(s3, "idc-target", BucketVersioningStatus.ENABLED);
        s3.putBucketReplication(b -> b.bucket("idc-source").replicationConfiguration(replication("idc-target")));
        assertEquals(replication("idc-target"), s3.getBucketReplication(b -> b.bucket("idc-source")).replicationConfiguration());
        assertError(409, "InvalidBucketState", () -> versioning(s3, "idc-source", BucketVersioningStatus.SUSPENDED));
        s3.deleteBucketReplication(b -> b.bucket("idc-source"));
        assertError(404, "ReplicationConfigurationNotFoundError", () -> s3.getBucketReplication(b -> b.bucket("idc-source")));
        versioning(s3, "idc-source", BucketVersioningStatus.SUSPENDED);
    }
}
