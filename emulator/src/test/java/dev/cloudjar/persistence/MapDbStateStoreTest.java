package dev.cloudjar.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.core.Utf8Order;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapDbStateStoreTest {
    record Thing(String name, long size, Instant at, List<String> tags) {
    }

    @TempDir
    Path temp;

    @Test
    void keysIterateInUtf8ByteOrder() {
        try (MapDbStateStore store = MapDbStateStore.inMemory()) {
            PersistentMap<Thing> map = store.map("things", Thing.class);
            // U+FF5E sorts after U+1F600 in UTF-16 units but before it in UTF-8 bytes
            List<String> keys = List.of("b", "a", "\uD83D\uDE00", "\uFF5E", "a/b", "a b", "A", "\u00e9");
            for (String key : keys) {
                map.put(key, new Thing(key, 1, Instant.EPOCH, List.of()));
            }
            List<String> expected = keys.stream().sorted(Utf8Order.COMPARATOR).toList();
            List<String> actual = StreamSupport.stream(map.range(null, null).spliterator(), false).map(Map.Entry::getKey).toList();
            assertEquals(expected, actual);
            assertEquals(List.of("\uFF5E", "\uD83D\uDE00"), expected.subList(expected.size() - 2, expected.size()));
        }
    }

    @Test
    void rangesPrefixesAndDescendingViews() {
        try (MapDbStateStore store = MapDbStateStore.inMemory()) {
            PersistentMap<Thing> map = store.map("things", Thing.class);
            for (String key : List.of("a/1", "a/2", "a/3", "b/1", "ab")) {
                map.put(key, new Thing(key, 0, null, null));
            }
            assertEquals(List.of("a/1", "a/2", "a/3"), keys(map.prefix("a/")));
            assertEquals(List.of("a/2", "a/3"), keys(map.range("a/2", "ab")));
            assertEquals(List.of("a/3", "a/2"), keys(map.rangeDescending("a/2", "ab")));
            assertEquals(List.of("ab", "b/1"), StreamSupport.stream(map.keys("ab", null).spliterator(), false).toList());
            assertEquals(List.of(), keys(map.range("z", "a")));
        }
    }

    @Test
    void prefixScansIncludeKeysContinuingAboveTheBasicPlane() {
        try (MapDbStateStore store = MapDbStateStore.inMemory()) {
            PersistentMap<Thing> map = store.map("things", Thing.class);
            for (String key : List.of("p/\uD83D\uDE00", "p/\uFFFD", "p/a", "q")) {
                map.put(key, new Thing(key, 0, null, null));
            }
            assertEquals(List.of("p/a", "p/\uFFFD", "p/\uD83D\uDE00"), keys(map.prefix("p/")));
        }
    }

    @Test
    void computePutIfAbsentAndRemove() {
        try (MapDbStateStore store = MapDbStateStore.inMemory()) {
            PersistentMap<Thing> map = store.map("things", Thing.class);
            assertNull(map.putIfAbsent("k", new Thing("first", 1, null, null)));
            assertEquals("first", map.putIfAbsent("k", new Thing("second", 2, null, null)).name());
            Thing updated = map.compute("k", t -> new Thing(t.name(), t.size() + 41, null, List.of("x")));
            assertEquals(42, updated.size());
            assertEquals(updated, map.get("k"));
            map.compute("k", t -> null);
            assertFalse(map.containsKey("k"));
            assertFalse(map.remove("k"));
            assertEquals(0, map.size());
        }
    }

    @Test
    void diskStoreKeepsRecordsAcrossReopen() {
        Instant at = Instant.parse("2026-11-22T01:02:03.456Z");
        try (MapDbStateStore store = MapDbStateStore.onDisk(temp)) {
            store.map("things", Thing.class).put("k", new Thing("kept", 7, at, List.of("a", "b")));
            store.awaitDurable();
        }
        try (MapDbStateStore store = MapDbStateStore.onDisk(temp)) {
            assertEquals(new Thing("kept", 7, at, List.of("a", "b")), store.map("things", Thing.class).get("k"));
        }
    }

    @Test
    void blobsStreamInCommitAndReadRanges() throws Exception {
        try (MapDbStateStore store = MapDbStateStore.onDisk(temp)) {
            BlobStore blobs = store.blobs();
            String id;
            try (BlobStore.BlobSink sink = blobs.create()) {
                OutputStream out = sink.output();
                out.write("hello world".getBytes(StandardCharsets.UTF_8));
                id = sink.commit();
            }
            assertTrue(blobs.exists(id));
            assertEquals(11, blobs.size(id));
            try (InputStream in = blobs.open(id, 6, 5)) {
                assertArrayEquals("world".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }
            BlobStore.BlobSink aborted = blobs.create();
            aborted.output().write(1);
            aborted.abort();
            try (var files = Files.list(temp.resolve("blobs").resolve("tmp"))) {
                assertEquals(0, files.count(), "an aborted blob leaves no temporary file");
            }
            blobs.delete(id);
            assertFalse(blobs.exists(id));
            assertThrows(IllegalArgumentException.class, () -> blobs.open("../../etc/passwd"));
        }
    }

    @Test
    void anUploadCutOffByAKillLeavesNoTemporaryFileAfterTheNextStart() throws Exception {
        try (MapDbStateStore store = MapDbStateStore.onDisk(temp)) {
            BlobStore.BlobSink interrupted = store.blobs().create();
            interrupted.output().write(new byte[4096]);
            interrupted.output().flush();
            // no commit, no abort: as when the process is killed mid-upload
        }
        try (var files = Files.list(temp.resolve("blobs").resolve("tmp"))) {
            assertEquals(1, files.count(), "the interrupted upload's temporary file is there before the restart");
        }
        try (MapDbStateStore store = MapDbStateStore.onDisk(temp)) {
            try (var files = Files.list(temp.resolve("blobs").resolve("tmp"))) {
                assertEquals(0, files.count(), "a start removes what interrupted uploads left");
            }
        }
    }

    private static List<String> keys(Iterable<Map.Entry<String, Thing>> entries) {
        return StreamSupport.stream(entries.spliterator(), false).map(Map.Entry::getKey).collect(Collectors.toCollection(ArrayList::new));
    }

    @Test
    void aHeaderChecksumLeftBrokenByAKillIsRecoveredFromTheLog(@TempDir Path dir) throws Exception {
        try (MapDbStateStore store = MapDbStateStore.onDisk(dir)) {
            store.map("entries", DurableWriter.Entry.class).put("00000001", new DurableWriter.Entry(1, "kept"));
            store.awaitDurable();
        }
        // what a kill -9 in the middle of a commit's header write leaves: bytes 24.. hold MapDB's header checksum
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(dir.resolve("state.db").toFile(), "rw")) {
            file.seek(24);
            int b = file.read();
            file.seek(24);
            file.write(b ^ 0xFF);
        }
        for (int open = 0; open < 2; open++) { // recovered once, then sound for every later start
            try (MapDbStateStore store = MapDbStateStore.onDisk(dir)) {
                assertEquals("kept", store.map("entries", DurableWriter.Entry.class).get("00000001").text());
            }
        }
    }
}
