package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.persistence.MapDbStateStore;
import dev.cloudjar.services.s3.model.CompletedPart;
import dev.cloudjar.services.s3.model.GetObjectInput;
import dev.cloudjar.services.s3.model.ListObjectsInput;
import dev.cloudjar.services.s3.model.ListObjectsResult;
import dev.cloudjar.services.s3.model.MultipartUploadInput;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectRead;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PutObjectInput;
import dev.cloudjar.services.s3.model.UploadBody;
import dev.cloudjar.services.s3.model.UploadRecord;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3BackendTest {
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    private MapDbStateStore store;
    private EventBus events;
    private S3Backend s3;

    @BeforeEach
    void start() {
        store = MapDbStateStore.inMemory();
        events = new EventBus();
        s3 = new S3Backend(new ServiceContext(CloudJarConfig.defaults(), store, events, Clock.systemUTC(), IdGenerator.random()));
        s3.createBucket(SCOPE, "bkt", null);
    }

    @AfterEach
    void stop() {
        events.close();
        store.close();
    }

    static UploadBody body(byte[] data) {
        return new UploadBody() {
            private final InputStream in = new ByteArrayInputStream(data);

            @Override
            public InputStream stream() {
                return in;
            }

            @Override
            public BodyDigests finish() {
                try {
                    return new BodyDigests(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)), data.length, null, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private ObjectRecord put(String key, String content) {
        return s3.putObject(SCOPE, new PutObjectInput("bkt", key, ObjectHeaders.empty(), Map.of()),
                body(content.getBytes(StandardCharsets.UTF_8)), Caller.internal());
    }

    private ObjectRecord complete(String bucket, String key, String uploadId, List<CompletedPart> parts) {
        return s3.completeMultipartUpload(SCOPE, new dev.cloudjar.services.s3.model.CompleteUploadInput(bucket, key, uploadId, parts,
                null, null, null, null), Caller.internal());
    }

    private ListObjectsResult list(String prefix, String delimiter, String after, int max) {
        return s3.listObjects(new ListObjectsInput("bkt", prefix, delimiter, after, max));
    }

    private static List<String> keys(ListObjectsResult r) {
        return r.contents().stream().map(ObjectRecord::key).collect(Collectors.toList());
    }

    @Test
    void listingIsInUtf8OrderWithPrefixesCountedAgainstMaxKeys() {
        for (String k : List.of("a/1", "a/2", "b", "c/x/y", "c/z", "d", "\uE000", "\uD83D\uDE00")) {
            put(k, "x");
        }
        assertEquals(List.of("a/1", "a/2", "b", "c/x/y", "c/z", "d", "\uE000", "\uD83D\uDE00"), keys(list(null, null, null, 1000)));
        ListObjectsResult folded = list(null, "/", null, 1000);
        assertEquals(List.of("b", "d", "\uE000", "\uD83D\uDE00"), keys(folded));
        assertEquals(List.of("a/", "c/"), folded.commonPrefixes());
        ListObjectsResult page = list(null, "/", null, 2);
        assertEquals(List.of("b"), keys(page));
        assertEquals(List.of("a/"), page.commonPrefixes());
        assertTrue(page.truncated());
        assertEquals("b", page.nextPosition());
        ListObjectsResult next = list(null, "/", page.nextPosition(), 2);
        assertEquals(List.of("d"), keys(next));
        assertEquals(List.of("c/"), next.commonPrefixes());
        ListObjectsResult afterPrefix = list(null, "/", "a/", 1000);
        assertFalse(afterPrefix.commonPrefixes().contains("a/"), "a prefix at or before the marker is not repeated");
        assertEquals(List.of("c/x/"), list("c/", "/", null, 1000).commonPrefixes());
        assertEquals(List.of("c/z"), keys(list("c/", "/", null, 1000)));
        assertEquals(0, list(null, null, null, 0).keyCount());
        assertFalse(list(null, null, null, 0).truncated());
    }

    @Test
    void rangesAndParts() throws Exception {
        put("k", "0123456789");
        ObjectRead read = s3.getObject(new GetObjectInput("bkt", "k", "bytes=2-4", null, null, null, null, null));
        assertTrue(read.partial());
        try (InputStream in = s3.openObject(read)) {
            assertEquals("234", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        AwsException e = assertThrows(AwsException.class,
                () -> s3.getObject(new GetObjectInput("bkt", "k", null, 2, null, null, null, null)));
        assertEquals("InvalidPartNumber", e.code());
    }

    @Test
    void multipartAssemblesPartsInOrderWithTheMd5OfMd5sETag() throws Exception {
        UploadRecord upload = s3.createMultipartUpload(new MultipartUploadInput("bkt", "big", ObjectHeaders.empty(), Map.of(), null, null));
        byte[] first = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(first, (byte) 'a');
        byte[] second = "tail".getBytes(StandardCharsets.UTF_8);
        String e2 = s3.uploadPart("bkt", "big", upload.uploadId(), 2, body(second)).eTag();
        String e1 = s3.uploadPart("bkt", "big", upload.uploadId(), 1, body(first)).eTag();
        assertEquals("InvalidPartOrder", assertThrows(AwsException.class, () -> complete("bkt", "big",
                upload.uploadId(), List.of(new CompletedPart(2, e2, null, null), new CompletedPart(1, e1, null, null)))).code());
        assertEquals("InvalidPart", assertThrows(AwsException.class, () -> complete("bkt", "big",
                upload.uploadId(), List.of(new CompletedPart(1, "\"beef\"", null, null)))).code());
        ObjectRecord done = complete("bkt", "big", upload.uploadId(),
                List.of(new CompletedPart(1, "\"" + e1 + "\"", null, null), new CompletedPart(2, e2, null, null)));
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(HexFormat.of().parseHex(e1));
        md5.update(HexFormat.of().parseHex(e2));
        assertEquals(HexFormat.of().formatHex(md5.digest()) + "-2", done.eTag());
        ObjectRead part2 = s3.getObject(new GetObjectInput("bkt", "big", null, 2, null, null, null, null));
        assertEquals(first.length, part2.offset());
        try (InputStream in = s3.openObject(s3.getObject(new GetObjectInput("bkt", "big", "bytes=-6", null, null, null, null, null)))) {
            assertArrayEquals("aatail".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertEquals("NoSuchUpload", assertThrows(AwsException.class,
                () -> s3.abortMultipartUpload("bkt", "big", upload.uploadId())).code());
    }

    @Test
    void smallPartsAreEntityTooSmallAtComplete() {
        UploadRecord upload = s3.createMultipartUpload(new MultipartUploadInput("bkt", "k", ObjectHeaders.empty(), Map.of(), null, null));
        String e1 = s3.uploadPart("bkt", "k", upload.uploadId(), 1, body(new byte[10])).eTag();
        String e2 = s3.uploadPart("bkt", "k", upload.uploadId(), 2, body(new byte[10])).eTag();
        AwsException e = assertThrows(AwsException.class, () -> complete("bkt", "k", upload.uploadId(),
                List.of(new CompletedPart(1, e1, null, null), new CompletedPart(2, e2, null, null))));
        assertEquals("EntityTooSmall", e.code());
        assertEquals("1", e.details().get("PartNumber"));
    }

    @Test
    void bucketRules() {
        assertEquals("bkt", s3.createBucket(SCOPE, "bkt", null).name(), "us-east-1 recreate is a no-op");
        Scope eu = new Scope("000000000000", "eu-west-1");
        assertEquals("IllegalLocationConstraintException", assertThrows(AwsException.class, () -> s3.createBucket(eu, "bk2", null)).code());
        assertEquals("eu-west-1", s3.createBucket(eu, "bk2", "eu-west-1").region());
        assertEquals("BucketAlreadyOwnedByYou", assertThrows(AwsException.class, () -> s3.createBucket(eu, "bk2", "eu-west-1")).code());
        assertEquals("BucketAlreadyExists", assertThrows(AwsException.class,
                () -> s3.createBucket(new Scope("111111111111", "us-east-1"), "bkt", null)).code());
        assertEquals("InvalidLocationConstraint", assertThrows(AwsException.class, () -> s3.createBucket(SCOPE, "bk3", "us-east-1")).code());
        assertEquals("InvalidBucketName", assertThrows(AwsException.class, () -> s3.createBucket(SCOPE, "Bad_Name", null)).code());
        put("k", "v");
        assertEquals("BucketNotEmpty", assertThrows(AwsException.class, () -> s3.deleteBucket("bkt")).code());
    }

    @Test
    void writesPublishEventsWithIncreasingSequencers() {
        List<S3ObjectEvent> seen = new CopyOnWriteArrayList<>();
        events.subscribe(S3ObjectEvent.class, seen::add);
        put("a", "hello");
        s3.deleteObject(SCOPE, "bkt", "a", Caller.internal());
        assertTrue(events.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(2, seen.size());
        List<S3ObjectEvent> ordered = new ArrayList<>(seen);
        ordered.sort((x, y) -> x.sequencer().compareTo(y.sequencer()));
        assertEquals("ObjectCreated:Put", ordered.get(0).eventName());
        assertEquals(5L, ordered.get(0).size());
        assertEquals("5d41402abc4b2a76b9719d911017c592", ordered.get(0).eTag());
        assertEquals("ObjectRemoved:Delete", ordered.get(1).eventName());
    }
}
