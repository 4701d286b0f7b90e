package dev.cloudjar.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsLauncherTest {
    @TempDir
    Path dir;

    @Test
    void aJarCommandLineKeepsOptionsJarAndArguments() {
        JavaCommandLine line = JavaCommandLine.parse("/jdk/bin/java", List.of("-Xmx256m", "-Dx=1", "-jar", "e.jar", "--port", "0")).orElseThrow();
        assertEquals(List.of("-Xmx256m", "-Dx=1"), line.jvmOptions());
        assertEquals(List.of("-jar", "e.jar"), line.launch());
        assertEquals(List.of("--port", "0"), line.programArgs());
        assertEquals(List.of("/jdk/bin/java", "-XX:SharedArchiveFile=a", "-Xmx256m", "-Dx=1", "-jar", "e.jar", "--port", "0"),
                line.with(List.of("-XX:SharedArchiveFile=a")));
        assertEquals(List.of("/jdk/bin/java", "-Xshare:on", "-Xmx256m", "-Dx=1", "-cp", "e.jar", "M", "--version"),
                line.running("e.jar", "M", List.of("-Xshare:on"), List.of("--version")));
    }

    @Test
    void aClassPathCommandLineKeepsItsMainClassAndOptionValues() {
        JavaCommandLine line = JavaCommandLine.parse("java", List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", "e.jar",
                "dev.cloudjar.Main", "--port", "1")).orElseThrow();
        assertEquals(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED"), line.jvmOptions());
        assertEquals(List.of("-cp", "e.jar", "dev.cloudjar.Main"), line.launch());
        assertEquals(List.of("--port", "1"), line.programArgs());
    }

    @Test
    void formsItCannotReproduceAreNotRelaunched() {
        assertTrue(JavaCommandLine.parse("java", List.of("-m", "mod/Main")).isEmpty());
        assertTrue(JavaCommandLine.parse("java", List.of("@argfile")).isEmpty());
        assertTrue(JavaCommandLine.parse("java", List.of("dev.cloudjar.Main")).isEmpty(), "class path from CLASSPATH");
        assertTrue(JavaCommandLine.parse("java", List.of("-jar")).isEmpty());
    }

    @Test
    void theUsersOwnArchiveFlagsWin() {
        for (String own : List.of("-XX:SharedArchiveFile=x.jsa", "-Xshare:off", "-XX:ArchiveClassesAtExit=x", "-XX:AOTCache=x.aot", "-XX:AOTMode=off")) {
            assertTrue(JavaCommandLine.parse("java", List.of(own, "-jar", "e.jar")).orElseThrow().choosesOwnArchive(), own);
        }
        for (String attached : List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005", "-javaagent:a.jar",
                "-XX:StartFlightRecording=filename=r.jfr")) {
            assertTrue(JavaCommandLine.parse("java", List.of(attached, "-jar", "e.jar")).orElseThrow().choosesOwnArchive(),
                    attached + ": the JVM the user started runs CloudJar");
        }
        assertFalse(JavaCommandLine.parse("java", List.of("-Xmx1g", "-jar", "e.jar")).orElseThrow().choosesOwnArchive());
    }

    @Test
    void theFlagAndTheEnvironmentTurnItOff() {
        assertTrue(CdsLauncher.disabled(List.of("--port", "1", "--no-cds"), Map.of()));
        assertTrue(CdsLauncher.disabled(List.of(), Map.of("CLOUDJAR_CDS", "off")));
        assertTrue(CdsLauncher.disabled(List.of(), Map.of("CLOUDJAR_CDS", "FALSE")));
        assertTrue(CdsLauncher.disabled(List.of("--version"), Map.of()), "--version needs no server");
        assertTrue(CdsLauncher.disabled(List.of("-h"), Map.of()));
        assertFalse(CdsLauncher.disabled(List.of("--port", "1"), Map.of()));
        assertFalse(CdsLauncher.disabled(List.of("--port", "1"), Map.of("CLOUDJAR_CDS", "on")));
    }

    @Test
    void theCacheFolderFollowsTheEnvironment() {
        assertEquals(Path.of("/c/own"), CdsLauncher.cacheDir(Map.of("CLOUDJAR_CDS_DIR", "/c/own", "XDG_CACHE_HOME", "/x")));
        assertEquals(Path.of("/x/cloudjar"), CdsLauncher.cacheDir(Map.of("XDG_CACHE_HOME", "/x")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "cloudjar"), CdsLauncher.cacheDir(Map.of()));
    }

    @Test
    void aReadOnlyCacheFolderMeansNoArchiveAndNoError() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("ro"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        // root may write anyway; what matters is that plan() answers without throwing
        Optional<CdsLauncher.Launch> plan = CdsLauncher.plan(List.of(), Map.of("CLOUDJAR_CDS_DIR", readOnly.resolve("sub").toString()),
                ProcessHandle.current().info());
        if (!Files.isWritable(readOnly)) {
            assertTrue(plan.isEmpty());
        }
        assertTrue(CdsLauncher.plan(List.of(), Map.of("CLOUDJAR_CDS_DIR", "/proc/no-cache-here"), ProcessHandle.current().info()).isEmpty());
    }

    @Test
    void aNewJarOrJdkOrOptionGetsAnotherArchive() throws IOException {
        Path jar = Files.writeString(dir.resolve("e.jar"), "jar");
        SharedArchive first = SharedArchive.of(dir, 17, "jdk17", jar, List.of());
        assertEquals(first, SharedArchive.of(dir, 17, "jdk17", jar, List.of()));
        assertNotEquals(first.file(), SharedArchive.of(dir, 17, "jdk17.1", jar, List.of()).file());
        assertNotEquals(first.file(), SharedArchive.of(dir, 17, "jdk17", jar, List.of("-Xmx1g")).file());
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertNotEquals(first.file(), SharedArchive.of(dir, 17, "jdk17", jar, List.of()).file(), "a rebuilt jar");
        assertTrue(first.file().toString().endsWith(".jsa"));
        assertTrue(SharedArchive.of(dir, 25, "jdk25", jar, List.of()).aotCache());
    }

    @Test
    void onlyAnInstalledArchiveOfTheRecordedLengthIsUsed() throws IOException {
        Path jar = Files.writeString(dir.resolve("e.jar"), "jar");
        SharedArchive archive = SharedArchive.of(dir, 17, "jdk17", jar, List.of());
        assertFalse(archive.usable(), "no archive yet");
        Path candidate = archive(dir.resolve("candidate"), 4096);
        archive.install(candidate);
        assertTrue(archive.usable());
        Files.write(archive.file(), new byte[100]); // truncated (JDK 17 would crash on it) and no magic
        assertFalse(archive.usable(), "a truncated archive is ignored");
        archive.install(archive(dir.resolve("candidate2"), 4096));
        Files.writeString(archive.okFile(), "garbage");
        assertFalse(archive.usable(), "a broken .ok file");
        archive.install(archive(dir.resolve("candidate3"), 4096));
        byte[] bytes = Files.readAllBytes(archive.file());
        bytes[0] = 0;
        Files.write(archive.file(), bytes);
        assertFalse(archive.usable(), "not an archive");
    }

    @Test
    void installingRemovesTheArchivesOfEarlierBuildsOfTheSameJar() throws IOException {
        Path jar = Files.writeString(dir.resolve("e.jar"), "jar");
        SharedArchive old = SharedArchive.of(dir, 17, "jdk17", jar, List.of());
        old.install(archive(dir.resolve("c1"), 64));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        SharedArchive rebuilt = SharedArchive.of(dir, 17, "jdk17", jar, List.of());
        rebuilt.install(archive(dir.resolve("c2"), 64));
        assertFalse(Files.exists(old.file()));
        assertFalse(Files.exists(old.okFile()));
        assertTrue(rebuilt.usable());
    }

    @Test
    void aFreshLockIsHeldAndAStaleOneTakenOver() throws IOException {
        Path lock = dir.resolve("a.lock");
        assertTrue(CdsLauncher.lock(lock));
        assertFalse(CdsLauncher.lock(lock), "another start is creating the archive");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(3600)));
        assertTrue(CdsLauncher.lock(lock), "a creation killed long ago does not block the next");
    }

    private static Path archive(Path path, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(0, 0xf00baba8);
        return Files.write(path, bytes.array());
    }
}
