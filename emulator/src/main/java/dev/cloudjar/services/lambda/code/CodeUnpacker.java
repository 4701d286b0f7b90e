package dev.cloudjar.services.lambda.code;

import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.persistence.TempFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a stored package into {@code <root>/<generated id>/}: the package (its root classes) and
 * its {@code lib/*.jar} form the class path, as the Lambda Java runtime lays them out under
 * {@code /var/task}. Folder names are generated, never taken from user input; entry names are checked
 * so none can escape the folder.
 */
public final class CodeUnpacker {
    private final Path root;
    private final IdGenerator ids;

    public CodeUnpacker(Path root, IdGenerator ids) {
        this.root = root;
        this.ids = ids;
    }

    public UnpackedCode unpack(InputStream zip) {
        Path target = root.resolve("fn-" + ids.hex(8));
        try {
            Files.createDirectories(target);
            // The package itself serves the root classes (no need to write thousands of class files);
            // only the nested lib/*.jar are extracted, since a class loader cannot read jars inside a jar.
            Path packageFile = target.resolve("package.jar");
            try (OutputStream out = Files.newOutputStream(packageFile)) {
                copyBounded(zip, out, CodeLimits.MAX_ZIPPED_BYTES);
            }
            long total = 0;
            // the central directory gives random access: nothing but lib/*.jar is inflated here
            try (ZipFile zipFile = new ZipFile(packageFile.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zipFile.entries())) {
                    String name = entry.getName();
                    EntryPaths.requireSafe(name);
                    if (entry.isDirectory() || !isLibJar(name)) {
                        continue;
                    }
                    Path path = EntryPaths.resolve(target, name);
                    Files.createDirectories(path.getParent());
                    try (InputStream in = zipFile.getInputStream(entry); OutputStream out = Files.newOutputStream(path)) {
                        total += copyBounded(in, out, CodeLimits.MAX_UNZIPPED_BYTES - total);
                    }
                }
            }
            return new UnpackedCode(target, classPath(target, packageFile));
        } catch (IOException | IllegalArgumentException e) {
            delete(target);
            throw PackageStore.invalid("Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
    }

    private static boolean isLibJar(String name) {
        return name.startsWith("lib/") && name.endsWith(".jar") && name.indexOf('/', 4) < 0;
    }

    static long copyBounded(InputStream in, OutputStream out, long allowed) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            copied += read;
            if (copied > allowed) {
                throw new IOException("unzipped size over the quota");
            }
            out.write(buffer, 0, read);
        }
        return copied;
    }

    private static List<URL> classPath(Path directory, Path packageFile) throws MalformedURLException, IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(packageFile.toUri().toURL());
        Path lib = directory.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        return urls;
    }

    /** Removes an unpacked folder (best effort: a class loader may still hold files open on Windows). */
    public static void delete(Path directory) {
        if (directory != null && Files.exists(directory)) {
            TempFolders.delete(directory);
        }
    }
}
