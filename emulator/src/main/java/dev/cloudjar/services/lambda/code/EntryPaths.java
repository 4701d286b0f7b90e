package dev.cloudjar.services.lambda.code;

import java.nio.file.Path;

/** Zip entry names are user input: they must stay relative and inside the package folder. */
final class EntryPaths {
    private EntryPaths() {
    }

    /** Rejects absolute names, drive letters, backslashes tricks and any {@code ..} segment. */
    static void requireSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':')) {
            throw new IllegalArgumentException("unsafe zip entry: " + name);
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("unsafe zip entry: " + name);
            }
        }
    }

    /** The entry's path under {@code root}, verified to stay under it after normalisation. */
    static Path resolve(Path root, String name) {
        requireSafe(name);
        Path target = root.resolve(name.replace('\\', '/')).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("unsafe zip entry: " + name);
        }
        return target;
    }
}
