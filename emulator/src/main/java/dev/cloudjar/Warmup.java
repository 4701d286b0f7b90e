package dev.cloudjar;

import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.protocol.xml.SafeXml;
import dev.cloudjar.protocol.xml.XmlWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the heavy parts (Jackson, the store, the XML codecs, each service) on a background thread
 * while Jetty starts on the other core, so the first request a client makes does not pay for them.
 * Everything stays lazy: a request that arrives first simply builds what it needs itself.
 */
final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    private Warmup() {
    }

    static void startInBackground(StateStore store, Collection<Lazy<AwsService>> services) {
        List<Lazy<AwsService>> snapshot = new ArrayList<>(services);
        Thread thread = new Thread(() -> run(store, snapshot), "cloudjar-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run(StateStore store, List<Lazy<AwsService>> services) {
        try {
            JsonProtocol.encode(Map.of("warm", List.of(1, "x")));
            SafeXml.parse("<a><b>c</b></a>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            new XmlWriter().start("a").element("b", "c").end().toBytes();
            store.blobs();
            for (Lazy<AwsService> service : services) {
                service.get();
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("warm-up stopped early: {}", e.toString());
        }
    }
}
