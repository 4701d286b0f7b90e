package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ListObjects and ListObjectsV2 through the SDK v2 client. */
@ExtendWith(CloudJarExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ListingIT {
    private static final String BUCKET = "listing";
    private static final List<String> KEYS = List.of("a b/1.txt", "a b/2.txt", "a+b.txt", "photos/2024/x.jpg", "photos/y.jpg",
            "readme", "z\u00e9");

    @BeforeAll
    void fill(S3Client s3) {
        s3.createBucket(b -> b.bucket(BUCKET));
        for (String key : KEYS) {
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
        }
    }

    private static List<String> keys(List<S3Object> objects) {
        return objects.stream().map(S3Object::key).collect(Collectors.toList());
    }

    private static List<String> prefixes(List<CommonPrefix> prefixes) {
        return prefixes.stream().map(CommonPrefix::prefix).collect(Collectors.toList());
    }

    @Test
    void v2ListsEverythingInOrder(S3Client s3) {
        ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket(BUCKET));
        assertEquals(KEYS, keys(all.contents()));
        assertEquals(KEYS.size(), all.keyCount());
        assertFalse(all.isTruncated());
        assertEquals(11L, all.contents().get(3).size() - 6L);
        assertNull(all.contents().get(0).owner(), "no owner without fetch-owner");
        assertTrue(s3.listObjectsV2(b -> b.bucket(BUCKET).fetchOwner(true)).contents().get(0).owner() != null);
    }

    @Test
    void v2DelimiterAndPrefix(S3Client s3) {
        ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket(BUCKET).delimiter("/"));
        assertEquals(List.of("a+b.txt", "readme", "z\u00e9"), keys(top.contents()));
        assertEquals(List.of("a b/", "photos/"), prefixes(top.commonPrefixes()));
        assertEquals(5, top.keyCount());
        ListObjectsV2Response photos = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("photos/").delimiter("/"));
        assertEquals(List.of("photos/y.jpg"), keys(photos.contents()));
        assertEquals(List.of("photos/2024/"), prefixes(photos.commonPrefixes()));
    }

    @Test
    void v2PaginatesWithContinuationTokensAndStartAfter(S3Client s3) {
        ListObjectsV2Response first = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(2).delimiter("/"));
        assertTrue(first.isTruncated());
        assertEquals(2, first.keyCount());
        ListObjectsV2Response second = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(2).delimiter("/")
                .continuationToken(first.nextContinuationToken()));
        assertEquals(List.of("photos/"), prefixes(second.commonPrefixes()));
        assertEquals(List.of("readme"), keys(second.contents()));
        List<String> paged = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(3)).contents().stream()
                .map(S3Object::key).collect(Collectors.toList());
        assertEquals(KEYS, paged);
        assertEquals(List.of("readme", "z\u00e9"), keys(s3.listObjectsV2(b -> b.bucket(BUCKET).startAfter("photos/y.jpg")).contents()));
    }

    @Test
    void v1MarkersAndNextMarker(S3Client s3) {
        ListObjectsResponse page = s3.listObjects(b -> b.bucket(BUCKET).maxKeys(2).delimiter("/"));
        assertTrue(page.isTruncated());
        assertEquals("a+b.txt", page.nextMarker());
        ListObjectsResponse next = s3.listObjects(b -> b.bucket(BUCKET).marker(page.nextMarker()));
        assertEquals(List.of("photos/2024/x.jpg", "photos/y.jpg", "readme", "z\u00e9"), keys(next.contents()));
        assertTrue(next.contents().get(0).owner() != null);
        List<String> all = new java.util.ArrayList<>();
        String marker = null;
        while (true) {
            String from = marker;
            ListObjectsResponse r = s3.listObjects(b -> b.bucket(BUCKET).maxKeys(2).marker(from));
            assertNull(r.nextMarker(), "NextMarker only with a delimiter");
            all.addAll(keys(r.contents()));
            if (!r.isTruncated()) {
                break;
            }
            marker = all.get(all.size() - 1);
        }
        assertEquals(KEYS, all);
    }

    @Test
    void encodingTypeUrlOnlyWhenAsked(URI endpoint, S3Client s3) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String plain = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET + "?list-type=2&prefix=a")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(plain.contains("<Key>a b/1.txt</Key>"), plain);
        assertFalse(plain.contains("EncodingType"));
        String encoded = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET + "?list-type=2&prefix=a&encoding-type=url")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(encoded.contains("<EncodingType>url</EncodingType>"));
        assertTrue(encoded.contains("<Key>a%20b/1.txt</Key>"), encoded);
        assertTrue(encoded.contains("<Key>a%2Bb.txt</Key>"), encoded);
        assertEquals("a+b.txt", s3.listObjectsV2(b -> b.bucket(BUCKET).encodingType("url").prefix("a+")).contents().get(0).key());
    }

    @Test
    void versionListingShowsEachObjectAsItsOnlyVersion(S3Client s3) {
        software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse versions =
                s3.listObjectVersions(b -> b.bucket(BUCKET).prefix("photos/"));
        assertEquals(List.of("photos/2024/x.jpg", "photos/y.jpg"), versions.versions().stream().map(v -> v.key()).toList());
        assertEquals("null", versions.versions().get(0).versionId());
        assertTrue(versions.versions().get(0).isLatest());
        assertEquals(List.of("photos/"), prefixes(s3.listObjectVersions(b -> b.bucket(BUCKET).delimiter("/")).commonPrefixes())
                .subList(1, 2));
    }

    @Test
    void missingBucket(S3Client s3) {
        assertThrows404(s3);
    }

    private static void assertThrows404(S3Client s3) {
        NoSuchBucketException e = org.junit.jupiter.api.Assertions.assertThrows(NoSuchBucketException.class,
                () -> s3.listObjectsV2(b -> b.bucket("not-there")));
        assertEquals(404, e.statusCode());
    }
}
