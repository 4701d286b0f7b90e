package dev.cloudjar.services.lambda.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.services.lambda.TestPackages;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LayerUnpackerTest {
    @Test
    void everyEntryIsExtractedUnderAGeneratedFolder() throws Exception {
        Path root = Files.createTempDirectory("layers");
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("python/", new byte[0]);
            entries.put("python/mod.py", "X = 1".getBytes());
            entries.put("nodejs/node_modules/dep/index.js", "module.exports = 1".getBytes());
            Path layer = new LayerUnpacker(root, IdGenerator.random()).unpack(new ByteArrayInputStream(TestPackages.zip(entries)));
            assertEquals(root, layer.getParent());
            assertTrue(layer.getFileName().toString().matches("layer-[0-9a-f]{16}"), layer.toString());
            assertEquals("X = 1", Files.readString(layer.resolve("python/mod.py")));
            assertTrue(Files.isRegularFile(layer.resolve("nodejs/node_modules/dep/index.js")));
        } finally {
            CodeUnpacker.delete(root);
        }
    }

    @Test
    void entriesEscapingTheFolderAreRejected() throws Exception {
        for (String name : new String[] {"../evil", "java/../../evil", "/abs/evil", "C:\\evil"}) {
            Path root = Files.createTempDirectory("layers");
            byte[] zip = TestPackages.singleEntry(name, new byte[] {1});
            AwsException e = assertThrows(AwsException.class,
                    () -> new LayerUnpacker(root, IdGenerator.random()).unpack(new ByteArrayInputStream(zip)), name);
            assertEquals("InvalidParameterValueException", e.code());
            assertTrue(Files.notExists(root.getParent().resolve("evil")), name);
            try (Stream<Path> left = Files.list(root)) {
                assertEquals(0, left.count(), "the half-unpacked folder is removed");
            }
            CodeUnpacker.delete(root);
        }
    }

    @Test
    void layersExtendTheClassPathAfterTheFunctionLaterLayersWinning() throws Exception {
        Path root = Files.createTempDirectory("layers");
        try {
            LayerUnpacker unpacker = new LayerUnpacker(root, IdGenerator.random());
            Path first = unpacker.unpack(new ByteArrayInputStream(TestPackages.zip(Map.of(
                    "java/lib/common.jar", new byte[] {1}, "java/lib/a.jar", new byte[] {2}))));
            Path second = unpacker.unpack(new ByteArrayInputStream(TestPackages.zip(Map.of(
                    "java/lib/common.jar", new byte[] {3}, "java/Own.class", new byte[] {4}))));
            URL own = root.resolve("package.jar").toUri().toURL();
            UnpackedCode code = LayerUnpacker.withLayers(new UnpackedCode(root, List.of(own)), List.of(first, second));
            assertEquals(List.of(own, second.resolve("java").toUri().toURL(), first.resolve("java").toUri().toURL(),
                    first.resolve("java/lib/a.jar").toUri().toURL(), second.resolve("java/lib/common.jar").toUri().toURL()),
                    code.classPath());
            assertEquals(List.of(first, second), code.layerRoots());
        } finally {
            CodeUnpacker.delete(root);
        }
    }
}
