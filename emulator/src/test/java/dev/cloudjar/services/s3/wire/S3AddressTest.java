package dev.cloudjar.services.s3.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class S3AddressTest {
    @Test
    void pathStyle() {
        assertEquals(new S3Address("bkt", "a b/c+d.txt"), S3Address.of("/bkt/a%20b/c%2Bd.txt", "127.0.0.1:4566"));
        assertEquals(new S3Address("bkt", "a+b"), S3Address.of("/bkt/a+b", "localhost:4566"));
        assertEquals(new S3Address("bkt", null), S3Address.of("/bkt", "localhost:4566"));
        assertEquals(new S3Address("bkt", null), S3Address.of("/bkt/", "localhost:4566"));
        assertEquals(new S3Address(null, null), S3Address.of("/", "localhost:4566"));
        assertEquals(new S3Address("bkt", "dir/"), S3Address.of("/bkt/dir/", "127.0.0.1"));
    }

    @Test
    void virtualHostStyle() {
        assertEquals(new S3Address("bkt", "k/x"), S3Address.of("/k/x", "bkt.localhost:4566"));
        assertEquals(new S3Address("bkt", null), S3Address.of("/", "bkt.s3.localhost:4566"));
        assertEquals(new S3Address("my.bucket", "k"), S3Address.of("/k", "my.bucket.s3.localhost.localstack.cloud:4566"));
        assertEquals(new S3Address("bkt", "k"), S3Address.of("/k", "bkt.s3.us-east-1.amazonaws.com"));
        assertNull(S3Address.bucketFromHost("s3.localhost:4566"));
        assertNull(S3Address.bucketFromHost("127.0.0.1:4566"));
        assertNull(S3Address.bucketFromHost("[::1]:4566"));
    }

    @Test
    void copySourceParsing() {
        assertArrayEquals(new String[] {"bkt", "a b/c+d.txt", null}, ObjectRoutes.copySource("bkt/a%20b/c%2Bd.txt"));
        assertArrayEquals(new String[] {"bkt", "k", "null"}, ObjectRoutes.copySource("/bkt/k?versionId=null"));
    }
}
