package dev.cloudjar.launch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One class-data archive of CloudJar in the cache folder: a dynamic CDS archive ({@code .jsa}) on JDKs
 * before 25, an AOT cache ({@code .aot}, JEP 483/514) from 25 on. Its name is a hash of what makes an
 * archive valid (the JVM, the class path with its size and modification time, the JVM options), so a new
 * jar or JDK gets a new archive and never a stale one; the JVM checks the same itself.
 *
 * <p>An archive counts only with its {@code .ok} file next to it, written after a JVM started with
 * the archive required ({@code -Xshare:on} / {@code -XX:AOTMode=on}) accepted it, holding the archive's
 * length: a truncated or replaced archive (JDK 17 crashes on a truncated one) is never handed to the JVM.
 */
public record SharedArchive(Path file, boolean aotCache) {

    /** The magic number every CDS archive and AOT cache begins with (little-endian 0xf00baba?). */
    private static final int MAGIC_MASK = 0xfffffff0;
    private static final int MAGIC = 0xf00baba0;

    /** The archive for this JVM and class path in {@code cacheDir}; a JDK 25+ uses an AOT cache. */
    public static SharedArchive of(Path cacheDir, int javaFeature, String javaIdentity, Path classPath, List<String> jvmOptions) throws IOException {
        String jarPart = hash(classPath.toAbsolutePath().normalize().toString());
        String validity = javaIdentity + "\n" + Files.size(classPath) + "\n" + Files.getLastModifiedTime(classPath).toMillis()
                + "\n" + String.join("\n", jvmOptions);
        boolean aot = javaFeature >= 25;
        return new SharedArchive(cacheDir.resolve(jarPart + "-" + hash(validity) + (aot ? ".aot" : ".jsa")), aot);
    }

    /** The flags that make a JVM use this archive without a word when it cannot (the JVM then starts without it). */
    public List<String> useFlags() {
        return aotCache
                ? List.of("-XX:AOTCache=" + file, "-Xlog:aot*=off,cds*=off")
                : List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto", "-Xlog:cds*=off");
    }

    /** The flags that make a JVM write the archive to {@code output} when it exits. */
    public List<String> createFlags(Path output) {
        return aotCache
                ? List.of("-XX:AOTCacheOutput=" + output, "-Xlog:aot*=off,cds*=off")
                : List.of("-XX:ArchiveClassesAtExit=" + output, "-Xlog:cds*=off");
    }

    /** The flags that make a JVM refuse to start unless {@code candidate} can be used. */
    public List<String> requireFlags(Path candidate) {
        return aotCache
                ? List.of("-XX:AOTMode=on", "-XX:AOTCache=" + candidate)
                : List.of("-Xshare:on", "-XX:SharedArchiveFile=" + candidate);
    }

    public Path okFile() {
        return file.resolveSibling(file.getFileName() + ".ok");
    }

    /** Marks a failed creation so that every later start does not try again (a new jar or JDK does). */
    public Path failedFile() {
        return file.resolveSibling(file.getFileName() + ".failed");
    }

    public Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /** Whether the archive was made and checked, has the length it had then and starts like an archive. */
    public boolean usable() {
        try {
            if (!Files.isRegularFile(file) || !Files.isRegularFile(okFile())) {
                return false;
            }
            long expected = Long.parseLong(Files.readString(okFile(), StandardCharsets.US_ASCII).trim());
            return expected == Files.size(file) && hasMagic(file);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public boolean failedBefore() {
        return Files.exists(failedFile());
    }

    static boolean hasMagic(Path candidate) throws IOException {
        try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // read the four bytes
            }
            return !head.hasRemaining() && (head.getInt(0) & MAGIC_MASK) == MAGIC;
        }
    }

    /**
     * Puts a checked {@code candidate} in place (an atomic rename, then its {@code .ok}) and removes the
     * archives of earlier builds of the same jar, so the cache holds one archive per jar and JVM.
     */
    public void install(Path candidate) throws IOException {
        Files.move(candidate, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path okTemp = file.resolveSibling(file.getFileName() + ".ok.tmp" + ProcessHandle.current().pid());
        Files.writeString(okTemp, Long.toString(Files.size(file)), StandardCharsets.US_ASCII);
        Files.move(okTemp, okFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        removeOthersOfSameJar();
    }

    private void removeOthersOfSameJar() throws IOException {
        String name = file.getFileName().toString();
        String jarPart = name.substring(0, name.indexOf('-') + 1);
        String javaPart = aotCache ? ".aot" : ".jsa";
        try (Stream<Path> entries = Files.list(file.getParent())) {
            for (Path other : (Iterable<Path>) entries::iterator) {
                String otherName = other.getFileName().toString();
                if (otherName.startsWith(jarPart) && !otherName.startsWith(name) && otherName.contains(javaPart)
                        && !otherName.contains(".lock")) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
