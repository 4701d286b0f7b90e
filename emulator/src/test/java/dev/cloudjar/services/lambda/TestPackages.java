package dev.cloudjar.services.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds deployment packages for tests from the compiled fixture classes (with their nested classes). */
public final class TestPackages {
    private TestPackages() {
    }

    private static byte[] fixtures;

    /** A zip holding every class of the fixtures package, as a function jar would (built once: same CodeSha256). */
    public static synchronized byte[] fixtures() {
        if (fixtures == null) {
            fixtures = buildFixtures();
        }
        return fixtures.clone();
    }

    private static byte[] buildFixtures() {
        try {
            Path dir = Path.of(TestPackages.class.getResource("fixtures/EchoHandler.class").toURI()).getParent();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    zip.putNextEntry(new ZipEntry("dev/cloudjar/services/lambda/fixtures/" + file.getFileName()));
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip with one entry of the given name. */
    public static byte[] singleEntry(String name, byte[] content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
