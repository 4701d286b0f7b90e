package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MFADelete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** Bucket versioning through the SDK v2 client with default settings (checksums on). */
@ExtendWith(CloudJarExtension.class)
class S3VersioningIT {

    private static void enable(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    private static String put(S3Client s3, String bucket, String key, String body) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
    }

    private static String errorCode(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(S3Exception.class, call).awsErrorDetails().errorCode();
    }

    private static String get(S3Client s3, String bucket, String key, String versionId) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(versionId)).asUtf8String();
    }

    @Test
    void configurationIsStoredAndReturned(S3Client s3) {
        s3.createBucket(b -> b.bucket("vconf"));
        GetBucketVersioningResponse never = s3.getBucketVersioning(b -> b.bucket("vconf"));
        assertNull(never.status(), "a bucket never versioned has no Status");
        assertNull(never.mfaDelete());
        s3.putBucketVersioning(b -> b.bucket("vconf").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)
                .mfaDelete(MFADelete.DISABLED)));
        GetBucketVersioningResponse on = s3.getBucketVersioning(b -> b.bucket("vconf"));
        assertEquals(BucketVersioningStatus.ENABLED, on.status());
        assertEquals("Disabled", on.mfaDeleteAsString());
        s3.putBucketVersioning(b -> b.bucket("vconf").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        assertEquals(BucketVersioningStatus.SUSPENDED, s3.getBucketVersioning(b -> b.bucket("vconf")).status());
        assertEquals("MalformedXML", errorCode(() -> s3.putBucketVersioning(b -> b.bucket("vconf")
                .versioningConfiguration(v -> v.status("Sometimes")))));
        assertEquals("NoSuchBucket", errorCode(() -> s3.getBucketVersioning(b -> b.bucket("no-such-vbucket"))));
    }

    @Test
    void everyWriteGetsAVersionAndOldOnesStayReadable(S3Client s3) {
        enable(s3, "vwrites");
        String v1 = put(s3, "vwrites", "k", "one");
        String v2 = put(s3, "vwrites", "k", "two");
        assertNotNull(v1);
        assertEquals(32, v1.length(), v1);
        assertTrue(v1.matches("[A-Za-z0-9._]+"), v1);
        assertNotEquals(v1, v2);
        assertEquals("two", get(s3, "vwrites", "k", null));
        assertEquals("one", get(s3, "vwrites", "k", v1));
        HeadObjectResponse head = s3.headObject(b -> b.bucket("vwrites").key("k").versionId(v1));
        assertEquals(v1, head.versionId());
        assertEquals(3L, head.contentLength());
        assertEquals(v2, s3.getObject(b -> b.bucket("vwrites").key("k")).response().versionId());

        CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket("vwrites").sourceKey("k").sourceVersionId(v1)
                .destinationBucket("vwrites").destinationKey("k"));
        assertEquals(v1, copy.copySourceVersionId());
        assertNotNull(copy.versionId());
        assertEquals("one", get(s3, "vwrites", "k", null), "copying an old version onto its key restores it");

        String upload = s3.createMultipartUpload(b -> b.bucket("vwrites").key("k")).uploadId();
        String eTag = s3.uploadPart(b -> b.bucket("vwrites").key("k").uploadId(upload).partNumber(1), RequestBody.fromString("mp"))
                .eTag();
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket("vwrites").key("k").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(eTag))));
        assertNotNull(done.versionId());

        ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket("vwrites"));
        List<String> ids = versions.versions().stream().map(ObjectVersion::versionId).collect(Collectors.toList());
        assertEquals(List.of(done.versionId(), copy.versionId(), v2, v1), ids, "newest first");
        assertTrue(versions.versions().get(0).isLatest());
        assertEquals(1, versions.versions().stream().filter(ObjectVersion::isLatest).count());
        assertEquals("one", get(s3, "vwrites", "k", v1), "a self-copy shares bytes that stay readable");
    }

    @Test
    void deleteMarkersHideTheKeyAndCanBeRemoved(S3Client s3) {
        enable(s3, "vdelete");
        String v1 = put(s3, "vdelete", "k", "one");
        DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket("vdelete").key("k"));
        assertTrue(deleted.deleteMarker());
        String marker = deleted.versionId();
        assertNotNull(marker);
        NoSuchKeyException gone = assertThrows(NoSuchKeyException.class, () -> get(s3, "vdelete", "k", null));
        assertEquals("true", gone.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker").orElse(null));
        assertEquals(marker, gone.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id").orElse(null));
        S3Exception headGone = assertThrows(S3Exception.class, () -> s3.headObject(b -> b.bucket("vdelete").key("k")));
        assertEquals(404, headGone.statusCode());
        assertEquals("true", headGone.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker").orElse(null));
        S3Exception onMarker = assertThrows(S3Exception.class, () -> get(s3, "vdelete", "k", marker));
        assertEquals(405, onMarker.statusCode());
        assertEquals("MethodNotAllowed", onMarker.awsErrorDetails().errorCode());
        assertEquals("one", get(s3, "vdelete", "k", v1));
        assertTrue(s3.listObjectsV2(b -> b.bucket("vdelete")).contents().isEmpty(), "a marker hides the key from listings");

        ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket("vdelete"));
        assertEquals(1, versions.deleteMarkers().size());
        DeleteMarkerEntry entry = versions.deleteMarkers().get(0);
        assertEquals(marker, entry.versionId());
        assertTrue(entry.isLatest());
        assertFalse(versions.versions().get(0).isLatest());

        DeleteObjectResponse unmark = s3.deleteObject(b -> b.bucket("vdelete").key("k").versionId(marker));
        assertTrue(unmark.deleteMarker());
        assertEquals(marker, unmark.versionId());
        assertEquals("one", get(s3, "vdelete", "k", null), "removing the marker brings the object back");
        DeleteObjectResponse forGood = s3.deleteObject(b -> b.bucket("vdelete").key("k").versionId(v1));
        assertEquals(v1, forGood.versionId());
        assertNull(forGood.deleteMarker());
        assertThrows(NoSuchKeyException.class, () -> get(s3, "vdelete", "k", null));
        assertEquals("NoSuchVersion", errorCode(() -> get(s3, "vdelete", "k", v1)));
        S3Exception badId = assertThrows(S3Exception.class, () -> get(s3, "vdelete", "k", "not a version!"));
        assertEquals("InvalidArgument", badId.awsErrorDetails().errorCode());
        assertEquals("Invalid version id specified", badId.awsErrorDetails().errorMessage());
        s3.deleteBucket(b -> b.bucket("vdelete"));
    }

    @Test
    void versionedBucketWithOnlyVersionsLeftIsNotEmpty(S3Client s3) {
        enable(s3, "vnotempty");
        put(s3, "vnotempty", "k", "x");
        s3.deleteObject(b -> b.bucket("vnotempty").key("k"));
        assertEquals("BucketNotEmpty", errorCode(() -> s3.deleteBucket(b -> b.bucket("vnotempty"))));
    }

    @Test
    void suspendedAndUnversionedBucketsWriteTheNullVersion(S3Client s3) {
        s3.createBucket(b -> b.bucket("vnull"));
        assertNull(put(s3, "vnull", "k", "plain"), "unversioned writes announce no version");
        s3.putBucketVersioning(b -> b.bucket("vnull").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String v1 = put(s3, "vnull", "k", "versioned");
        assertEquals("plain", get(s3, "vnull", "k", "null"), "the object from before versioning is the null version");
        s3.putBucketVersioning(b -> b.bucket("vnull").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        put(s3, "vnull", "k", "suspended");
        List<String> ids = s3.listObjectVersions(b -> b.bucket("vnull")).versions().stream().map(ObjectVersion::versionId)
                .collect(Collectors.toList());
        assertEquals(List.of("null", v1), ids, "a suspended write replaces the one null version");
        assertEquals("suspended", get(s3, "vnull", "k", "null"));
        DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket("vnull").key("k"));
        assertTrue(deleted.deleteMarker());
        assertEquals("null", deleted.versionId());
        ListObjectVersionsResponse after = s3.listObjectVersions(b -> b.bucket("vnull"));
        assertEquals(List.of(v1), after.versions().stream().map(ObjectVersion::versionId).collect(Collectors.toList()));
        assertEquals("null", after.deleteMarkers().get(0).versionId());
    }

    @Test
    void listingPagesByKeyAndVersionMarkers(S3Client s3) {
        enable(s3, "vlist");
        List<String> expected = new ArrayList<>();
        for (String key : List.of("a", "b/1", "b/2", "c")) {
            String first = put(s3, "vlist", key, key + "1");
            String second = put(s3, "vlist", key, key + "2");
            expected.add(key + "@" + second);
            expected.add(key + "@" + first);
        }
        String marker = s3.deleteObject(b -> b.bucket("vlist").key("c")).versionId();
        expected.add(expected.size() - 2, "c@" + marker);
        List<String> seen = new ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        int pages = 0;
        while (true) {
            String km = keyMarker;
            String vm = versionMarker;
            ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket("vlist").maxKeys(3).keyMarker(km).versionIdMarker(vm));
            pages++;
            page.versions().forEach(v -> seen.add(v.key() + "@" + v.versionId()));
            page.deleteMarkers().forEach(m -> seen.add(m.key() + "@" + m.versionId()));
            assertTrue(page.versions().size() + page.deleteMarkers().size() <= 3);
            if (!page.isTruncated()) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
        assertEquals(3, pages);
        seen.sort(null);
        List<String> sortedExpected = new ArrayList<>(expected);
        sortedExpected.sort(null);
        assertEquals(sortedExpected, seen, "every version and marker exactly once across pages");

        ListObjectVersionsResponse folded = s3.listObjectVersions(b -> b.bucket("vlist").delimiter("/"));
        assertEquals(List.of("b/"), folded.commonPrefixes().stream().map(p -> p.prefix()).collect(Collectors.toList()));
        assertEquals(List.of("a", "a", "c", "c"), folded.versions().stream().map(ObjectVersion::key).collect(Collectors.toList()));
        ListObjectVersionsResponse prefixed = s3.listObjectVersions(b -> b.bucket("vlist").prefix("b/2"));
        assertEquals(2, prefixed.versions().size());
        assertEquals("InvalidArgument", errorCode(() -> s3.listObjectVersions(b -> b.bucket("vlist")
                .versionIdMarker(marker))));
    }

    @Test
    void deleteObjectsAndTaggingByVersion(S3Client s3) {
        enable(s3, "vbatch");
        String v1 = put(s3, "vbatch", "k", "one");
        String v2 = put(s3, "vbatch", "k", "two");
        s3.putObjectTagging(b -> b.bucket("vbatch").key("k").versionId(v1).tagging(t -> t.tagSet(Tag.builder().key("old").value("yes").build())));
        assertEquals("old", s3.getObjectTagging(b -> b.bucket("vbatch").key("k").versionId(v1)).tagSet().get(0).key());
        assertTrue(s3.getObjectTagging(b -> b.bucket("vbatch").key("k")).tagSet().isEmpty(), "the current version is untouched");

        DeleteObjectsResponse batch = s3.deleteObjects(b -> b.bucket("vbatch").delete(d -> d.objects(
                ObjectIdentifier.builder().key("k").versionId(v1).build(),
                ObjectIdentifier.builder().key("other").build())));
        assertEquals(2, batch.deleted().size());
        DeletedObject byVersion = batch.deleted().get(0);
        assertEquals(v1, byVersion.versionId());
        DeletedObject marked = batch.deleted().get(1);
        assertTrue(marked.deleteMarker());
        assertNotNull(marked.deleteMarkerVersionId());
        List<String> left = s3.listObjectVersions(b -> b.bucket("vbatch").prefix("k")).versions().stream()
                .map(ObjectVersion::versionId).collect(Collectors.toList());
        assertEquals(List.of(v2), left);
    }

    @Test
    void eventsCarryVersionIdsAndMarkerCreation(CloudJar cloudJar, S3Client s3) {
        List<S3ObjectEvent> events = new CopyOnWriteArrayList<>();
        cloudJar.context().events().subscribe(S3ObjectEvent.class, e -> {
            if ("vevents".equals(e.bucket())) {
                events.add(e);
            }
        });
        enable(s3, "vevents");
        String v1 = put(s3, "vevents", "k", "one");
        String marker = s3.deleteObject(b -> b.bucket("vevents").key("k")).versionId();
        s3.deleteObject(b -> b.bucket("vevents").key("k").versionId(v1));
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));
        List<S3ObjectEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(S3ObjectEvent::sequencer));
        assertEquals(List.of("ObjectCreated:Put", "ObjectRemoved:DeleteMarkerCreated", "ObjectRemoved:Delete"),
                ordered.stream().map(S3ObjectEvent::eventName).toList());
        assertEquals(List.of(v1, marker, v1), ordered.stream().map(S3ObjectEvent::versionId).toList());
    }

    @Test
    void versionsSurviveARestart(@TempDir Path dataDir) {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dataDir);
        String v1;
        String marker;
        try (CloudJar first = CloudJar.start(config);
                S3Client s3 = CloudJarExtension.client(S3Client.builder(), first).forcePathStyle(true).build()) {
            enable(s3, "vdurable");
            v1 = put(s3, "vdurable", "k", "one");
            put(s3, "vdurable", "k", "two");
            marker = s3.deleteObject(b -> b.bucket("vdurable").key("k")).versionId();
        }
        try (CloudJar second = CloudJar.start(config);
                S3Client s3 = CloudJarExtension.client(S3Client.builder(), second).forcePathStyle(true).build()) {
            assertEquals(BucketVersioningStatus.ENABLED, s3.getBucketVersioning(b -> b.bucket("vdurable")).status());
            assertEquals("one", get(s3, "vdurable", "k", v1));
            assertThrows(NoSuchKeyException.class, () -> get(s3, "vdurable", "k", null));
            ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket("vdurable"));
            assertEquals(marker, versions.deleteMarkers().get(0).versionId());
            assertEquals(2, versions.versions().size());
            String v3 = put(s3, "vdurable", "k", "three");
            assertEquals(v3, s3.listObjectVersions(b -> b.bucket("vdurable")).versions().get(0).versionId(),
                    "a version written after the restart sorts newest");
        }
    }
}
