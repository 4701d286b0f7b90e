package dev.cloudjar.services.lambda.code;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** A package unpacked on disk: its folder, and the class path (the folder, then {@code lib/*.jar}). */
public record UnpackedCode(Path directory, List<URL> classPath) {
}
