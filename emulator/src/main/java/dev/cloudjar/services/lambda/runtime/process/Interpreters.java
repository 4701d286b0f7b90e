package dev.cloudjar.services.lambda.runtime.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds an interpreter and asks it its version and real executable, once: the real executable
 * bypasses launcher shims (pyenv, nvm), so starting an environment costs one exec, not a shell script.
 */
final class Interpreters {
    private static final long PROBE_SECONDS = 20;

    /** The interpreter to run: its executable and {@code major.minor} (Python) or major (Node.js) version. */
    record Found(String executable, String version) {
    }

    private Interpreters() {
    }

    /** Null when the command is not found or does not answer as that language's interpreter. */
    static Found probe(ProcessRuntimes.Language language, String command) {
        Path path = locate(command);
        if (path == null) {
            return null;
        }
        List<String> ask = language == ProcessRuntimes.Language.PYTHON
                ? List.of(path.toString(), "-c", "import sys;print('%d.%d' % sys.version_info[:2], sys.executable)")
                : List.of(path.toString(), "-e", "console.log(process.versions.node.split('.')[0] + ' ' + process.execPath)");
        try {
            Process p = new ProcessBuilder(ask).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String[] answer = new String(out, StandardCharsets.UTF_8).trim().split(" ", 2);
            if (p.exitValue() != 0 || answer.length < 2 || !answer[0].matches("\\d+(\\.\\d+)?")) {
                return null;
            }
            String executable = answer[1].trim();
            return new Found(Files.isExecutable(Path.of(executable)) ? executable : path.toString(), answer[0]);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A path as given, or the first executable of that name on CloudJar's PATH. */
    static Path locate(String command) {
        if (command.contains("/")) {
            Path path = Path.of(command);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
        }
        String searchPath = System.getenv("PATH");
        if (searchPath == null) {
            return null;
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
