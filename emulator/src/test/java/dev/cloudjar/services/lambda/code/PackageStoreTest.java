package dev.cloudjar.services.lambda.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.services.lambda.TestPackages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class PackageStoreTest {
    @Test
    void zipSlipEntriesAreRejected() throws Exception {
        for (String name : new String[] {"../evil.class", "a/../../evil", "/abs/path", "C:\\win", "a\\..\\..\\x"}) {
            byte[] zip = TestPackages.singleEntry(name, new byte[] {1});
            AwsException e = assertThrows(AwsException.class, () -> PackageStore.validate(zip), name);
            assertEquals("InvalidParameterValueException", e.code());
            Path root = Files.createTempDirectory("unpack");
            assertThrows(AwsException.class, () -> new CodeUnpacker(root, IdGenerator.random()).unpack(new ByteArrayInputStream(zip)));
            assertTrue(Files.notExists(root.getParent().resolve("evil.class")));
            CodeUnpacker.delete(root);
        }
    }

    @Test
    void notAZipIsRejected() {
        AwsException e = assertThrows(AwsException.class, () -> PackageStore.validate("hello".getBytes()));
        assertEquals("Could not unzip uploaded file. Please check your file, then try to upload again.", e.getMessage());
    }

    @Test
    void unzippedSizeIsBounded() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("big.bin"));
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < 251; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        AwsException e = assertThrows(AwsException.class, () -> PackageStore.validate(bytes.toByteArray()));
        assertEquals("Unzipped size must be smaller than 262144000 bytes", e.getMessage());
    }

    @Test
    void unpacksClassesAndLibJarsOntoTheClassPath() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("a/B.class"));
            zip.write(1);
            zip.putNextEntry(new ZipEntry("lib/dep.jar"));
            zip.write(TestPackages.singleEntry("x.txt", new byte[] {2}));
            zip.closeEntry();
        }
        Path root = Files.createTempDirectory("unpack");
        UnpackedCode code = new CodeUnpacker(root, IdGenerator.random()).unpack(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(2, code.classPath().size());
        assertTrue(code.classPath().get(1).toString().endsWith("lib/dep.jar"));
        assertTrue(code.classPath().get(0).toString().endsWith("package.jar"));
        assertTrue(Files.exists(code.directory().resolve("lib/dep.jar")));
        CodeUnpacker.delete(root);
    }
}
