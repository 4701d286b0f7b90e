package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.persistence.BlobStore;
import dev.cloudjar.persistence.BlobStore.BlobSink;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.Segment;
import dev.cloudjar.services.s3.model.UploadBody;
import dev.cloudjar.services.s3.model.UploadBody.BodyDigests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import java.util.NoSuchElementException;

/** Moves object bytes between requests and the blob store, streaming, never whole in the heap. */
final class BlobIO {
    private static final int BUFFER = 64 * 1024;

    private BlobIO() {
    }

    /** A blob written and committed, with the digests of its bytes. */
    record Stored(String blob, long size, String md5, String checksumAlgorithm, String checksumValue) {
    }

    /**
     * Streams an upload into a new blob, lets the body verify its digests, and commits only when
     * they hold; on any failure the blob is discarded.
     */
    static Stored ingest(BlobStore blobs, UploadBody body) {
        BlobSink sink = create(blobs);
        try {
            try (InputStream in = body.stream()) {
                in.transferTo(sink.output());
            } catch (IOException e) {
                if (e.getCause() instanceof AwsException) {
                    throw (AwsException) e.getCause();
                }
                throw S3Errors.incompleteBody();
            }
            BodyDigests digests = body.finish();
            String blob = sink.commit();
            return new Stored(blob, digests.size(), digests.md5(), digests.checksumAlgorithm(), digests.checksumValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sink.abort();
        }
    }

    /**
     * Copies {@code length} bytes of an object from {@code offset} into a new blob, computing its MD5
     * and (when the algorithm is one the JDK has) a flexible checksum on the way.
     */
    static Stored copy(BlobStore blobs, ObjectRecord source, long offset, long length, String checksumAlgorithm) {
        BlobSink sink = create(blobs);
        JdkDigest md5 = JdkDigest.md5();
        JdkDigest checksum = JdkDigest.forAlgorithm(checksumAlgorithm);
        try (InputStream in = open(blobs, source, offset, length)) {
            OutputStream out = sink.output();
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                md5.update(buffer, 0, n);
                if (checksum != null) {
                    checksum.update(buffer, 0, n);
                }
                total += n;
            }
            String blob = sink.commit();
            return new Stored(blob, total, JdkDigest.hex(md5.finish()), checksum == null ? null : checksumAlgorithm,
                    checksum == null ? null : java.util.Base64.getEncoder().encodeToString(checksum.finish()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sink.abort();
        }
    }

    /** The object's bytes {@code [offset, offset + length)}, opening its segments one after another. */
    static InputStream open(BlobStore blobs, ObjectRecord object, long offset, long length) {
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        if (object.segments().size() == 1) {
            Segment only = object.segments().get(0);
            return openBlob(blobs, only.blob(), offset, length, only.size());
        }
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private int index;
            private long segmentStart;
            private long remaining = length;
            private long position = offset;

            @Override
            public boolean hasMoreElements() {
                while (remaining > 0 && index < object.segments().size()) {
                    Segment s = object.segments().get(index);
                    if (position < segmentStart + s.size()) {
                        return true;
                    }
                    segmentStart += s.size();
                    index++;
                }
                return false;
            }

            @Override
            public InputStream nextElement() {
                if (!hasMoreElements()) {
                    throw new NoSuchElementException();
                }
                Segment s = object.segments().get(index);
                long within = position - segmentStart;
                long take = Math.min(s.size() - within, remaining);
                position += take;
                remaining -= take;
                return openBlob(blobs, s.blob(), within, take, s.size());
            }
        });
    }

    private static InputStream openBlob(BlobStore blobs, String blob, long offset, long length, long blobSize) {
        try {
            return offset == 0 && length == blobSize ? blobs.open(blob) : blobs.open(blob, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BlobSink create(BlobStore blobs) {
        try {
            return blobs.create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
