package dev.cloudjar.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
    private static final String B = "xYz-boundary";

    /** Hands over at most a few bytes a read, so boundaries straddle every possible split. */
    private static InputStream trickle(byte[] bytes, int step) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static byte[] body(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("preamble\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\u00e9y\r\n--" + B + "  \r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"q\\\".bin\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nz\r\n--" + B + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void partsStreamWhateverTheReadSizes() throws IOException {
        byte[] file = new byte[200_000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i % 7 == 0 ? '\r' : i % 11 == 0 ? '-' : i);
        }
        for (int step : new int[] {1, 3, 17, 4096, 1 << 20}) {
            MultipartForm form = new MultipartForm(trickle(body(file), step), B);
            MultipartForm.Part key = form.next();
            assertEquals("key", key.name());
            assertNull(key.filename());
            assertEquals("k\u00e9y", key.text(100));
            MultipartForm.Part part = form.next();
            assertEquals("a \"q\".bin", part.filename());
            assertEquals("image/png", part.contentType());
            assertArrayEquals(file, part.content().readAllBytes(), "step " + step);
            assertEquals("z", form.next().text(10));
            assertNull(form.next());
        }
    }

    @Test
    void brokenFramingIsMalformed() throws IOException {
        MultipartForm cut = new MultipartForm(new ByteArrayInputStream(("--" + B + "\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv")
                .getBytes(StandardCharsets.UTF_8)), B);
        MultipartForm.Part part = cut.next();
        assertThrows(MultipartForm.Malformed.class, () -> part.text(10));
        MultipartForm nameless = new MultipartForm(new ByteArrayInputStream(("--" + B + "\r\nContent-Type: text/plain\r\n\r\nv\r\n--" + B + "--")
                .getBytes(StandardCharsets.UTF_8)), B);
        assertThrows(MultipartForm.Malformed.class, nameless::next);
        assertEquals("abc", MultipartForm.boundary("multipart/form-data; charset=utf-8; boundary=\"abc\""));
        assertNull(MultipartForm.boundary("multipart/form-data"));
        assertNull(MultipartForm.boundary("text/plain; boundary=abc"));
    }
}
