package dev.cloudjar.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/examples/junit5 is a project of a user's own: it installs CloudJar's artifacts as {@code mvn install}
 * would (into the local repository, as that command does) and builds the example against them with plain
 * {@code mvn test}, in a copy outside the repository.
 */
class ExampleProjectIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();
    private static final String VERSION = System.getProperty("cloudjar.version", "0.1.0-SNAPSHOT");

    @Test
    void theExampleProjectBuildsAndPassesAgainstTheInstalledArtifacts(@TempDir Path work) throws Exception {
        install(ROOT.resolve("pom.xml"), ROOT.resolve("pom.xml"), work);
        install(ROOT.resolve("emulator/target/emulator.jar"), ROOT.resolve("emulator/pom.xml"), work);
        install(MODULE.resolve("target/cloudjar-junit5-" + VERSION + ".jar"), MODULE.resolve("pom.xml"), work);

        Path project = work.resolve("example");
        copy(ROOT.resolve("docs/examples/junit5"), project);
        Result test = mvn(project, List.of("-B", "test"));
        assertEquals(0, test.exit, test.output);
        assertTrue(test.output.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), test.output);
        assertTrue(Files.exists(project.resolve("target/surefire-reports/TEST-com.example.UploadTest.xml")), "surefire ran UploadTest");
    }

    private static void install(Path file, Path pom, Path work) throws Exception {
        assertTrue(Files.exists(file), file + " is built before the integration tests");
        Result r = mvn(work, List.of("-B", "-q", "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file",
                "-Dfile=" + file, "-DpomFile=" + pom));
        assertEquals(0, r.exit, r.output);
    }

    private static Result mvn(Path dir, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("mvn");
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "mvn finished");
        return new Result(process.exitValue(), output);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path relative = from.relativize(source);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private record Result(int exit, String output) {
    }
}
