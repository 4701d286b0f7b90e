package dev.cloudjar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code ```bash} blocks of a markdown page, in order: docs whose commands tests run as written. */
public final class MarkdownBlocks {
    private static final Pattern BASH_BLOCK = Pattern.compile("^```bash\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

    private MarkdownBlocks() {
    }

    public static List<String> bash(Path page) {
        try {
            Matcher m = BASH_BLOCK.matcher(Files.readString(page));
            List<String> blocks = new ArrayList<>();
            while (m.find()) {
                blocks.add(m.group(1));
            }
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
