package dev.cloudjar.services.lambda.code;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.persistence.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks deployment packages (a zip, sizes within AWS's quotas, no entry escaping its folder) and
 * keeps them in the BlobStore, where they are the truth: unpacked folders are only a cache.
 */
public final class PackageStore {
    private final BlobStore blobs;

    public PackageStore(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Validates and stores a package; throws InvalidParameterValueException for bad packages. */
    public FunctionPackage store(byte[] zip) {
        if (zip.length > CodeLimits.MAX_ZIPPED_BYTES) {
            throw invalid("Unzipped size must be smaller than " + CodeLimits.MAX_UNZIPPED_BYTES
                    + " bytes. Zipped size must be smaller than " + CodeLimits.MAX_ZIPPED_BYTES + " bytes");
        }
        validate(zip);
        String sha = sha256(zip);
        try (BlobStore.BlobSink sink = blobs.create()) {
            sink.output().write(zip); // commit() syncs and closes the stream itself
            return new FunctionPackage(sink.commit(), sha, zip.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store function code", e);
        }
    }

    public void delete(String blobId) {
        blobs.delete(blobId);
    }

    public InputStream open(String blobId) throws IOException {
        return blobs.open(blobId);
    }

    /** The sum of the uncompressed sizes of a valid package's entries (what the 250 MB quota counts). */
    public static long unzippedSize(byte[] zip) {
        return validate(zip);
    }

    /** The unzipped size of a stored package. */
    public long unzippedSize(String blobId) {
        try (InputStream in = blobs.open(blobId)) {
            return validate(in.readNBytes((int) CodeLimits.MAX_ZIPPED_BYTES + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A readable zip, safe entry names, unzipped total within the quota; from the central directory when
     * possible. Returns the unzipped total.
     */
    static long validate(byte[] zip) {
        List<ZipDirectory.Entry> entries = zip.length < 22 ? null : ZipDirectory.read(zip);
        if (entries == null) {
            return inflateAndValidate(zip);
        }
        if (entries.isEmpty() || entries.size() > CodeLimits.MAX_ENTRIES) {
            throw invalid("Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
        long total = 0;
        for (ZipDirectory.Entry entry : entries) {
            try {
                EntryPaths.requireSafe(entry.name());
            } catch (IllegalArgumentException e) {
                throw invalid("Could not unzip uploaded file. Please check your file, then try to upload again.");
            }
            total += entry.uncompressedSize();
        }
        if (total > CodeLimits.MAX_UNZIPPED_BYTES) {
            throw invalid("Unzipped size must be smaller than " + CodeLimits.MAX_UNZIPPED_BYTES + " bytes");
        }
        return total;
    }

    /** Walks every entry by inflating it: archives the central directory reader does not handle (ZIP64). */
    static long inflateAndValidate(byte[] zip) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > CodeLimits.MAX_ENTRIES) {
                    throw invalid("Could not unzip uploaded file. Please check your file, then try to upload again.");
                }
                EntryPaths.requireSafe(entry.getName());
                int read;
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > CodeLimits.MAX_UNZIPPED_BYTES) {
                        throw invalid("Unzipped size must be smaller than " + CodeLimits.MAX_UNZIPPED_BYTES + " bytes");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
        if (entries == 0) {
            throw invalid("Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
        return total;
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
            digest.transferTo(OutputStream.nullOutputStream());
            return Base64.getEncoder().encodeToString(digest.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static AwsException invalid(String message) {
        return new AwsException(400, "InvalidParameterValueException", message);
    }
}
