package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.BlockInputStream;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.UploadBody;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body held to a size range (a POST policy's content-length-range, and S3's 5 GiB): once it passes the
 * maximum nothing more reaches the blob store, the rest is only counted so the error can name the size
 * proposed, and {@link #finish()} refuses it before anything is committed.
 */
final class SizeRangeBody implements UploadBody {
    private final UploadBody body;
    private final long min;
    private final long max;
    private final Counting stream;

    SizeRangeBody(UploadBody body, long min, long max) {
        this.body = body;
        this.min = min;
        this.max = max;
        this.stream = new Counting(body.stream());
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public BodyDigests finish() {
        if (stream.count > max) {
            throw S3Errors.entityTooLarge(stream.count, max);
        }
        if (stream.count < min) {
            throw S3Errors.entityTooSmall(stream.count, min);
        }
        return body.finish();
    }

    private final class Counting extends BlockInputStream {
        private final InputStream in;
        private long count;

        Counting(InputStream in) {
            this.in = in;
        }

        @Override
        protected int readSome(byte[] buffer, int offset, int length) throws IOException {
            if (count > max) {
                return -1;
            }
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                return -1;
            }
            count += n;
            if (count > max) {
                byte[] sink = new byte[8192];
                for (int m; (m = in.read(sink)) >= 0; ) {
                    count += m;
                }
                return -1;
            }
            return n;
        }
    }
}
