package dev.cloudjar.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged write survives {@code kill -9} of the process that made it. */
class KillDashNineIT {
    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteIsThereAfterKill() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, DurableWriter.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        int lastAcked = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    lastAcked = Integer.parseInt(line.substring(6));
                    if (lastAcked >= 300) {
                        break;
                    }
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "the child was killed with SIGKILL");
        assertTrue(lastAcked >= 300, "the child acknowledged writes before it was killed");
        try (MapDbStateStore store = MapDbStateStore.onDisk(dataDir)) {
            PersistentMap<DurableWriter.Entry> map = store.map("entries", DurableWriter.Entry.class);
            for (int n = 0; n <= lastAcked; n++) {
                DurableWriter.Entry entry = map.get(String.format("%08d", n));
                assertNotNull(entry, "acknowledged record " + n + " is lost");
                assertEquals("entry " + n, entry.text());
            }
        }
    }
}
