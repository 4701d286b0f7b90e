package dev.cloudjar.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StateStore}: MapDB in memory by default, or a MapDB file with its write-ahead log under a
 * data directory. Durable writes use group commit: writers note a sequence number, one committer
 * thread commits whatever has accumulated, and {@link #awaitDurable()} returns once the commit that
 * covers the caller's last write is done.
 */
public final class MapDbStateStore implements StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(MapDbStateStore.class);
    private static final ThreadLocal<long[]> LAST_WRITE = ThreadLocal.withInitial(() -> new long[1]);

    private final DB db;
    private final BlobStore blobs;
    private final boolean durable;
    private final Map<String, PersistentMap<?>> maps = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final Object commitMonitor = new Object();
    private volatile long committed;
    private volatile boolean closed;
    private final Thread committer;

    private MapDbStateStore(DB db, BlobStore blobs, boolean durable) {
        this.db = db;
        this.blobs = blobs;
        this.durable = durable;
        if (durable) {
            committer = new Thread(this::commitLoop, "cloudjar-commit");
            committer.setDaemon(true);
            committer.start();
        } else {
            committer = null;
        }
    }

    /** A store that forgets everything when the process ends; blobs go to a temporary folder. */
    public static MapDbStateStore inMemory() {
        try {
            Path blobDir = TempFolders.create("blobs");
            return new MapDbStateStore(DBMaker.memoryDB().make(), new FileBlobStore(blobDir, false, true), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store kept under {@code dataDir}: {@code state.db} (with its WAL) and {@code blobs/}. */
    public static MapDbStateStore onDisk(Path dataDir) {
        usableDataDir(dataDir);
        try {
            DB db = open(dataDir.resolve("state.db").toFile());
            return new MapDbStateStore(db, new FileBlobStore(dataDir.resolve("blobs"), true, false), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the store file with its write-ahead log. A process killed while a commit was rewriting the file's
     * header leaves a header checksum that does not match, though every committed transaction is in the log,
     * and MapDB would refuse the file (and keep it locked). The header check is therefore bypassed: the log
     * replays what was committed, and the commit here writes a sound header again (MapDB logs a warning when
     * it found one broken). DurabilityIT kills CloudJar at random moments to prove the data comes back.
     */
    private static DB open(java.io.File file) {
        DB db = maker(file).checksumHeaderBypass().make();
        db.commit();
        return db;
    }

    private static DBMaker.Maker maker(java.io.File file) {
        return DBMaker.fileDB(file).transactionEnable().fileChannelEnable().closeOnJvmShutdown();
    }

    /** Creates the folder, or says in words why it cannot be used: a bare path is all the JDK would say. */
    static void usableDataDir(Path dataDir) {
        String problem;
        try {
            Files.createDirectories(dataDir);
            if (Files.isWritable(dataDir)) {
                return;
            }
            problem = "it is not writable";
        } catch (java.nio.file.FileAlreadyExistsException e) {
            problem = "a file that is not a folder is in the way (" + e.getFile() + ")";
        } catch (java.nio.file.AccessDeniedException e) {
            problem = "permission denied (" + e.getFile() + ")";
        } catch (java.nio.file.NoSuchFileException e) {
            problem = "its parent folder cannot hold folders (" + e.getFile() + ")";
        } catch (IOException | SecurityException e) {
            problem = e.getMessage();
        }
        throw new IllegalArgumentException("cannot keep state in data dir " + dataDir.toAbsolutePath() + ": " + problem);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> PersistentMap<V> map(String name, Class<V> valueType) {
        return (PersistentMap<V>) maps.computeIfAbsent(name, n -> {
            BTreeMap<String, byte[]> tree = db.treeMap(n, Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
            return new MapDbPersistentMap<>(tree, new JsonCodec<>(valueType), this);
        });
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public boolean durable() {
        return durable;
    }

    void wrote() {
        if (durable) {
            LAST_WRITE.get()[0] = written.incrementAndGet();
            synchronized (commitMonitor) {
                commitMonitor.notifyAll();
            }
        }
    }

    @Override
    public void awaitDurable() {
        if (!durable) {
            return;
        }
        long mine = LAST_WRITE.get()[0];
        if (mine == 0 || committed >= mine) {
            return;
        }
        synchronized (commitMonitor) {
            while (committed < mine && !closed) {
                try {
                    commitMonitor.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void commitLoop() {
        while (!closed) {
            long target;
            synchronized (commitMonitor) {
                while (written.get() == committed && !closed) {
                    try {
                        commitMonitor.wait(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                target = written.get();
            }
            if (closed) {
                return;
            }
            try {
                db.commit();
            } catch (RuntimeException e) {
                LOG.error("commit to the data directory failed", e);
            }
            synchronized (commitMonitor) {
                committed = target;
                commitMonitor.notifyAll();
            }
        }
    }

    @Override
    public void clear() {
        for (PersistentMap<?> map : maps.values()) {
            map.clear();
        }
        if (durable) {
            db.commit();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (commitMonitor) {
            commitMonitor.notifyAll();
        }
        try {
            if (durable && !db.isClosed()) {
                db.commit();
            }
            if (!db.isClosed()) {
                db.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("closing the state store failed", e);
        }
        if (blobs instanceof FileBlobStore file) {
            file.closeStore();
        }
    }
}
