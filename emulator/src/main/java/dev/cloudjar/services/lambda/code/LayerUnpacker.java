package dev.cloudjar.services.lambda.code;

import dev.cloudjar.core.IdGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks layer content into {@code <root>/layer-<generated id>/}, every entry, as AWS extracts layers
 * into {@code /opt}. Folder names are generated; entry names are checked so none can escape the folder;
 * the unzipped total and the entry count are bounded by AWS's quotas.
 */
public final class LayerUnpacker {
    private final Path root;
    private final IdGenerator ids;

    public LayerUnpacker(Path root, IdGenerator ids) {
        this.root = root;
        this.ids = ids;
    }

    /** The folder the layer was unpacked into. */
    public Path unpack(InputStream zip) {
        return unpackAll(zip, "layer-");
    }

    /**
     * Every entry of a package into {@code <root>/<prefix><generated id>/}: layers, and the code of
     * process runtimes (Python, Node.js, provided), which read files, not a class path.
     */
    public Path unpackAll(InputStream zip, String prefix) {
        Path target = root.resolve(prefix + ids.hex(8));
        try {
            Files.createDirectories(target);
            long total = 0;
            int entries = 0;
            try (ZipInputStream in = new ZipInputStream(zip)) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    if (++entries > CodeLimits.MAX_ENTRIES) {
                        throw new IOException("too many entries");
                    }
                    Path path = EntryPaths.resolve(target, entry.getName());
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                        continue;
                    }
                    Files.createDirectories(path.getParent());
                    try (OutputStream out = Files.newOutputStream(path)) {
                        total += CodeUnpacker.copyBounded(in, out, CodeLimits.MAX_UNZIPPED_BYTES - total);
                    }
                }
            }
            return target;
        } catch (IOException | IllegalArgumentException e) {
            CodeUnpacker.delete(target);
            throw PackageStore.invalid("Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
    }

    /**
     * The function's code with its layers: the class path gains the layers' {@code java/} folders and
     * {@code java/lib/*.jar} after the function's own entries, as the Java runtime puts
     * {@code /opt/java/lib} after {@code /var/task}. AWS extracts layers into one {@code /opt} in order,
     * a later layer's file replacing an earlier one's: so a later layer's jar of the same name wins,
     * and later {@code java/} folders come first.
     */
    public static UnpackedCode withLayers(UnpackedCode code, List<Path> layerRoots) {
        if (layerRoots.isEmpty()) {
            return code;
        }
        try {
            List<URL> classPath = new ArrayList<>(code.classPath());
            Map<String, URL> jars = new TreeMap<>();
            for (int i = layerRoots.size() - 1; i >= 0; i--) {
                Path java = layerRoots.get(i).resolve("java");
                if (Files.isDirectory(java)) {
                    classPath.add(java.toUri().toURL());
                }
            }
            for (Path layer : layerRoots) {
                Path lib = layer.resolve("java").resolve("lib");
                if (!Files.isDirectory(lib)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(lib)) {
                    for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).toList()) {
                        jars.put(jar.getFileName().toString(), jar.toUri().toURL());
                    }
                }
            }
            classPath.addAll(jars.values());
            return new UnpackedCode(code.directory(), classPath, layerRoots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
