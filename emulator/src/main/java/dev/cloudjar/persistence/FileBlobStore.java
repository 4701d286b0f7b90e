package dev.cloudjar.persistence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as files {@code <dir>/<2 hex>/<id>}, ids made here from random hex. Durable stores fsync the
 * file before the move that publishes it.
 */
final class FileBlobStore implements BlobStore {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private final Path dir;
    private final boolean sync;
    private final boolean deleteOnClose;

    FileBlobStore(Path dir, boolean sync, boolean deleteOnClose) throws IOException {
        this.dir = dir;
        this.sync = sync;
        this.deleteOnClose = deleteOnClose;
        Files.createDirectories(dir.resolve("tmp"));
        removeInterruptedWrites(dir.resolve("tmp"));
    }

    /**
     * Temporary files left by a process that stopped mid-upload (kill -9, power loss): no write of
     * this process can be in them yet, and no record names them.
     */
    private static void removeInterruptedWrites(Path tmp) throws IOException {
        try (java.util.stream.Stream<Path> leftovers = Files.list(tmp)) {
            for (Path file : leftovers.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public BlobSink create() throws IOException {
        String id = newId();
        Path temp = dir.resolve("tmp").resolve(id);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FileSink(id, temp, channel);
    }

    @Override
    public InputStream open(String id) throws IOException {
        return Files.newInputStream(path(id));
    }

    @Override
    public InputStream open(String id, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(path(id), StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public long size(String id) throws IOException {
        return Files.size(path(id));
    }

    @Override
    public boolean exists(String id) {
        return ID.matcher(id).matches() && Files.exists(path(id));
    }

    @Override
    public void delete(String id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void closeStore() {
        if (!deleteOnClose) {
            return;
        }
        TempFolders.delete(dir);
    }

    private Path path(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a blob id");
        }
        return dir.resolve(id.substring(0, 2)).resolve(id);
    }

    private static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID(r.nextLong(), r.nextLong()).toString().replace("-", "");
    }

    private final class FileSink implements BlobSink {
        private final String id;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream out;
        private boolean done;

        FileSink(String id, Path temp, FileChannel channel) {
            this.id = id;
            this.temp = temp;
            this.channel = channel;
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public String commit() throws IOException {
            if (done) {
                return id;
            }
            out.flush();
            if (sync) {
                channel.force(false);
            }
            channel.close();
            Path target = path(id);
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            done = true;
            return id;
        }

        @Override
        public void abort() {
            if (done) {
                return;
            }
            done = true;
            try {
                channel.close();
                Files.deleteIfExists(temp);
            } catch (NoSuchFileException ignored) {
                // already gone
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
