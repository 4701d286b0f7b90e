package dev.cloudjar.services.sns;

import dev.cloudjar.events.EventBus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays outbox mail to a local SMTP server (MailHog, smtp4dev, ...) with the plainest SMTP dialogue:
 * HELO, MAIL FROM, RCPT TO, DATA, QUIT. Only loopback servers are allowed, so an emulator cannot be
 * turned into a mail relay to the internet. Sending happens on its own thread, tracked on the event bus.
 */
final class SmtpRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpRelay.class);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    static final String SENDER = "no-reply@sns.amazonaws.com";

    private final String host;
    private final int port;
    private final EventBus events;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "cloudjar-sns-smtp");
        thread.setDaemon(true);
        return thread;
    });

    private final java.time.Clock clock;
    /** Mails not sent yet; closing releases them so awaitIdle cannot wait on dropped work. */
    private final Set<EventBus.Work> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SmtpRelay(String host, int port, EventBus events, java.time.Clock clock) {
        this.clock = clock;
        this.host = host;
        this.port = port;
        this.events = events;
    }

    /** A relay for {@code host:port}, or null when none is configured or the host is not loopback. */
    static SmtpRelay fromConfig(String smtp, EventBus events, java.time.Clock clock) {
        if (smtp == null || smtp.isBlank()) {
            return null;
        }
        int colon = smtp.lastIndexOf(':');
        String host = colon < 0 ? smtp : smtp.substring(0, colon);
        int port;
        try {
            port = colon < 0 ? 25 : Integer.parseInt(smtp.substring(colon + 1));
        } catch (NumberFormatException e) {
            LOG.warn("ignoring --smtp {}: the port is not a number", smtp);
            return null;
        }
        if (!LOOPBACK.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            LOG.warn("ignoring --smtp {}: only 127.0.0.1 or localhost servers are allowed", smtp);
            return null;
        }
        return new SmtpRelay(host.replace("[", "").replace("]", ""), port, events, clock);
    }

    void send(OutboxMessage message) {
        EventBus.Work work = events.track();
        pending.add(work);
        try {
            sender.execute(() -> {
                try {
                    transmit(message);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("sns could not relay mail to {} via smtp {}:{}: {}", message.recipient(), host, port, e.toString());
                } finally {
                    finish(work);
                }
            });
        } catch (RuntimeException rejected) {
            finish(work);
        }
    }

    private void finish(EventBus.Work work) {
        pending.remove(work);
        work.close();
    }

    private void transmit(OutboxMessage message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "HELO cloudjar", "250");
            command(out, in, "MAIL FROM:<" + SENDER + ">", "250");
            command(out, in, "RCPT TO:<" + message.recipient() + ">", "250");
            command(out, in, "DATA", "354");
            StringBuilder data = new StringBuilder();
            data.append("From: AWS Notifications <").append(SENDER).append(">\r\n");
            data.append("To: ").append(message.recipient()).append("\r\n");
            data.append("Subject: ").append(message.subject() == null ? "" : message.subject()).append("\r\n");
            data.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock))).append("\r\n");
            data.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
            for (String line : message.body().split("\r?\n", -1)) {
                data.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
            }
            data.append(".\r\n");
            out.write(data.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            expect(in, "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, expected);
    }

    /** Reads a (possibly multi-line) reply and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("smtp server closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("smtp server answered " + line);
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        for (EventBus.Work work : pending) {
            finish(work);
        }
    }
}
