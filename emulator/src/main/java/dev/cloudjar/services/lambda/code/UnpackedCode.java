package dev.cloudjar.services.lambda.code;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * A package unpacked on disk: its folder, and the class path (the folder, then {@code lib/*.jar}, then
 * what the function's layers add). {@code layerRoots} are the function's layers unpacked, one folder
 * each, in the function's layer order: what AWS extracts into {@code /opt} (a process runtime puts
 * {@code <root>/python} on PYTHONPATH and {@code <root>/nodejs/node_modules} on NODE_PATH).
 */
public record UnpackedCode(Path directory, List<URL> classPath, List<Path> layerRoots) {
    public UnpackedCode {
        classPath = List.copyOf(classPath);
        layerRoots = layerRoots == null ? List.of() : List.copyOf(layerRoots);
    }

    /** Code without layers. */
    public UnpackedCode(Path directory, List<URL> classPath) {
        this(directory, classPath, List.of());
    }
}
