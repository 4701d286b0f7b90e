package dev.cloudjar.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary folders of an in-memory CloudJar (object bodies, unpacked function code). Each is named
 * with the owning process id, so that a later start can remove what a CloudJar killed with
 * {@code kill -9} left behind: a folder whose process is gone has no owner that could still read it.
 */
public final class TempFolders {
    private static final Pattern OWNED = Pattern.compile("cloudjar-(\\d+)-.*");

    private TempFolders() {
    }

    /** A new folder {@code cloudjar-<pid>-<purpose>-<random>} under the JDK's temporary directory. */
    public static Path create(String purpose) {
        try {
            return Files.createTempDirectory("cloudjar-" + ProcessHandle.current().pid() + "-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the folders of CloudJar processes that no longer run; returns how many it removed. */
    public static int removeOrphans() {
        return removeOrphans(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static int removeOrphans(Path tmp) {
        int removed = 0;
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Matcher owned = OWNED.matcher(entry.getFileName().toString());
                if (owned.matches() && Files.isDirectory(entry) && !alive(owned.group(1))) {
                    delete(entry);
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the temporary directory cannot be listed: nothing of ours can be found there either
        }
        return removed;
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a pid we wrote: leave it alone
        }
    }

    /** Deletes a folder and everything in it, as far as it can; what remains is left to the OS. */
    public static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a folder another process is removing at the same time, or one we may not enter
        }
    }
}
