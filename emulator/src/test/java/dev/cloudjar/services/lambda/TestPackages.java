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

    /**
     * The fixtures plus, under lib/, the AWS SDK for Java v2 jars of the test class path (Lambda client
     * and its runtime, URL-connection HTTP client only), as a user's function jar would bundle them.
     */
    public static byte[] fixturesWithSdk() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes);
                 java.util.zip.ZipInputStream base = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(fixtures()))) {
                java.util.zip.ZipEntry entry;
                while ((entry = base.getNextEntry()) != null) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    base.transferTo(zip);
                    zip.closeEntry();
                }
                java.util.Set<String> skip = java.util.Set.of("apache-client", "apache5-client", "netty-nio-client", "s3",
                        "s3-transfer-manager", "dynamodb", "dynamodb-enhanced", "sqs", "sns", "sts", "aws-crt-client");
                for (String element : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                    Path jar = Path.of(element);
                    String path = jar.toString().replace('\\', '/');
                    boolean sdk = path.contains("/software/amazon/awssdk/") || path.contains("/software/amazon/eventstream/")
                            || path.contains("/org/reactivestreams/") || path.contains("/org/slf4j/slf4j-api/");
                    if (!sdk || !path.endsWith(".jar") || skip.contains(jar.getParent().getParent().getFileName().toString())) {
                        continue;
                    }
                    zip.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                    Files.copy(jar, zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with one entry of the given name. */
    public static byte[] singleEntry(String name, byte[] content) {
        return zip(java.util.Map.of(name, content));
    }

    /** A zip of the given entries, in the map's order. */
    public static byte[] zip(java.util.Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (java.util.Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry name and compiled bytes of a test class, as a jar holds it. */
    public static java.util.Map.Entry<String, byte[]> classEntry(Class<?> type) {
        String name = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            return java.util.Map.entry(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
