package dev.cloudjar.persistence;

import java.nio.file.Path;

/**
 * A child process for {@link KillDashNineIT}: writes records one by one and prints "acked N" only after
 * {@link StateStore#awaitDurable()} returned for record N, until it is killed.
 */
public final class DurableWriter {
    public record Entry(int n, String text) {
    }

    public static void main(String[] args) {
        MapDbStateStore store = MapDbStateStore.onDisk(Path.of(args[0]));
        PersistentMap<Entry> map = store.map("entries", Entry.class);
        for (int n = 0; n < 1_000_000; n++) {
            map.put(String.format("%08d", n), new Entry(n, "entry " + n));
            store.awaitDurable();
            System.out.println("acked " + n);
            System.out.flush();
        }
    }
}
