package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's 60-second tour, every command of it as written, with the installed {@code aws} CLI and
 * {@code AWS_ENDPOINT_URL} set as the tour sets it (only the port is this CloudJar's).
 */
@ExtendWith(CloudJarExtension.class)
class ReadmeTourIT {
    private static final Pattern SH_BLOCK = Pattern.compile("^```sh\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void theTourRunsAsWritten(CloudJar cloudJar, @TempDir Path workDir) throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String tour = readme.substring(readme.indexOf("## A 60-second tour"), readme.indexOf("## Options"));
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        Matcher blocks = SH_BLOCK.matcher(tour);
        int count = 0;
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
            count++;
        }
        assertTrue(count >= 2, "the tour's command blocks: " + count);
        String port = cloudJar.endpoint().substring(cloudJar.endpoint().lastIndexOf(':') + 1);
        String commands = script.toString().replace("127.0.0.1:4566", "127.0.0.1:" + port);
        // the tour runs from the repository root: its Maven build and the function jar it deploys
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String entry : List.of("pom.xml", "emulator", "junit", "sample-functions")) {
            Files.createSymbolicLink(workDir.resolve(entry), root.resolve(entry));
        }
        String out = new CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", commands), workDir).assertSuccess().stdout();

        assertTrue(out.contains("\"status\":\"running\""), out);
        assertTrue(out.contains("\"Account\": \"000000000000\""), out);
        assertTrue(out.contains("greetings/hello.txt"), out);
        assertTrue(out.contains("hello\n"), "the presigned URL served the object: " + out);
        assertTrue(out.contains("Berlin is out of stock of Echo"), "the message reached the queue: " + out);
        assertTrue(out.contains("\"Hello, CloudJar!\""), "the function answered: " + out);
    }
}
